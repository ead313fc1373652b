package dev.vla.ros.msg;

/** geometry_msgs/Twist in the base frame: m/s and rad/s. */
public record Twist(Vector3 linear, Vector3 angular) {
  public static final Twist ZERO = new Twist(Vector3.ZERO, Vector3.ZERO);

  public static Twist planar(double forward, double yawRate) {
    return new Twist(new Vector3(forward, 0, 0), new Vector3(0, 0, yawRate));
  }

  public boolean isZero() {
    return linear.x() == 0 && linear.y() == 0 && linear.z() == 0 && angular.x() == 0 && angular.y() == 0
        && angular.z() == 0;
  }
}
