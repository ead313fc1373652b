package dev.vla.model;

import dev.vla.affordances.Pixel;
import dev.vla.affordances.Point3;
import java.util.Arrays;
import java.util.Optional;

/**
 * Lifts the pixel a policy pointed at to a 3D point in {@code odom}: the median depth of the valid
 * pixels in a small window around it, back-projected through the intrinsics, then moved into
 * {@code odom} with the camera pose of the observation. Stateless and thread-safe.
 */
public final class TargetLifter {
  /** Half size of the depth window: 5x5 pixels. */
  static final int WINDOW = 2;
  /** If the window has no valid depth, look this far for the nearest valid pixel. */
  static final int SEARCH = 6;

  private TargetLifter() {}

  /** The point under {@code pixel}, or empty when the depth image has no finite return near it. */
  public static Optional<Point3> lift(Observation obs, Pixel pixel) {
    if (pixel.u() >= obs.width() || pixel.v() >= obs.height()) {
      return Optional.empty();
    }
    double z = medianDepth(obs, pixel.u(), pixel.v(), WINDOW);
    if (Double.isNaN(z)) {
      z = medianDepth(obs, pixel.u(), pixel.v(), SEARCH);
    }
    if (Double.isNaN(z)) {
      return Optional.empty();
    }
    double[] optical = obs.intrinsics().backProject(pixel.u(), pixel.v(), z);
    double[] odom = obs.odomFromOptical().apply(optical[0], optical[1], optical[2]);
    if (!Double.isFinite(odom[0]) || !Double.isFinite(odom[1]) || !Double.isFinite(odom[2])) {
      return Optional.empty(); // a depth or pose so large that the point overflows: no usable return
    }
    return Optional.of(new Point3("odom", odom[0], odom[1], odom[2]));
  }

  static double medianDepth(Observation obs, int u, int v, int half) {
    float[] values = new float[(2 * half + 1) * (2 * half + 1)];
    int n = 0;
    for (int dv = -half; dv <= half; dv++) {
      for (int du = -half; du <= half; du++) {
        float d = obs.depthAt(u + du, v + dv);
        if (Float.isFinite(d) && d > 0) {
          values[n++] = d;
        }
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    Arrays.sort(values, 0, n);
    return values[n / 2];
  }
}
