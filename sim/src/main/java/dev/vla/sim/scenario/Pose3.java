package dev.vla.sim.scenario;

/**
 * An SDF pose: position in metres and roll, pitch, yaw in radians (fixed-axis X-Y-Z, as SDF).
 */
public record Pose3(double x, double y, double z, double roll, double pitch, double yaw) {
  public static final Pose3 IDENTITY = new Pose3(0, 0, 0, 0, 0, 0);

  /** This pose followed by {@code child} (child expressed in this pose's frame). */
  public Pose3 compose(Pose3 child) {
    double[] m = Transform.fromPose(this).times(Transform.fromPose(child)).rowMajor();
    return Transform.ofRowMajor(m).toPose();
  }

  public static Pose3 xyzYaw(double x, double y, double z, double yaw) {
    return new Pose3(x, y, z, 0, 0, yaw);
  }

  public Pose3 withPosition(double nx, double ny, double nz) {
    return new Pose3(nx, ny, nz, roll, pitch, yaw);
  }
}
