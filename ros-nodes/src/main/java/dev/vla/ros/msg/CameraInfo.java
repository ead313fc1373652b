package dev.vla.ros.msg;

/** sensor_msgs/CameraInfo: plumb-bob model, K row-major 3x3, P row-major 3x4. */
public record CameraInfo(Header header, int height, int width, String distortionModel, double[] d, double[] k,
    double[] r, double[] p) {
  public static CameraInfo pinhole(Header header, int width, int height, double fx, double fy, double cx, double cy) {
    return new CameraInfo(header, height, width, "plumb_bob", new double[5],
        new double[] {fx, 0, cx, 0, fy, cy, 0, 0, 1},
        new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1},
        new double[] {fx, 0, cx, 0, 0, fy, cy, 0, 0, 0, 1, 0});
  }
}
