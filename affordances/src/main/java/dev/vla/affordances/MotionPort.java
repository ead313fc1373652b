package dev.vla.affordances;

/**
 * Where skills send motion: the base, the arm, the gripper and the head. Implementations publish on
 * {@code /cmd_vel}, {@code /arm_controller/joint_trajectory}, {@code /gripper/command} and the head
 * controller, or drive a simulator directly. Called only from the executor thread; implementations
 * must not block (queue and return).
 */
public interface MotionPort {
  /** Base velocity in base_link: forward m/s and yaw rate rad/s (geometry_msgs/Twist). */
  void baseVelocity(double linearMetresPerSecond, double angularRadiansPerSecond);

  /** Moves the arm to the given joint angles, arriving after {@code durationSeconds} (0 = hold here now). */
  void armTrajectory(double[] jointPositions, double durationSeconds);

  /** Opens or closes the parallel gripper to {@code widthMetres} (0 = fully closed). */
  void gripper(double widthMetres);

  /** Points the head camera. */
  void head(double panRadians, double tiltRadians);
}
