package dev.vla.sim.world;

import static dev.vla.sim.TestScenes.DT;
import static dev.vla.sim.TestScenes.assertPose;
import static dev.vla.sim.TestScenes.drive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.Pose2D;
import dev.vla.sim.TestScenes;
import dev.vla.sim.scenario.Event;
import dev.vla.sim.scenario.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The differential-drive base: integration, acceleration and speed limits, command timeout, odometry. */
class BaseMotionTest {
  private static final double EPS = 1e-9;

  private static Simulator emptyWorld() {
    return TestScenes.simulator(TestScenes.world());
  }

  /** a ∘ b: pose b given in frame a, expressed in a's parent. */
  private static Pose2D compose(Pose2D a, Pose2D b) {
    double[] xy = a.toParent(b.x(), b.y());
    return new Pose2D(xy[0], xy[1], Pose2D.wrap(a.yaw() + b.yaw()));
  }

  @Test
  void straightLineRampsAtTheAccelerationLimitThenCruises() {
    Simulator sim = emptyWorld();
    // 1 m/s^2: 0.1 m/s more every 0.1 s until the commanded 0.4 m/s.
    drive(sim, 0.4, 0, 0.1);
    assertEquals(0.1, sim.robotState().linearVelocity(), EPS);
    drive(sim, 0.4, 0, 0.1);
    assertEquals(0.2, sim.robotState().linearVelocity(), EPS);
    drive(sim, 0.4, 0, 0.3);
    assertEquals(0.4, sim.robotState().linearVelocity(), EPS);
    drive(sim, 0.4, 0, 1.5);
    // 0.08 m while ramping up for 0.4 s, then 0.4 m/s for 1.6 s (the discrete ramp adds 2 mm).
    assertPose(0.08 + 0.4 * 1.6, 0, 0, sim.worldPose(), 0.003);
    assertEquals(0, sim.worldPose().y(), EPS);
    assertEquals(0, sim.worldPose().yaw(), EPS);
    assertEquals(2.0, sim.time(), 1e-9);
  }

  @Test
  void turnsInPlaceWithoutTranslating() {
    Simulator sim = emptyWorld();
    drive(sim, 0, 1.0, 0.1);
    assertEquals(0.3, sim.robotState().angularVelocity(), EPS, "3 rad/s^2");
    drive(sim, 0, 1.0, 1.9);
    assertEquals(1.0, sim.robotState().angularVelocity(), EPS);
    // Ramp for 1/3 s (1/6 rad), then 1 rad/s for 5/3 s.
    assertPose(0, 0, 1.0 / 6 + 5.0 / 3, sim.worldPose(), 0.006);
    assertEquals(0, sim.worldPose().x(), EPS);
    assertEquals(0, sim.worldPose().y(), EPS);

    drive(sim, 0, -1.0, 4.0);
    assertTrue(sim.robotState().angularVelocity() < 0);
    assertEquals(0, Math.hypot(sim.worldPose().x(), sim.worldPose().y()), EPS);
  }

  @Test
  void constantTwistFollowsACircularArc() {
    Simulator sim = emptyWorld();
    drive(sim, 0.4, 0.5, 1.0); // both ramps are over after 0.4 s
    assertEquals(0.4, sim.robotState().linearVelocity(), EPS);
    assertEquals(0.5, sim.robotState().angularVelocity(), EPS);
    Pose2D start = sim.worldPose();
    drive(sim, 0.4, 0.5, 2.0);
    // Radius v/w = 0.8 m, turned by 1 rad: the chord in the start frame.
    double r = 0.8;
    Pose2D expected = compose(start, new Pose2D(r * Math.sin(1.0), r * (1 - Math.cos(1.0)), 1.0));
    assertPose(expected.x(), expected.y(), expected.yaw(), sim.worldPose(), 1e-4);
    // Every point of the way lies on the circle about the turning centre.
    double[] centre = start.toParent(0, r);
    assertEquals(r, Math.hypot(sim.worldPose().x() - centre[0], sim.worldPose().y() - centre[1]), 1e-4);
  }

  @ParameterizedTest
  @CsvSource({"2.0, 5.0, 0.5, 1.5", "-2.0, -5.0, -0.5, -1.5", "0.7, 0, 0.5, 0", "0, 1.6, 0, 1.5"})
  void commandsAreClampedToTheBaseLimits(double linear, double angular, double v, double w) {
    Simulator sim = emptyWorld();
    double fastestV = 0;
    double fastestW = 0;
    for (int i = 0; i < 300; i++) {
      drive(sim, linear, angular, DT);
      fastestV = Math.max(fastestV, Math.abs(sim.robotState().linearVelocity()));
      fastestW = Math.max(fastestW, Math.abs(sim.robotState().angularVelocity()));
    }
    assertTrue(fastestV <= 0.5 + EPS, "linear speed " + fastestV);
    assertTrue(fastestW <= 1.5 + EPS, "yaw rate " + fastestW);
    assertEquals(v, sim.robotState().linearVelocity(), EPS);
    assertEquals(w, sim.robotState().angularVelocity(), EPS);
    // At the clamped speed it covers |v| metres per second.
    Pose2D before = sim.worldPose();
    drive(sim, linear, angular, 1.0);
    double travelled = w == 0 ? Math.hypot(sim.worldPose().x() - before.x(), sim.worldPose().y() - before.y())
        : Math.abs(Pose2D.wrap(sim.worldPose().yaw() - before.yaw()));
    assertEquals(w == 0 ? Math.abs(v) : Math.abs(w), travelled, 1e-3);
  }

