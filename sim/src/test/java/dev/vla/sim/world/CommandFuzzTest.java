package dev.vla.sim.world;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.RobotState;
import dev.vla.sim.TestScenes;
import dev.vla.sim.scenario.Scenario;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * NaN, infinities and overflowing values in every command the simulator takes from the graph: base
 * twists ({@code /cmd_vel}), arm and head joint trajectories (positions and durations), gripper openings.
 * Whatever the sequence, the robot's state stays finite and within its limits: speeds at most the
 * base's, joints within their ranges, the gripper between closed and fully open.
 */
class CommandFuzzTest {
  static final RobotGeometry G = TestScenes.GEOMETRY;
  static final Scenario WORLD = TestScenes.load(TestScenes.world());

  @Provide
  Arbitrary<Double> values() {
    return Arbitraries.oneOf(
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE,
            1e308, -1e308, Double.MIN_VALUE, -0.0, 0.0, 1e-300),
        Arbitraries.doubles().between(-10, 10));
  }

  /** One command: {kind, a, b, c, d, e}; kind 0 base, 1 arm (4 joints + seconds), 2 gripper, 3 head, 4 step. */
  @Provide
  Arbitrary<double[]> commands() {
    return Combinators.combine(Arbitraries.integers().between(0, 4), values(), values(), values(), values(), values())
        .as((k, a, b, c, d, e) -> new double[] {k, a, b, c, d, e});
  }

  @Provide
  Arbitrary<List<double[]>> sequences() {
    return commands().list().ofMinSize(1).ofMaxSize(12);
  }

  @Property(tries = 500)
  void hostileCommandsLeaveAFiniteStateWithinLimits(@ForAll("sequences") List<double[]> commands) {
    Simulator sim = TestScenes.simulator(WORLD);
    for (double[] c : commands) {
      switch ((int) c[0]) {
        case 0 -> sim.commandBase(c[1], c[2]);
        case 1 -> sim.commandArm(new double[] {c[1], c[2], c[3], c[4]}, c[5]);
        case 2 -> sim.commandGripper(c[1]);
        case 3 -> sim.commandHead(c[1], c[2]);
        default -> { }
      }
      sim.step(0.1);
      assertSafe(sim);
    }
  }

  static void assertSafe(Simulator sim) {
    RobotState s = sim.robotState();
    String state = s.toString();
    assertTrue(Double.isFinite(sim.worldPose().x()) && Double.isFinite(sim.worldPose().y())
        && Double.isFinite(sim.worldPose().yaw()), state);
    assertTrue(Math.abs(s.linearVelocity()) <= G.maxLinearSpeed() + 1e-9, "linear speed " + s.linearVelocity());
    assertTrue(Math.abs(s.angularVelocity()) <= G.maxAngularSpeed() + 1e-9, "angular speed " + s.angularVelocity());
    double[] q = s.armJoints();
    for (int i = 0; i < 4; i++) {
      assertTrue(q[i] >= G.jointMin()[i] - 1e-9 && q[i] <= G.jointMax()[i] + 1e-9, "joint " + i + " = " + q[i]);
    }
    assertTrue(s.gripperWidth() >= -1e-9 && s.gripperWidth() <= G.gripperMaxWidth() + 1e-9, "gripper " + s.gripperWidth());
    assertTrue(s.headPan() >= G.headPanMin() - 1e-9 && s.headPan() <= G.headPanMax() + 1e-9, "pan " + s.headPan());
    assertTrue(s.headTilt() >= G.headTiltMin() - 1e-9 && s.headTilt() <= G.headTiltMax() + 1e-9, "tilt " + s.headTilt());
    assertTrue(Double.isFinite(s.gripperVelocity()) && Double.isFinite(s.gripperEffort()), state);
  }
}
