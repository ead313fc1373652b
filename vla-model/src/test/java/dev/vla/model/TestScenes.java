package dev.vla.model;

import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.RobotState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small synthetic observations for tests: a 64x48 image with fx = fy = 50 and the principal point at its centre. */
public final class TestScenes {
  public static final CameraIntrinsics K = new CameraIntrinsics(64, 48, 50, 50, 31.5, 23.5);

  private TestScenes() {}

  /** Depth {@code metres} everywhere. */
  public static float[] constantDepth(CameraIntrinsics k, float metres) {
    float[] d = new float[k.width() * k.height()];
    Arrays.fill(d, metres);
    return d;
  }

  public static Observation observation(CameraIntrinsics k, float[] depth, Rigid odomFromOptical) {
    return new Observation(0, new byte[k.width() * k.height() * 3], depth, k, odomFromOptical,
        RobotState.initial(RobotGeometry.standard()), "", 1, List.of(), Map.of());
  }

  /**
   * Pose of a camera at {@code (x, y, z)} looking along +x of odom, pitched down by {@code pitch}
   * radians (optical frame: x right, y down, z forward).
   */
  public static Rigid cameraPose(double x, double y, double z, double pitch) {
    double c = Math.cos(pitch);
    double s = Math.sin(pitch);
    // Columns: the optical x, y and z axes expressed in odom.
    double[] ox = {0, -1, 0};
    double[] oy = {-s, 0, -c};
    double[] oz = {c, 0, -s};
    return new Rigid(new double[] {
      ox[0], oy[0], oz[0], x,
      ox[1], oy[1], oz[1], y,
      ox[2], oy[2], oz[2], z,
      0, 0, 0, 1});
  }

  /** Depth of the floor plane z = 0 seen from {@code pose}; NaN where a ray does not hit it. */
  public static float[] floorDepth(CameraIntrinsics k, Rigid pose) {
    double[] m = pose.m();
    float[] d = new float[k.width() * k.height()];
    for (int v = 0; v < k.height(); v++) {
      for (int u = 0; u < k.width(); u++) {
        double[] ray = k.backProject(u, v, 1.0);
        double dz = m[8] * ray[0] + m[9] * ray[1] + m[10] * ray[2];
        d[v * k.width() + u] = dz < -1e-9 ? (float) (-m[11] / dz) : Float.NaN;
      }
    }
    return d;
  }
}
