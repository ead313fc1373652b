package dev.vla.ros.msg;

/** geometry_msgs/Vector3. */
public record Vector3(double x, double y, double z) {
  public static final Vector3 ZERO = new Vector3(0, 0, 0);

  public boolean finite() {
    return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z);
  }
}
