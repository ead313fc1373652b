package dev.vla.sim.scenario;

/** SDF geometry the simulator understands. Sizes in metres. */
public sealed interface Geometry {
  /** A box with full side lengths. */
  record Box(double sx, double sy, double sz) implements Geometry {}

  /** A cylinder along its local z axis. */
  record Cylinder(double radius, double length) implements Geometry {}

  record Sphere(double radius) implements Geometry {}

  /** An infinite plane through the origin with the given normal; {@code sx, sy} is its drawn extent. */
  record Plane(double nx, double ny, double nz, double sx, double sy) implements Geometry {}
}
