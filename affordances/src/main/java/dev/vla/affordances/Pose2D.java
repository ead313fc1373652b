package dev.vla.affordances;

import java.util.Locale;

/** A planar pose: position in metres and heading (yaw) in radians, counter-clockwise from +x. */
public record Pose2D(double x, double y, double yaw) {
  public static final Pose2D ORIGIN = new Pose2D(0, 0, 0);

  public Pose2D {
    if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(yaw)) {
      throw new IllegalArgumentException("pose must be finite, got (" + x + ", " + y + ", " + yaw + ")");
    }
  }

  /** Expresses a point given in this pose's parent frame in this pose's own frame. */
  public double[] toLocal(double px, double py) {
    double dx = px - x;
    double dy = py - y;
    double c = Math.cos(yaw);
    double s = Math.sin(yaw);
    return new double[] {c * dx + s * dy, -s * dx + c * dy};
  }

  /** Expresses a point given in this pose's own frame in its parent frame. */
  public double[] toParent(double lx, double ly) {
    double c = Math.cos(yaw);
    double s = Math.sin(yaw);
    return new double[] {x + c * lx - s * ly, y + s * lx + c * ly};
  }

  public double distanceTo(double px, double py) {
    return Math.hypot(px - x, py - y);
  }

  /** Wraps an angle to (-pi, pi]. */
  public static double wrap(double angle) {
    double a = Math.IEEEremainder(angle, 2 * Math.PI);
    return a <= -Math.PI ? a + 2 * Math.PI : a;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "(%.3f, %.3f, %.1f°)", x, y, Math.toDegrees(yaw));
  }
}
