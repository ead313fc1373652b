package dev.vla.sim.world;

import dev.vla.sim.scenario.Geometry;
import dev.vla.sim.scenario.Rgba;
import dev.vla.sim.scenario.Transform;

/**
 * One visual or collision shape of a body, posed in world coordinates on demand. Queries used by
 * contacts, support and predicates: world bounds, horizontal footprint tests and extents along an axis.
 */
final class Shape {
  final String name;
  final Geometry geometry;
  final Rgba color;
  /** Link-from-shape: the shape's pose inside its link. */
  final Transform linkFromShape;

  Shape(String name, Geometry geometry, Rgba color, Transform linkFromShape) {
    this.name = name;
    this.geometry = geometry;
    this.color = color;
    this.linkFromShape = linkFromShape;
  }

  boolean isPlane() {
    return geometry instanceof Geometry.Plane;
  }

  /** Half sizes of the shape's own bounding box in its frame. */
  double[] halfSize() {
    if (geometry instanceof Geometry.Box b) {
      return new double[] {b.sx() / 2, b.sy() / 2, b.sz() / 2};
    }
    if (geometry instanceof Geometry.Cylinder c) {
      return new double[] {c.radius(), c.radius(), c.length() / 2};
    }
    if (geometry instanceof Geometry.Sphere s) {
      return new double[] {s.radius(), s.radius(), s.radius()};
    }
    Geometry.Plane p = (Geometry.Plane) geometry;
    return new double[] {p.sx() / 2, p.sy() / 2, 0};
  }

  /** World axis-aligned bounds {minX, minY, minZ, maxX, maxY, maxZ} for the shape at {@code worldFromShape}. */
  double[] bounds(Transform worldFromShape) {
    double[] h = halfSize();
    double[] c = worldFromShape.translationPart();
    double[] out = new double[6];
    for (int axis = 0; axis < 3; axis++) {
      double extent;
      if (geometry instanceof Geometry.Sphere) {
        extent = h[0];
      } else {
        extent = Math.abs(worldFromShape.get(axis, 0)) * h[0]
            + Math.abs(worldFromShape.get(axis, 1)) * h[1]
            + Math.abs(worldFromShape.get(axis, 2)) * h[2];
      }
      out[axis] = c[axis] - extent;
      out[axis + 3] = c[axis] + extent;
    }
    if (geometry instanceof Geometry.Cylinder cyl) {
      // An upright cylinder's horizontal extent is its radius whatever its yaw.
      double axisZ = Math.abs(worldFromShape.get(2, 2));
      if (axisZ > 0.999) {
        out[0] = c[0] - cyl.radius();
        out[1] = c[1] - cyl.radius();
        out[3] = c[0] + cyl.radius();
        out[4] = c[1] + cyl.radius();
      }
    }
    return out;
  }

  /** Half extent of the shape measured along the unit world direction (dx, dy, dz). */
  double extentAlong(Transform worldFromShape, double dx, double dy, double dz) {
    double[] h = halfSize();
    if (geometry instanceof Geometry.Sphere s) {
      return s.radius();
    }
    if (geometry instanceof Geometry.Cylinder c) {
      double[] ax = worldFromShape.rotate(0, 0, 1);
      double along = Math.abs(ax[0] * dx + ax[1] * dy + ax[2] * dz);
      return along * h[2] + Math.sqrt(Math.max(0, 1 - along * along)) * c.radius();
    }
    double e = 0;
    for (int i = 0; i < 3; i++) {
      e += Math.abs(worldFromShape.get(0, i) * dx + worldFromShape.get(1, i) * dy + worldFromShape.get(2, i) * dz) * h[i];
    }
    return e;
  }

  /**
   * Horizontal distance from (x, y) to the shape's footprint (0 inside). Boxes use their oriented
   * rectangle, cylinders and spheres their circle; planes are unbounded within their drawn size.
   */
  double footprintDistance(Transform worldFromShape, double x, double y) {
    double[] c = worldFromShape.translationPart();
    if (geometry instanceof Geometry.Sphere s) {
      return Math.max(0, Math.hypot(x - c[0], y - c[1]) - s.radius());
    }
    if (geometry instanceof Geometry.Cylinder cyl && Math.abs(worldFromShape.get(2, 2)) > 0.999) {
      return Math.max(0, Math.hypot(x - c[0], y - c[1]) - cyl.radius());
    }
    double[] h = halfSize();
    if (geometry instanceof Geometry.Cylinder) {
      double[] b = bounds(worldFromShape);
      double ox = Math.max(0, Math.max(b[0] - x, x - b[3]));
      double oy = Math.max(0, Math.max(b[1] - y, y - b[4]));
      return Math.hypot(ox, oy);
    }
    // Express the point in the shape frame; assumes the shape is upright (yaw only), as furniture is.
    double[] local = worldFromShape.inverse().apply(x, y, c[2]);
    double ox = Math.max(0, Math.abs(local[0]) - h[0]);
    double oy = Math.max(0, Math.abs(local[1]) - h[1]);
    return Math.hypot(ox, oy);
  }
}
