package dev.vla.sim.world;

import static dev.vla.sim.TestScenes.ARM;
import static dev.vla.sim.TestScenes.DOWN;
import static dev.vla.sim.TestScenes.DT;
import static dev.vla.sim.TestScenes.GEOMETRY;
import static dev.vla.sim.TestScenes.drive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.Pose2D;
import dev.vla.sim.TestScenes;
import org.junit.jupiter.api.Test;

/** The 4-DOF arm: one-point joint trajectories, the joint speed limit, joint limits, forward kinematics. */
class ArmTest {
  private static final double SPEED = GEOMETRY.maxJointSpeed();

  private static Simulator emptyWorld() {
    return TestScenes.simulator(TestScenes.world());
  }

  private static double[] joints(Simulator sim) {
    return sim.robotState().armJoints();
  }

  private static double maxDelta(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  @Test
  void reachesTheGoalAfterTheCommandedDurationAndNotBefore() {
    Simulator sim = emptyWorld();
    double[] home = joints(sim);
    assertArrayEquals(GEOMETRY.armHome(), home, 1e-12);
    double[] goal = ARM.inverse(0.45, 0.1, 0.3, DOWN).orElseThrow();
    assertTrue(maxDelta(home, goal) / SPEED < 3.0, "the speed limit allows 3 s");
    sim.commandArm(goal, 3.0);

    sim.step(1.5);
    double[] half = joints(sim);
    for (int i = 0; i < 4; i++) {
      assertEquals((home[i] + goal[i]) / 2, half[i], 1e-6, "joint " + i + " half way at half time");
    }
    sim.step(1.4);
    assertTrue(maxDelta(joints(sim), goal) > 1e-3, "not there 0.1 s early");
    assertTrue(sim.motionCommanded());
    sim.step(0.1 + DT);
    assertArrayEquals(goal, joints(sim), 1e-6);
    assertFalse(sim.motionCommanded(), "the trajectory is over");
    sim.step(1.0);
    assertArrayEquals(goal, joints(sim), 1e-6);
  }

  @Test
  void aZeroSecondCommandTakesAsLongAsTheJointSpeedLimitNeeds() {
    Simulator sim = emptyWorld();
    double[] home = joints(sim);
    double[] goal = {1.5, 0.2, -1.0, -0.6};
    double maxDelta = maxDelta(home, goal);
    double duration = maxDelta / SPEED;
    assertTrue(duration > 1.0, "a big move: " + duration + " s");
    sim.commandArm(goal, 0);

    double[] before = joints(sim);
    double fastest = 0;
    int early = (int) Math.floor((duration - 0.05) / DT);
    for (int i = 0; i < early; i++) {
      sim.step(DT);
      double[] now = joints(sim);
      fastest = Math.max(fastest, maxDelta(before, now) / DT);
      before = now;
    }
    assertTrue(fastest <= SPEED + 1e-6, "fastest joint " + fastest + " rad/s");
    assertTrue(fastest >= SPEED - 1e-6, "the joint with the most to go moves at the limit: " + fastest);
    assertTrue(maxDelta(joints(sim), goal) >= 0.05 * SPEED - 1e-6, "still 0.05 s away");
    sim.step(duration - early * DT + DT);
    assertArrayEquals(goal, joints(sim), 1e-6);
  }

  @Test
  void goalsOutsideTheJointLimitsAreClamped() {
    Simulator sim = emptyWorld();
    sim.commandArm(new double[] {3.5, 3.0, 1.0, -3.0}, 0);
    sim.step(5.0);
    double[] hi = GEOMETRY.jointMax();
    double[] lo = GEOMETRY.jointMin();
    assertArrayEquals(new double[] {hi[0], hi[1], hi[2], lo[3]}, joints(sim), 1e-9);

    sim.commandArm(new double[] {-9, -9, -9, 9}, 0);
    sim.step(10.0);
    assertArrayEquals(new double[] {lo[0], lo[1], lo[2], hi[3]}, joints(sim), 1e-9);
  }

  @Test
  void aNonFiniteGoalHoldsTheArmWhereItIs() {
    Simulator sim = emptyWorld();
    sim.commandArm(new double[] {1.0, 0.5, -1.0, -0.5}, 2.0);
    sim.step(0.5);
    double[] midway = joints(sim);
    sim.commandArm(new double[] {0.2, Double.NaN, 0, 0}, 1.0);
    sim.step(2.0);
    assertArrayEquals(midway, joints(sim), 1e-12);
    assertFalse(sim.motionCommanded());
    assertThrows(IllegalArgumentException.class, () -> sim.commandArm(new double[] {0, 0, 0}, 1.0));
  }

  @Test
  void fingertipIsForwardKinematicsThroughTheBasePose() {
    Simulator sim = TestScenes.simulator(TestScenes.world().robot(-1.0, 0.5, 2.0));
    drive(sim, 0.3, 0.4, 1.5);
    double[] q = {-0.7, 0.6, -1.3, -0.4};
    sim.commandArm(q, 0);
    sim.step(2.0);
    Pose2D base = sim.worldPose();
    double[] local = ARM.fingertip(q);
    double[] xy = base.toParent(local[0], local[1]);
    assertArrayEquals(new double[] {xy[0], xy[1], local[2]}, sim.fingertip(), 1e-9);

    // While the base turns the fingertip swings with it.
    drive(sim, 0, 1.0, 1.0);
    Pose2D turned = sim.worldPose();
    double[] swung = turned.toParent(local[0], local[1]);
    assertArrayEquals(new double[] {swung[0], swung[1], local[2]}, sim.fingertip(), 1e-9);
    assertTrue(Math.hypot(swung[0] - xy[0], swung[1] - xy[1]) > 0.2);
  }

  @Test
  void ikTargetsAreReachedExactly() {
    Simulator sim = TestScenes.simulator(TestScenes.world().robot(2.0, -1.0, -1.0));
    double[] target = sim.worldPose().toParent(0.5, 0.2);
    TestScenes.moveTip(sim, target[0], target[1], 0.1, DOWN);
    assertArrayEquals(new double[] {target[0], target[1], 0.1}, sim.fingertip(), 1e-6);
  }
}
