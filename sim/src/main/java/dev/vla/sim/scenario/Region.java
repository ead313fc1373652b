package dev.vla.sim.scenario;

/** A named rectangle of the floor, axis-aligned, world frame: centre and full size in metres. */
public record Region(String name, double cx, double cy, double width, double height) {
  public boolean contains(double x, double y) {
    return Math.abs(x - cx) <= width / 2 && Math.abs(y - cy) <= height / 2;
  }
}
