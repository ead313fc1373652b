package dev.vla.sim.world;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.Pose2D;
import dev.vla.sim.TestScenes;
import dev.vla.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;

/** Whatever the base is told, it never ends up inside an obstacle and its pose stays finite. */
class BaseCollisionProperties {
  private static final double RADIUS = TestScenes.GEOMETRY.baseRadius();
  private static final double TICK = 0.05;

  /** An obstacle's footprint: a rectangle (centre, yaw, half sizes) or, with hy < 0, a circle of radius hx. */
  private record Footprint(String name, double cx, double cy, double yaw, double hx, double hy) {
    double distance(double x, double y) {
      double dx = x - cx;
      double dy = y - cy;
      if (hy < 0) {
        return Math.max(0, Math.hypot(dx, dy) - hx);
      }
      double lx = Math.cos(yaw) * dx + Math.sin(yaw) * dy;
      double ly = -Math.sin(yaw) * dx + Math.cos(yaw) * dy;
      return Math.hypot(Math.max(0, Math.abs(lx) - hx), Math.max(0, Math.abs(ly) - hy));
    }
  }

  private static final List<Footprint> OBSTACLES = new ArrayList<>();
  private static final Scenario ROOM;

  static {
    List<String> boxes = new ArrayList<>();
    double[][] spec = {
      // x, y, yaw, sx, sy
      {1.2, 0.3, 0.5, 0.4, 0.8},
      {-0.9, -0.8, 0, 1.0, 0.2},
      {1.3, -1.2, Math.PI / 4, 0.3, 0.3},
      // the room's walls
      {0, 1.9, 0, 3.8, 0.1},
      {0, -1.9, 0, 3.8, 0.1},
      {1.9, 0, 0, 0.1, 3.8},
      {-1.9, 0, 0, 0.1, 3.8},
    };
    for (int i = 0; i < spec.length; i++) {
      double[] s = spec[i];
      String name = "box" + i;
      boxes.add(TestScenes.staticBox(name, s[0], s[1], s[2], s[3], s[4], 0.6));
      OBSTACLES.add(new Footprint(name, s[0], s[1], s[2], s[3] / 2, s[4] / 2));
    }
    boxes.add(TestScenes.staticPillar("pillar", 0.3, -1.0, 0.15, 0.8));
    OBSTACLES.add(new Footprint("pillar", 0.3, -1.0, 0, 0.15, -1));
    // A table the base passes under; only its 4 cm legs at +-0.36 block it.
    for (int a = -1; a <= 1; a += 2) {
      for (int b = -1; b <= 1; b += 2) {
        OBSTACLES.add(new Footprint("table leg", -0.6 + 0.36 * a, 1.0 + 0.36 * b, 0, 0.02, 0.02));
      }
    }
    ROOM = TestScenes.load(TestScenes.world().table("table", "white", -0.6, 1.0, 0, 0.8, 0.8, 0.75),
        boxes.toArray(new String[0]));
  }

  /** One velocity command held for a while (re-sent every tick so it does not time out). */
  record Command(double linear, double angular, double seconds) {}

  @Provide
  Arbitrary<Command> commands() {
    Arbitrary<Double> odd = Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    Arbitrary<Double> linear = Arbitraries.frequencyOf(
        Tuple.of(30, Arbitraries.doubles().between(-0.6, 0.8)), Tuple.of(1, odd));
    Arbitrary<Double> angular = Arbitraries.frequencyOf(
        Tuple.of(30, Arbitraries.doubles().between(-2.0, 2.0)), Tuple.of(1, odd));
    Arbitrary<Double> seconds = Arbitraries.doubles().between(0.2, 3.0);
    return Combinators.combine(linear, angular, seconds).as(Command::new);
  }

  @Property(tries = 300, seed = "7031")
  void theBaseNeverEndsInsideAnObstacle(@ForAll @Size(min = 4, max = 16) List<@From("commands") Command> plan) {
    Simulator sim = TestScenes.simulator(ROOM);
    for (Command c : plan) {
      for (long k = Math.round(c.seconds() / TICK); k > 0; k--) {
        sim.commandBase(c.linear(), c.angular());
        sim.step(TICK);
        Pose2D p = sim.worldPose();
        assertTrue(Double.isFinite(p.x()) && Double.isFinite(p.y()) && Double.isFinite(p.yaw()), p.toString());
        assertTrue(Math.abs(p.yaw()) <= Math.PI, p.toString());
        for (Footprint o : OBSTACLES) {
          double d = o.distance(p.x(), p.y());
          assertTrue(d >= RADIUS - 1e-9, () -> String.format(Locale.ROOT,
              "base centre %s is %.4f m from %s after %s", p, d, o.name(), plan));
        }
      }
    }
    Statistics.label("hit an obstacle").collect(!sim.collisions().isEmpty());
    Statistics.label("hit an obstacle").coverage(c -> c.check(true).percentage(p -> p > 20));
    // The odometry integrates the same motion from the origin.
    Pose2D mapped = sim.mapFromOdom();
    double[] xy = mapped.toParent(sim.odomPose().x(), sim.odomPose().y());
    assertTrue(Math.hypot(xy[0] - sim.worldPose().x(), xy[1] - sim.worldPose().y()) < 1e-9);
  }
}
