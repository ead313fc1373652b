package dev.vla.affordances;

import java.util.Optional;

/**
 * Closed-form forward and inverse kinematics of the 4-DOF arm of {@link RobotGeometry}. Stateless
 * and thread-safe. Coordinates are in base_link (x forward, y left, z up from the floor).
 */
public final class ArmKinematics {
  private final RobotGeometry g;

  public ArmKinematics(RobotGeometry geometry) {
    this.g = geometry;
  }

  /** Fingertip centre and the wrist and elbow points for the joints {@code q}: {x,y,z} each. */
  public double[][] forward(double[] q) {
    double yaw = q[0];
    double a1 = q[1];
    double a2 = a1 + q[2];
    double a3 = a2 + q[3];
    double rElbow = g.upperArm() * Math.cos(a1);
    double zElbow = g.shoulderZ() + g.upperArm() * Math.sin(a1);
    double rWrist = rElbow + g.forearm() * Math.cos(a2);
    double zWrist = zElbow + g.forearm() * Math.sin(a2);
    double rTip = rWrist + g.hand() * Math.cos(a3);
    double zTip = zWrist + g.hand() * Math.sin(a3);
    double c = Math.cos(yaw);
    double s = Math.sin(yaw);
    return new double[][] {
      {g.shoulderX(), 0, g.shoulderZ()},
      {g.shoulderX() + c * rElbow, s * rElbow, zElbow},
      {g.shoulderX() + c * rWrist, s * rWrist, zWrist},
      {g.shoulderX() + c * rTip, s * rTip, zTip},
    };
  }

  /** Fingertip centre for the joints {@code q}. */
  public double[] fingertip(double[] q) {
    return forward(q)[3];
  }

  /**
   * Joint angles that put the fingertip centre at (x, y, z) with the gripper pitched at {@code pitch}
   * (-pi/2: pointing down), elbow up; empty when the point is out of reach or a joint limit is hit.
   */
  public Optional<double[]> inverse(double x, double y, double z, double pitch) {
    double dx = x - g.shoulderX();
    double r = Math.hypot(dx, y);
    double yaw = r < 1e-9 ? 0.0 : Math.atan2(y, dx);
    double rw = r - g.hand() * Math.cos(pitch);
    double zw = z - g.hand() * Math.sin(pitch) - g.shoulderZ();
    double l1 = g.upperArm();
    double l2 = g.forearm();
    double d2 = rw * rw + zw * zw;
    double cosElbow = (d2 - l1 * l1 - l2 * l2) / (2 * l1 * l2);
    if (cosElbow > 1.0 || cosElbow < -1.0) {
      return Optional.empty();
    }
    double elbow = -Math.acos(cosElbow); // negative bend keeps the elbow above the wrist line
    double shoulder = Math.atan2(zw, rw) - Math.atan2(l2 * Math.sin(elbow), l1 + l2 * Math.cos(elbow));
    double wrist = pitch - shoulder - elbow;
    double[] q = {yaw, shoulder, elbow, Pose2D.wrap(wrist)};
    return withinLimits(q) ? Optional.of(q) : Optional.empty();
  }

  public boolean withinLimits(double[] q) {
    double[] lo = g.jointMin();
    double[] hi = g.jointMax();
    for (int i = 0; i < 4; i++) {
      if (q[i] < lo[i] - 1e-9 || q[i] > hi[i] + 1e-9) {
        return false;
      }
    }
    return true;
  }

  /** Seconds a joint-space move takes at the arm's speed limit, at least {@code minimum}. */
  public double moveDuration(double[] from, double[] to, double minimum) {
    double max = 0;
    for (int i = 0; i < 4; i++) {
      max = Math.max(max, Math.abs(to[i] - from[i]));
    }
    return Math.max(minimum, max / g.maxJointSpeed());
  }
}
