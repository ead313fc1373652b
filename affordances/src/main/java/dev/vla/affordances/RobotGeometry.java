package dev.vla.affordances;

/**
 * Dimensions and limits of the robot of DESIGN §3: differential-drive base, 4-DOF arm with a parallel
 * gripper, RGB-D head camera on a pan/tilt. Shared by the skills (inverse kinematics) and the
 * simulator (forward kinematics), so both agree. Metres, radians, seconds (REP-103).
 *
 * <p>Arm: joint 0 yaws about z at the shoulder; joints 1-3 pitch in the vertical plane it selects.
 * Joint 1 is the upper arm's elevation above horizontal, joints 2 and 3 are relative bends, so the
 * gripper's pitch is {@code q1 + q2 + q3} (-pi/2 points straight down).
 */
public record RobotGeometry(
    double baseRadius,
    double baseHeight,
    double maxLinearSpeed,
    double maxAngularSpeed,
    double maxLinearAccel,
    double maxAngularAccel,
    double shoulderX,
    double shoulderZ,
    double upperArm,
    double forearm,
    double hand,
    double[] jointMin,
    double[] jointMax,
    double maxJointSpeed,
    double gripperMaxWidth,
    double gripperSpeed,
    double cameraX,
    double cameraZ,
    double headDefaultTilt,
    double headPanMin,
    double headPanMax,
    double headTiltMin,
    double headTiltMax,
    int imageWidth,
    int imageHeight,
    double horizontalFovRadians) {

  public RobotGeometry {
    if (jointMin.length != 4 || jointMax.length != 4) {
      throw new IllegalArgumentException("the arm has 4 joints");
    }
    jointMin = jointMin.clone();
    jointMax = jointMax.clone();
  }

  /** The robot every scenario uses. */
  public static RobotGeometry standard() {
    return new RobotGeometry(
        0.25, 0.35, 0.5, 1.5, 1.0, 3.0,
        0.12, 0.40, 0.47, 0.40, 0.14,
        new double[] {-2.8, -1.2, -2.9, -2.6},
        new double[] {2.8, 2.5, 0.2, 2.6},
        1.5, 0.15, 0.15,
        0.05, 1.20, 0.68, -2.0, 2.0, -0.5, 1.3,
        640, 480, Math.toRadians(60));
  }

  @Override
  public double[] jointMin() {
    return jointMin.clone();
  }

  @Override
  public double[] jointMax() {
    return jointMax.clone();
  }

  /** Tucked pose: upper arm raised, forearm folded down beside it, gripper pointing down, out of the camera's view. */
  public double[] armHome() {
    return new double[] {0.0, 1.45, -2.75, -0.80};
  }

  /** Focal length in pixels of the head camera (square pixels). */
  public double focalPixels() {
    return (imageWidth / 2.0) / Math.tan(horizontalFovRadians / 2.0);
  }

  /** Largest horizontal distance from the base centre the fingertips reach pointing down at height z. */
  public double maxReach() {
    return 0.6;
  }
}
