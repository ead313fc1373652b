package dev.vla.affordances;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class ArmKinematicsTest {
  final RobotGeometry g = RobotGeometry.standard();
  final ArmKinematics k = new ArmKinematics(g);

  @Property(tries = 2000)
  void inverseThenForwardLandsOnTheTarget(
      @ForAll @DoubleRange(min = 0.25, max = 0.6) double r,
      @ForAll @DoubleRange(min = -1.2, max = 1.2) double bearing,
      @ForAll @DoubleRange(min = 0.02, max = 0.9) double z) {
    double x = r * Math.cos(bearing);
    double y = r * Math.sin(bearing);
    Optional<double[]> q = k.inverse(x, y, z, -Math.PI / 2);
    if (q.isEmpty()) {
      // Only the region close behind the shoulder may be out of reach for a top-down grasp.
      assertTrue(x < g.shoulderX() + 0.05, () -> "unreachable top-down: " + x + "," + y + "," + z);
      return;
    }
    assertTrue(k.withinLimits(q.get()));
    assertArrayEquals(new double[] {x, y, z}, k.fingertip(q.get()), 1e-9);
  }

  @Test
  void reachesTheDesignEnvelopeTopDown() {
    // DESIGN §3: from the floor to 0.9 m high, up to 0.6 m from the base centre.
    for (double z : new double[] {0.02, 0.3, 0.6, 0.9}) {
      for (double r : new double[] {0.3, 0.45, 0.6}) {
        assertTrue(k.inverse(r, 0, z, -Math.PI / 2).isPresent(), "r=" + r + " z=" + z);
      }
    }
  }

  @Test
  void homePoseIsWithinLimitsAndTucked() {
    double[] q = g.armHome();
    assertTrue(k.withinLimits(q));
    double[] tip = k.fingertip(q);
    assertTrue(tip[0] < 0.3 && tip[2] > 0.2, "tucked near the body: " + tip[0] + "," + tip[2]);
  }

  @Test
  void rejectsPointsBeyondReach() {
    assertTrue(k.inverse(1.2, 0, 0.5, -Math.PI / 2).isEmpty());
    assertTrue(k.inverse(0.5, 0, 1.8, -Math.PI / 2).isEmpty());
  }
}
