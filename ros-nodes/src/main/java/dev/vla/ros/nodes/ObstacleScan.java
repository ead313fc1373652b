package dev.vla.ros.nodes;

import dev.vla.affordances.ArmKinematics;
import dev.vla.affordances.RobotGeometry;
import dev.vla.model.Rigid;

/**
 * The free distance ahead of the base from one depth image: every 8th pixel is lifted to
 * {@code base_link} and those inside the corridor the base sweeps driving forward (its width plus a
 * margin, from 3 cm above the floor to 2 m) count as obstacles, except the robot's own body: its
 * base and mast (inside the footprint) and points on or next to its arm (and what it holds). The third-nearest point is the answer, so a few noisy pixels do
 * not stop the robot.
 *
 * <p>The head camera cannot see the floor right in front of the base (about 0.6 m at the default tilt)
 * nor anything when it looks away from the direction of travel: low obstacles there need a bumper or
 * a base scanner, which the supervisor would take as a second distance.
 */
final class ObstacleScan {
  static final int STRIDE = 8;
  static final double LATERAL_MARGIN = 0.05;
  static final double MIN_HEIGHT = 0.03;
  static final double MAX_HEIGHT = 2.0;
  /** Points this close to an arm segment belong to the arm or to what the gripper holds. */
  static final double SELF_CLEARANCE = 0.14;
  static final int ROBUST_RANK = 3;
  /** Points within the base's footprint plus this are the robot itself. */
  static final double SELF_MARGIN = 0.01;

  private final RobotGeometry geometry;
  private final ArmKinematics arm;

  ObstacleScan(RobotGeometry geometry) {
    this.geometry = geometry;
    this.arm = new ArmKinematics(geometry);
  }

  /**
   * @param depth metres, row-major, {@code width * height}; non-finite or non-positive = no reading
   * @param baseFromOptical the camera's optical frame in {@code base_link}
   * @param armJoints the arm's joint angles, or null when unknown (then nothing is filtered out)
   * @return metres from the base's front to the obstacle; {@code +Infinity} when the corridor is clear
   */
  double freeDistance(float[] depth, int width, int height, double fx, double fy, double cx, double cy,
      Rigid baseFromOptical, double[] armJoints) {
    double[][] armPoints = armJoints == null ? new double[0][] : arm.forward(armJoints);
    double halfWidth = geometry.baseRadius() + LATERAL_MARGIN;
    double radius = geometry.baseRadius();
    double[] nearest = new double[ROBUST_RANK];
    java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    for (int v = STRIDE / 2; v < height; v += STRIDE) {
      for (int u = STRIDE / 2; u < width; u += STRIDE) {
        float z = depth[v * width + u];
        if (!(z > 0) || Float.isInfinite(z)) {
          continue;
        }
        double[] p = baseFromOptical.apply((u - cx) * z / fx, (v - cy) * z / fy, z);
        if (p[0] <= 0 || Math.abs(p[1]) > halfWidth || p[2] < MIN_HEIGHT || p[2] > MAX_HEIGHT) {
          continue;
        }
        if (Math.hypot(p[0], p[1]) <= radius + SELF_MARGIN) {
          continue; // the robot's own base and mast
        }
        // Distance the round base can still drive before touching the point.
        double d = Math.max(0, p[0] - Math.sqrt(Math.max(0, radius * radius - p[1] * p[1])));
        if (d >= nearest[ROBUST_RANK - 1] || nearArm(p, armPoints)) {
          continue;
        }
        int i = ROBUST_RANK - 1;
        while (i > 0 && nearest[i - 1] > d) {
          nearest[i] = nearest[i - 1];
          i--;
        }
        nearest[i] = d;
      }
    }
    return nearest[ROBUST_RANK - 1];
  }

  private static boolean nearArm(double[] p, double[][] chain) {
    for (int i = 0; i + 1 < chain.length; i++) {
      if (segmentDistance(p, chain[i], chain[i + 1]) < SELF_CLEARANCE) {
        return true;
      }
    }
    return false;
  }

  private static double segmentDistance(double[] p, double[] a, double[] b) {
    double[] ab = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
    double len2 = ab[0] * ab[0] + ab[1] * ab[1] + ab[2] * ab[2];
    double t = len2 == 0 ? 0
        : Math.max(0, Math.min(1, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1] + (p[2] - a[2]) * ab[2]) / len2));
    double dx = p[0] - (a[0] + t * ab[0]);
    double dy = p[1] - (a[1] + t * ab[1]);
    double dz = p[2] - (a[2] + t * ab[2]);
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }
}
