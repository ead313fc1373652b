package dev.vla.affordances;

/** A point in metres in a named frame (REP-103: x forward, y left, z up for body frames). */
public record Point3(String frameId, double x, double y, double z) {
  public Point3 {
    if (frameId == null || frameId.isBlank()) {
      throw new IllegalArgumentException("a point needs a frame id, e.g. \"odom\"");
    }
    if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
      throw new IllegalArgumentException(
          "point coordinates must be finite, got (" + x + ", " + y + ", " + z + ") in " + frameId);
    }
  }

  public double horizontalDistanceTo(double ox, double oy) {
    return Math.hypot(x - ox, y - oy);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s(%.3f, %.3f, %.3f)", frameId, x, y, z);
  }
}
