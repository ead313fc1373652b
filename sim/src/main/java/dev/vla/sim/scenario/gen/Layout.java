package dev.vla.sim.scenario.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Keeps generated scenes physically sensible: footprints do not overlap, and the robot's drive paths
 * (a swept disc of the base's radius plus a margin) stay clear of floor objects it must not hit.
 * Not thread-safe; one per scene.
 */
final class Layout {
  /** Base radius plus clearance for paths. */
  static final double PATH_CLEARANCE = 0.34;

  private record Footprint(double x, double y, double r, boolean onFloor) {}

  private final Random rng;
  private final List<Footprint> placed = new ArrayList<>();

  Layout(Random rng) {
    this.rng = rng;
  }

  Random rng() {
    return rng;
  }

  /** Reserves a disc; false when it overlaps one already placed. */
  boolean reserve(double x, double y, double r, boolean onFloor) {
    for (Footprint f : placed) {
      if (Math.hypot(f.x - x, f.y - y) < f.r + r) {
        return false;
      }
    }
    placed.add(new Footprint(x, y, r, onFloor));
    return true;
  }

  /** Tries random points in the box until one can be reserved; null after many tries. */
  double[] place(double x0, double x1, double y0, double y1, double r, boolean onFloor) {
    for (int i = 0; i < 400; i++) {
      double x = x0 + (x1 - x0) * rng.nextDouble();
      double y = y0 + (y1 - y0) * rng.nextDouble();
      if (reserve(x, y, r, onFloor)) {
        return new double[] {x, y};
      }
    }
    return null;
  }

  /** True when no floor footprint other than those at {@code except} comes within the clearance of the segment. */
  boolean pathClear(double ax, double ay, double bx, double by, double[]... except) {
    for (Footprint f : placed) {
      if (!f.onFloor) {
        continue;
      }
      boolean skip = false;
      for (double[] e : except) {
        if (e != null && Math.hypot(e[0] - f.x, e[1] - f.y) < 1e-9) {
          skip = true;
        }
      }
      if (!skip && segmentDistance(f.x, f.y, ax, ay, bx, by) < PATH_CLEARANCE + f.r) {
        return false;
      }
    }
    return true;
  }

  static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
  }

  /** The point {@code standoff} metres short of (tx, ty) on the way from (fx, fy). */
  static double[] approachPoint(double fx, double fy, double tx, double ty, double standoff) {
    double d = Math.hypot(tx - fx, ty - fy);
    if (d <= standoff) {
      return new double[] {fx, fy};
    }
    return new double[] {tx - (tx - fx) / d * standoff, ty - (ty - fy) / d * standoff};
  }
}
