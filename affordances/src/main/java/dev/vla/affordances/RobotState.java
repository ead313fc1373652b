package dev.vla.affordances;

import java.util.Arrays;

/**
 * What the robot reports about itself, as assembled from {@code /odom} and {@code /joint_states}.
 * Immutable snapshot; the executor refreshes it every tick.
 *
 * @param stampNanos time of the newest measurement in it
 * @param baseInOdom base_link pose in the odom frame
 * @param linearVelocity measured forward speed, m/s
 * @param angularVelocity measured yaw rate, rad/s
 * @param armJoints the four arm joint angles, radians (yaw, shoulder, elbow, wrist)
 * @param gripperWidth measured finger opening, metres
 * @param gripperVelocity measured finger opening rate, m/s
 * @param gripperEffort force the fingers press with, newtons (a gripper closed on something reports it)
 * @param headPan head pan, radians, positive left
 * @param headTilt head tilt, radians, positive down
 */
public record RobotState(
    long stampNanos,
    Pose2D baseInOdom,
    double linearVelocity,
    double angularVelocity,
    double[] armJoints,
    double gripperWidth,
    double gripperVelocity,
    double gripperEffort,
    double headPan,
    double headTilt) {

  /** Finger force above which the gripper is taken to be closed on something. */
  public static final double HOLDING_EFFORT_NEWTONS = 5.0;

  public RobotState {
    if (armJoints == null || armJoints.length != 4) {
      throw new IllegalArgumentException("the arm has 4 joints, got " + (armJoints == null ? "none" : armJoints.length));
    }
    armJoints = armJoints.clone();
  }

  @Override
  public double[] armJoints() {
    return armJoints.clone();
  }

  public double armJoint(int i) {
    return armJoints[i];
  }

  /** True when the fingers have stopped and press on something, as object detection on real grippers reports. */
  public boolean holding() {
    return Math.abs(gripperVelocity) < 1e-3 && gripperEffort > HOLDING_EFFORT_NEWTONS;
  }

  public boolean baseStill() {
    return Math.abs(linearVelocity) < 1e-3 && Math.abs(angularVelocity) < 1e-3;
  }

  /** A robot at the origin, arm tucked, gripper open; for tests and start-up. */
  public static RobotState initial(RobotGeometry geometry) {
    return new RobotState(0, Pose2D.ORIGIN, 0, 0, geometry.armHome(), geometry.gripperMaxWidth(), 0, 0, 0,
        geometry.headDefaultTilt());
  }

  @Override
  public String toString() {
    return "RobotState[t=" + stampNanos + ", base=" + baseInOdom + ", arm=" + Arrays.toString(armJoints)
        + ", gripper=" + gripperWidth + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RobotState r && r.stampNanos == stampNanos && r.baseInOdom.equals(baseInOdom)
        && Arrays.equals(r.armJoints, armJoints) && r.gripperWidth == gripperWidth;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(stampNanos) * 31 + Arrays.hashCode(armJoints);
  }
}
