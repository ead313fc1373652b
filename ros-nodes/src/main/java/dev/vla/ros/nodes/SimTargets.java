package dev.vla.ros.nodes;

import dev.vla.affordances.Pose2D;
import dev.vla.sim.world.Body;
import dev.vla.sim.world.Simulator;
import java.util.Optional;
import java.util.function.BiPredicate;

/** Where the oracle points for handles and surfaces; ground-truth geometry only. */
final class SimTargets {
  /** Grid step and edge margin when looking for a free spot on a surface. */
  private static final double STEP = 0.05;
  private static final double EDGE_MARGIN = 0.07;
  private static final double CLEARANCE = 0.10;

  private SimTargets() {}

  static Optional<double[]> handle(Body drawer) {
    return drawer.handlePoint();
  }

  /**
   * The free point on the top of {@code surface} nearest the robot, at least {@link #EDGE_MARGIN}
   * inside its edges and {@link #CLEARANCE} from other objects, that the camera sees.
   */
  static Optional<double[]> freeSpot(Simulator sim, Body surface, Pose2D robot, BiPredicate<Body, double[]> visible) {
    double[] b = surface.bounds();
    if (!Double.isFinite(b[0])) {
      return Optional.empty();
    }
    double[] best = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (double x = b[0] + EDGE_MARGIN; x <= b[3] - EDGE_MARGIN + 1e-9; x += STEP) {
      for (double y = b[1] + EDGE_MARGIN; y <= b[4] - EDGE_MARGIN + 1e-9; y += STEP) {
        double d = Math.hypot(x - robot.x(), y - robot.y());
        if (d >= bestDistance || !insideWithMargin(surface, x, y)) {
          continue;
        }
        double top = surface.topUnder(x, y, Double.POSITIVE_INFINITY);
        if (Double.isNaN(top) || top < b[5] - 0.02 || occupied(sim, surface, x, y)) {
          continue;
        }
        double[] p = {x, y, top};
        if (visible.test(surface, p)) {
          best = p;
          bestDistance = d;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean insideWithMargin(Body surface, double x, double y) {
    return surface.footprintDistance(x - EDGE_MARGIN, y) == 0 && surface.footprintDistance(x + EDGE_MARGIN, y) == 0
        && surface.footprintDistance(x, y - EDGE_MARGIN) == 0 && surface.footprintDistance(x, y + EDGE_MARGIN) == 0;
  }

  private static boolean occupied(Simulator sim, Body surface, double x, double y) {
    for (Body o : sim.bodies()) {
      if (o == surface || o.removed() || o.isStatic()) {
        continue;
      }
      if (o.footprintDistance(x, y) < CLEARANCE) {
        return true;
      }
    }
    return false;
  }
}
