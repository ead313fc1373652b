package dev.vla.ros.msg;

/** geometry_msgs/Quaternion (x, y, z, w). */
public record Quaternion(double x, double y, double z, double w) {
  public static Quaternion ofYaw(double yaw) {
    return new Quaternion(0, 0, Math.sin(yaw / 2), Math.cos(yaw / 2));
  }

  /** From a row-major rotation (top-left 3x3 of a 4x4). */
  public static Quaternion ofMatrix(double[] m) {
    double trace = m[0] + m[5] + m[10];
    if (trace > 0) {
      double s = Math.sqrt(trace + 1.0) * 2;
      return new Quaternion((m[9] - m[6]) / s, (m[2] - m[8]) / s, (m[4] - m[1]) / s, 0.25 * s);
    } else if (m[0] > m[5] && m[0] > m[10]) {
      double s = Math.sqrt(1.0 + m[0] - m[5] - m[10]) * 2;
      return new Quaternion(0.25 * s, (m[1] + m[4]) / s, (m[2] + m[8]) / s, (m[9] - m[6]) / s);
    } else if (m[5] > m[10]) {
      double s = Math.sqrt(1.0 + m[5] - m[0] - m[10]) * 2;
      return new Quaternion((m[1] + m[4]) / s, 0.25 * s, (m[6] + m[9]) / s, (m[2] - m[8]) / s);
    } else {
      double s = Math.sqrt(1.0 + m[10] - m[0] - m[5]) * 2;
      return new Quaternion((m[2] + m[8]) / s, (m[6] + m[9]) / s, 0.25 * s, (m[4] - m[1]) / s);
    }
  }

  public double yaw() {
    return Math.atan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z));
  }

  /** Row-major 4x4 with the given translation. */
  public double[] toMatrix(double tx, double ty, double tz) {
    return new double[] {
      1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w), tx,
      2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w), ty,
      2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y), tz,
      0, 0, 0, 1
    };
  }
}
