package dev.vla.affordances.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.MotionPort;
import dev.vla.affordances.Pose2D;
import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.safety.SafetySupervisor.Rule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SafetySupervisorTest {
  private static final long MS = 1_000_000L;
  private static final double[] HOME = {0, 1.45, -2.75, -0.8};

  /** What reached the actuators. */
  static final class Actuators implements MotionPort {
    final List<double[]> base = new ArrayList<>();
    final List<double[]> arm = new ArrayList<>();
    final List<Double> gripper = new ArrayList<>();
    final List<double[]> head = new ArrayList<>();

    @Override
    public void baseVelocity(double v, double w) {
      base.add(new double[] {v, w});
    }

    @Override
    public void armTrajectory(double[] q, double seconds) {
      double[] e = new double[5];
      System.arraycopy(q, 0, e, 0, 4);
      e[4] = seconds;
      arm.add(e);
    }

    @Override
    public void gripper(double width) {
      gripper.add(width);
    }

    @Override
    public void head(double pan, double tilt) {
      head.add(new double[] {pan, tilt});
    }

    double[] lastBase() {
      return base.get(base.size() - 1);
    }
  }

  record Change(Rule rule, boolean active, String reason) {}

  private Actuators out;
  private List<Change> changes;
  private SafetySupervisor s;
  private long now;

  @BeforeEach
  void setUp() {
    out = new Actuators();
    changes = new ArrayList<>();
    s = new SafetySupervisor(SafetyLimits.defaults(RobotGeometry.standard()), out,
        (rule, active, reason, t) -> changes.add(new Change(rule, active, reason)));
    now = 0;
    healthy(100 * MS);
  }

  /** Sensors arrive at 50 Hz and the supervisor ticks, for {@code nanos}. */
  private void healthy(long nanos) {
    long end = now + nanos;
    while (now < end) {
      now += 20 * MS;
      s.cameraFrame(now);
      s.odometry(Pose2D.ORIGIN, now);
      s.armJoints(HOME, now);
      s.tick(now);
    }
  }

  /** Only odometry and joints arrive (the camera is silent). */
  private void cameraSilent(long nanos) {
    long end = now + nanos;
    while (now < end) {
      now += 20 * MS;
      s.odometry(Pose2D.ORIGIN, now);
      s.armJoints(HOME, now);
      s.tick(now);
    }
  }

  private void drive(double v, double w, long nanos) {
    long end = now + nanos;
    while (now < end) {
      now += 20 * MS;
      s.cameraFrame(now);
      s.odometry(Pose2D.ORIGIN, now);
      s.armJoints(HOME, now);
      s.baseVelocity(v, w, now);
      s.tick(now);
    }
  }

  private boolean announced(Rule rule, boolean active) {
    return changes.stream().anyMatch(c -> c.rule() == rule && c.active() == active);
  }

  @Test
  void aHealthyCommandPassesAfterRampingUp() {
    drive(0.3, 0.5, 1000 * MS);
    assertArrayEquals(new double[] {0.3, 0.5}, out.lastBase(), 1e-9);
    assertTrue(changes.isEmpty(), changes.toString());
  }

  @Test
  void speedingUpIsRateLimitedButStoppingIsImmediate() {
    drive(0.4, 0, 20 * MS);
    assertEquals(0.02, out.lastBase()[0], 1e-9, "1 m/s² over one 20 ms command");
    drive(0.4, 0, 1000 * MS);
    assertEquals(0.4, out.lastBase()[0], 1e-9);
    drive(0, 0, 20 * MS);
    assertEquals(0.0, out.lastBase()[0], 1e-9, "a stop is never ramped");
    drive(0.4, 0, 1000 * MS);
    drive(-0.2, 0, 20 * MS);
    assertTrue(out.lastBase()[0] <= 0 && out.lastBase()[0] >= -0.02, "reversing drops to zero first: " + out.lastBase()[0]);
  }

  @Test
  void commandsAboveTheRobotsLimitsAreClamped() {
    drive(5.0, -9.0, 2000 * MS);
    assertArrayEquals(new double[] {0.5, -1.5}, out.lastBase(), 1e-9);
    assertTrue(s.status().counts().get(Rule.SPEED_LIMIT) > 0);
  }

  @Test
  void aSilentCameraHoldsTheRobotWithinOneTickOfItsDeadlineAndReleasesWhenFramesReturn() {
    drive(0.3, 0, 1000 * MS);
    long lastFrame = now;
    s.armTrajectory(new double[] {0.1, 1.0, -1.0, -0.5}, 2.0, now);
    int armBefore = out.arm.size();
    long heldAt = -1;
    while (now - lastFrame < 800 * MS) {
      now += 20 * MS;
      s.odometry(Pose2D.ORIGIN, now);
      s.armJoints(HOME, now);
      s.baseVelocity(0.3, 0, now);
      s.tick(now);
      if (heldAt < 0 && s.halted()) {
        heldAt = now;
      }
    }
    assertTrue(heldAt > 0, "held");
    long afterDeadline = heldAt - lastFrame - 500 * MS;
    assertTrue(afterDeadline > 0 && afterDeadline <= 20 * MS, "held " + afterDeadline / MS + " ms after the deadline");
    assertArrayEquals(new double[] {0, 0}, out.lastBase(), 0.0);
    assertTrue(announced(Rule.STALE_CAMERA, true));
    assertArrayEquals(HOME, java.util.Arrays.copyOf(out.arm.get(out.arm.size() - 1), 4), 0.0, "arm held where it is");
    // An arm goal from the running skill waits for the camera.
    s.armTrajectory(new double[] {0.2, 1.0, -1.0, -0.5}, 1.0, now);
    s.gripper(0.02, now);
    int armWhileHeld = out.arm.size();
    assertEquals(0, out.gripper.size());
    healthy(40 * MS);
    assertFalse(s.halted());
    assertTrue(announced(Rule.STALE_CAMERA, false));
    assertEquals(armWhileHeld + 1, out.arm.size(), "the skill's last arm goal goes out when frames return");
    assertEquals(0.2, out.arm.get(out.arm.size() - 1)[0], 1e-12);
    assertEquals(List.of(0.02), out.gripper);
    assertTrue(armBefore > 0);
    drive(0.3, 0, 40 * MS);
    assertTrue(out.lastBase()[0] > 0, "driving resumes");
  }

  @Test
  void silentOdometryHoldsTheRobotToo() {
    drive(0.2, 0, 500 * MS);
    for (int i = 0; i < 15; i++) {
      now += 20 * MS;
      s.cameraFrame(now);
      s.tick(now);
    }
    assertTrue(s.halted());
    assertTrue(announced(Rule.STALE_ODOMETRY, true));
    assertArrayEquals(new double[] {0, 0}, out.lastBase(), 0.0);
  }

  @Test
  void noCameraAtAllMeansNoMotionButStartUpIsQuiet() {
    Actuators a = new Actuators();
    List<Change> seen = new ArrayList<>();
    SafetySupervisor fresh = new SafetySupervisor(SafetyLimits.defaults(RobotGeometry.standard()), a,
        (rule, active, reason, t) -> seen.add(new Change(rule, active, reason)));
    long t = 0;
    for (int i = 0; i < 10; i++) {
      t += 20 * MS;
      fresh.odometry(Pose2D.ORIGIN, t);
      fresh.tick(t);
      fresh.baseVelocity(0.3, 0, t);
    }
    assertTrue(fresh.halted());
    assertTrue(a.base.stream().allMatch(c -> c[0] == 0 && c[1] == 0));
    assertTrue(seen.isEmpty(), "nothing said during the first half second: " + seen);
    for (int i = 0; i < 30; i++) {
      t += 20 * MS;
      fresh.odometry(Pose2D.ORIGIN, t);
      fresh.tick(t);
    }
    assertTrue(seen.stream().anyMatch(c -> c.rule() == Rule.STALE_CAMERA && c.active()
        && c.reason().contains("no camera data received yet")), seen.toString());
  }

  @Test
  void theEmergencyStopLatchesUntilAnExplicitReset() {
    drive(0.3, 0, 1000 * MS);
    s.emergencyStop(true, "/vla/estop", now);
    assertArrayEquals(new double[] {0, 0}, out.lastBase(), 0.0, "stopped on the spot");
    assertTrue(announced(Rule.EMERGENCY_STOP, true));
    int arm = out.arm.size();
    drive(0.3, 0, 200 * MS);
    s.armTrajectory(new double[] {0.5, 1.0, -1.0, -0.5}, 1.0, now);
    s.gripper(0.1, now);
    s.head(0.3, 0.2, now);
    assertTrue(out.base.subList(out.base.size() - 10, out.base.size()).stream().allMatch(c -> c[0] == 0 && c[1] == 0));
    assertEquals(arm, out.arm.size(), "arm goals dropped while stopped");
    assertTrue(out.gripper.isEmpty() && out.head.isEmpty());
    s.emergencyStop(false, "/vla/estop", now);
    assertTrue(s.emergencyStopped(), "false on the stop topic does not release it");
    healthy(1000 * MS);
    assertTrue(s.emergencyStopped(), "time does not release it");
    assertTrue(s.reset(now));
    assertFalse(s.halted());
    assertTrue(announced(Rule.EMERGENCY_STOP, false));
    assertEquals(arm, out.arm.size(), "nothing queued before the reset moves the robot");
    assertFalse(s.reset(now), "a second reset has nothing to release");
  }

  @Test
  void theWatchdogStopsABaseWhoseCommandIsNotRenewed() {
    drive(0.3, 0, 1000 * MS);
    healthy(240 * MS);
    assertTrue(out.lastBase()[0] > 0, "still within the watchdog period");
    healthy(40 * MS);
    assertArrayEquals(new double[] {0, 0}, out.lastBase(), 0.0);
    assertTrue(announced(Rule.WATCHDOG, true));
    drive(0.3, 0, 20 * MS);
    assertTrue(announced(Rule.WATCHDOG, false));
  }

  @Test
  void aStandingBaseNeedsNoCommands() {
    drive(0, 0, 100 * MS);
    healthy(2000 * MS);
    assertFalse(announced(Rule.WATCHDOG, true));
  }

  @Test
  void obstaclesAheadSlowThenStopForwardMotionButNotTurningOrReversing() {
    s.obstacleAhead(0.30, now);
    drive(0.4, 0, 2000 * MS);
    assertEquals(0.4, out.lastBase()[0], 1e-9, "(0.30 - 0.05) / 0.5 s allows 0.5 m/s");
    s.obstacleAhead(0.10, now);
    drive(0.4, 0, 40 * MS);
    assertEquals(0.1, out.lastBase()[0], 1e-9);
    s.obstacleAhead(0.04, now);
    drive(0.4, 0.5, 40 * MS);
    assertEquals(0.0, out.lastBase()[0], 0.0);
    assertTrue(out.lastBase()[1] > 0, "turning away stays allowed");
    assertTrue(announced(Rule.OBSTACLE, true));
    drive(-0.2, 0, 400 * MS);
    assertEquals(-0.2, out.lastBase()[0], 1e-9, "backing off is allowed");
    assertTrue(announced(Rule.OBSTACLE, false));
  }

  @Test
  void theGeofenceStopsDrivingOutButAllowsTurningAndComingBack() {
    SafetySupervisor fenced = new SafetySupervisor(SafetyLimits.defaults(RobotGeometry.standard())
        .withGeofence(new double[] {-1, -1, 1, 1}), out, (rule, active, reason, t) -> changes.add(new Change(rule, active, reason)));
    s = fenced;
    Pose2D nearEdgeFacingOut = new Pose2D(0.9, 0, 0);
    for (int i = 0; i < 50; i++) {
      now += 20 * MS;
      s.cameraFrame(now);
      s.odometry(nearEdgeFacingOut, now);
      s.tick(now);
      s.baseVelocity(0.3, 0.4, now);
    }
    assertEquals(0.0, out.lastBase()[0], 0.0);
    assertEquals(0.4, out.lastBase()[1], 1e-9);
    assertTrue(changes.stream().anyMatch(c -> c.rule() == Rule.GEOFENCE && c.active() && c.reason().contains("workspace")));
    Pose2D outsideFacingIn = new Pose2D(1.2, 0, Math.PI);
    for (int i = 0; i < 50; i++) {
      now += 20 * MS;
      s.cameraFrame(now);
      s.odometry(outsideFacingIn, now);
      s.tick(now);
      s.baseVelocity(0.3, 0, now);
    }
    assertEquals(0.3, out.lastBase()[0], 1e-9, "a robot pushed outside may drive back in");
  }

  @Test
  void armTrajectoriesAreStretchedToTheJointSpeedLimit() {
    s.armTrajectory(new double[] {1.5, 1.45, -2.75, -0.8}, 0.1, now);
    double[] sent = out.arm.get(out.arm.size() - 1);
    assertEquals(1.0, sent[4], 1e-9, "1.5 rad at 1.5 rad/s takes a second");
  }

  @Test
  void malformedCommandsBecomeAStopOrAHold() {
    drive(0.3, 0, 1000 * MS);
    s.baseVelocity(Double.NaN, 0, now);
    assertArrayEquals(new double[] {0, 0}, out.lastBase(), 0.0);
    int arm = out.arm.size();
    s.armTrajectory(new double[] {0, Double.POSITIVE_INFINITY, 0, 0}, 1, now);
    s.armTrajectory(new double[] {0, 0}, 1, now);
    s.armTrajectory(HOME, Double.NaN, now);
    assertEquals(arm + 3, out.arm.size());
    for (double[] sent : out.arm.subList(arm, arm + 3)) {
      assertArrayEquals(HOME, java.util.Arrays.copyOf(sent, 4), 0.0, "each one holds the arm where it is");
    }
    s.gripper(Double.NaN, now);
    s.head(0, Double.NEGATIVE_INFINITY, now);
    assertTrue(out.gripper.isEmpty() && out.head.isEmpty());
    assertEquals(6, changes.stream().filter(c -> c.rule() == Rule.BAD_COMMAND).count());
  }

  @Test
  void limitsAreValidated() {
    RobotGeometry g = RobotGeometry.standard();
    SafetyLimits d = SafetyLimits.defaults(g);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withGeofence(new double[] {1, 0, 0, 1}));
    assertTrue(e.getMessage().contains("xmin < xmax"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> d.withGeofence(new double[] {0, 0, 1}));
    assertThrows(IllegalArgumentException.class, () -> d.withTimeouts(Duration.ofMillis(-1), Duration.ZERO, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new SafetyLimits(Double.NaN, 1, 1, 1, 1, null, 0, 0, 1,
        Duration.ZERO, Duration.ZERO, Duration.ZERO));
  }
}
