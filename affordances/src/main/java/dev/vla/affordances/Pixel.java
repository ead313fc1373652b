package dev.vla.affordances;

/** An image pixel: column {@code u} and row {@code v}, origin top-left, as in OpenCV and ROS. */
public record Pixel(int u, int v) {
  public Pixel {
    if (u < 0 || v < 0) {
      throw new IllegalArgumentException("pixel coordinates must be non-negative, got (" + u + ", " + v + ")");
    }
  }

  @Override
  public String toString() {
    return "(" + u + "," + v + ")";
  }
}