  @Test
  void aCommandOlderThanTheTimeoutStopsTheBase() {
    Simulator sim = emptyWorld();
    sim.commandBase(0.4, 0);
    sim.step(0.45);
    assertEquals(0.4, sim.robotState().linearVelocity(), EPS, "still fresh before 0.5 s");
    sim.step(0.1);
    assertTrue(sim.robotState().linearVelocity() < 0.4, "stale after 0.5 s: decelerating");
    sim.step(0.45);
    // Stale at 0.5 s, then 0.4 s of braking at 1 m/s^2.
    assertEquals(0, sim.robotState().linearVelocity(), EPS);
    assertTrue(sim.robotState().baseStill());
    assertTrue(!sim.motionCommanded(), "a stale command is no commanded motion");
    Pose2D stopped = sim.worldPose();
    sim.step(2.0);
    assertEquals(stopped, sim.worldPose());
    // 0.08 m ramping up, 0.04 m cruising until 0.5 s, 0.08 m braking: not the 1.1 m of 3 s of cruising.
    assertEquals(0.08 + 0.04 + 0.08, stopped.x(), 0.005);

    // The same command repeated within the timeout keeps it going.
    Simulator repeated = emptyWorld();
    for (int i = 0; i < 10; i++) {
      repeated.commandBase(0.4, 0);
      repeated.step(0.3);
    }
    assertEquals(0.4, repeated.robotState().linearVelocity(), EPS);
    assertEquals(0.08 + 0.4 * 2.6, repeated.worldPose().x(), 0.003);
  }

  @ParameterizedTest
  @CsvSource({"NaN, 0", "0.3, NaN", "Infinity, 0", "0.3, -Infinity", "-Infinity, Infinity"})
  void nonFiniteCommandsStopTheBase(double linear, double angular) {
    Simulator sim = emptyWorld();
    drive(sim, 0.3, 0.4, 1.0);
    assertEquals(0.3, sim.robotState().linearVelocity(), EPS);
    drive(sim, linear, angular, 0.5);
    assertEquals(0, sim.robotState().linearVelocity(), EPS);
    assertEquals(0, sim.robotState().angularVelocity(), EPS);
    assertTrue(!sim.motionCommanded());
    Pose2D stopped = sim.worldPose();
    drive(sim, linear, angular, 1.0);
    assertEquals(stopped, sim.worldPose());
  }

  @Test
  void odometryFollowsTheWorldUntilThePushWhichOnlyTheWorldSees() {
    Simulator sim = emptyWorld();
    drive(sim, 0.3, 0.2, 2.0);
    drive(sim, -0.2, -0.6, 1.0);
    assertNotEquals(Pose2D.ORIGIN, sim.worldPose());
    assertPose(sim.worldPose().x(), sim.worldPose().y(), sim.worldPose().yaw(), sim.odomPose(), EPS);
    assertPose(0, 0, 0, sim.mapFromOdom(), EPS);

    Pose2D odomBefore = sim.odomPose();
    Pose2D worldBefore = sim.worldPose();
    sim.apply(new Event.PushRobot(0, new Trigger.At(0), 1, 0.3, -0.2, 0.4));
    assertPose(worldBefore.x() + 0.3, worldBefore.y() - 0.2, worldBefore.yaw() + 0.4, sim.worldPose(), EPS);
    assertEquals(odomBefore, sim.odomPose(), "wheel odometry does not feel a shove");
    Pose2D afterPush = compose(sim.mapFromOdom(), sim.odomPose());
    assertPose(sim.worldPose().x(), sim.worldPose().y(), sim.worldPose().yaw(), afterPush, EPS);
    assertTrue(Math.hypot(sim.odomPose().x() - sim.worldPose().x(), sim.odomPose().y() - sim.worldPose().y()) > 0.3);
  }

  @Test
  void mapFromOdomComposedWithOdometryIsTheWorldPose() {
    Simulator sim = TestScenes.simulator(TestScenes.world().robot(1.0, 2.0, 0.5));
    assertPose(1.0, 2.0, 0.5, sim.worldPose(), EPS);
    assertEquals(Pose2D.ORIGIN, sim.odomPose(), "odometry starts where the robot starts");
    assertPose(1.0, 2.0, 0.5, sim.mapFromOdom(), EPS);

    drive(sim, 0.4, -0.3, 2.5);
    Pose2D world = sim.worldPose();
    assertPose(1.0, 2.0, 0.5, sim.mapFromOdom(), 1e-9);
    Pose2D mapped = compose(sim.mapFromOdom(), sim.odomPose());
    assertPose(world.x(), world.y(), world.yaw(), mapped, 1e-9);
    // Odometry is the motion seen from the start pose: forward 0.4 m/s along the start heading at first.
    assertTrue(sim.odomPose().x() > 0.5 && Math.abs(sim.odomPose().yaw()) > 0.5, sim.odomPose().toString());

    sim.apply(new Event.PushRobot(0, new Trigger.At(0), 1, -0.25, 0.1, -1.0));
    Pose2D mapFromOdom = sim.mapFromOdom();
    assertTrue(Math.abs(Pose2D.wrap(mapFromOdom.yaw() - 0.5) + 1.0) < 1e-9, "the push rotates map→odom by dyaw");
    drive(sim, 0.3, 0.7, 1.5);
    Pose2D after = compose(sim.mapFromOdom(), sim.odomPose());
    assertPose(sim.worldPose().x(), sim.worldPose().y(), sim.worldPose().yaw(), after, 1e-9);
    assertPose(mapFromOdom.x(), mapFromOdom.y(), mapFromOdom.yaw(), sim.mapFromOdom(), 1e-9);
  }
}
