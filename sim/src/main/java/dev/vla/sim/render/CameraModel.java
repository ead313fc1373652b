package dev.vla.sim.render;

/**
 * A pinhole camera without distortion: image size in pixels, focal lengths and principal point in
 * pixels, and the depth range in metres. Immutable.
 *
 * <p>Image coordinates are continuous: pixel {@code (i, j)} covers {@code [i, i+1) x [j, j+1)}, so
 * its centre is at {@code (i + 0.5, j + 0.5)}. A point {@code (X, Y, Z)} of the optical frame (x
 * right, y down, z forward) projects to {@code u = fx*X/Z + cx}, {@code v = fy*Y/Z + cy} and lies in
 * pixel {@code (floor(u), floor(v))}. OpenCV and ROS {@code CameraInfo} put pixel centres at integer
 * coordinates instead; {@link #opencvCx()} and {@link #opencvCy()} give the principal point in that
 * convention, which is what a {@code CameraInfo} for these images must carry.
 *
 * @param nearMetres nothing nearer than this is drawn (the near clipping plane), must be positive
 * @param farMetres the depth sensor's range: surfaces beyond it are drawn in colour but have no
 *     depth; may be {@link Double#POSITIVE_INFINITY}
 */
public record CameraModel(
    int width, int height, double fx, double fy, double cx, double cy, double nearMetres, double farMetres) {

  public CameraModel {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("camera image size must be positive, got " + width + "x" + height);
    }
    if (!(fx > 0) || !(fy > 0) || Double.isInfinite(fx) || Double.isInfinite(fy)) {
      throw new IllegalArgumentException("camera focal lengths must be positive and finite, got " + fx + ", " + fy);
    }
    if (!Double.isFinite(cx) || !Double.isFinite(cy)) {
      throw new IllegalArgumentException("camera principal point must be finite, got " + cx + ", " + cy);
    }
    if (!(nearMetres > 0) || Double.isInfinite(nearMetres)) {
      throw new IllegalArgumentException("camera near plane must be positive and finite, got " + nearMetres);
    }
    if (!(farMetres > nearMetres)) {
      throw new IllegalArgumentException(
          "camera far limit must exceed the near plane, got near " + nearMetres + ", far " + farMetres);
    }
  }

  /**
   * A camera with square pixels, the principal point at the image centre ({@code w/2, h/2}) and the
   * given horizontal field of view.
   */
  public static CameraModel ofHorizontalFov(
      int width, int height, double horizontalFovRadians, double nearMetres, double farMetres) {
    if (!(horizontalFovRadians > 0 && horizontalFovRadians < Math.PI)) {
      throw new IllegalArgumentException("horizontal field of view must be in (0, pi), got " + horizontalFovRadians);
    }
    double f = (width / 2.0) / Math.tan(horizontalFovRadians / 2);
    return new CameraModel(width, height, f, f, width / 2.0, height / 2.0, nearMetres, farMetres);
  }

  /** Horizontal field of view in radians, from the image edges. */
  public double horizontalFovRadians() {
    return Math.atan(cx / fx) + Math.atan((width - cx) / fx);
  }

  /** Vertical field of view in radians, from the image edges. */
  public double verticalFovRadians() {
    return Math.atan(cy / fy) + Math.atan((height - cy) / fy);
  }

  /** The principal point's u in the OpenCV/ROS convention, where pixel i's centre is at u = i. */
  public double opencvCx() {
    return cx - 0.5;
  }

  /** The principal point's v in the OpenCV/ROS convention, where pixel j's centre is at v = j. */
  public double opencvCy() {
    return cy - 0.5;
  }

  /** Continuous image u of a point of the optical frame; {@code z} must be positive. */
  public double projectU(double x, double z) {
    return fx * x / z + cx;
  }

  /** Continuous image v of a point of the optical frame; {@code z} must be positive. */
  public double projectV(double y, double z) {
    return fy * y / z + cy;
  }
}
