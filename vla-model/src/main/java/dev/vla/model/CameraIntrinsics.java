package dev.vla.model;

/**
 * Pinhole intrinsics of a camera image (sensor_msgs/CameraInfo's K): focal lengths and principal point
 * in pixels, with pixel centres at integer coordinates as in ROS and OpenCV.
 */
public record CameraIntrinsics(int width, int height, double fx, double fy, double cx, double cy) {
  public CameraIntrinsics {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
    }
    if (!(fx > 0) || !(fy > 0) || !Double.isFinite(fx) || !Double.isFinite(fy) || !Double.isFinite(cx)
        || !Double.isFinite(cy)) {
      throw new IllegalArgumentException("focal lengths must be positive and finite and the principal point finite, got fx="
          + fx + " fy=" + fy + " cx=" + cx + " cy=" + cy);
    }
  }

  /** The point at depth z on the ray through pixel (u, v), in the optical frame: {x, y, z}. */
  public double[] backProject(double u, double v, double z) {
    return new double[] {(u - cx) * z / fx, (v - cy) * z / fy, z};
  }

  /** The continuous pixel coordinates (u, v) a point in the optical frame projects to; round for the pixel index. */
  public double[] project(double x, double y, double z) {
    return new double[] {fx * x / z + cx, fy * y / z + cy};
  }
}
