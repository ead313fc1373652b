package dev.vla.affordances.safety;

import dev.vla.affordances.MotionPort;
import dev.vla.affordances.Pose2D;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stands between the executor and the actuators and enforces {@link SafetyLimits}. Commands come in
 * through the same calls as a {@link MotionPort} (plus the time), sensors report their arrival, and
 * {@link #tick} runs the time-based rules; what passes goes to the actuators' port.
 *
 * <p>Rules, strongest first:
 *
 * <ul>
 *   <li>{@link Rule#EMERGENCY_STOP}: latched by {@link #emergencyStop}; zero base velocity, the arm held
 *       where it is, every further command dropped, until {@link #reset}. Nothing resumes by itself.
 *   <li>{@link Rule#STALE_CAMERA}, {@link Rule#STALE_ODOMETRY}: a sensor silent past its deadline (or
 *       never heard from) holds the robot the same way, at the first tick after the deadline; arm,
 *       gripper and head commands that arrive meanwhile are kept, newest only, and sent when the data
 *       returns, so a running skill carries on.
 *   <li>{@link Rule#WATCHDOG}: a moving base whose command is not renewed in time is stopped.
 *   <li>{@link Rule#OBSTACLE}: forward speed limited by the free distance ahead (speed and
 *       separation); zero at the stop distance. Turning and reversing stay allowed.
 *   <li>{@link Rule#GEOFENCE}: no driving out of the workspace, or further out once outside.
 *   <li>Shaping, counted but not reported one by one: speed limits, acceleration limits on speeding
 *       up (slowing down is never delayed), arm trajectories stretched to the joint speed limit.
 *   <li>{@link Rule#BAD_COMMAND}: a non-finite or malformed command is replaced by a stop or hold.
 * </ul>
 *
 * Every rule that starts or stops holding the robot is told to the {@link Listener} with its reason.
 * Thread-safe: commands, sensor reports, the emergency stop and ticks may come from different threads.
 */
public final class SafetySupervisor {
  /** The rules, as reported. */
  public enum Rule {
    EMERGENCY_STOP,
    STALE_CAMERA,
    STALE_ODOMETRY,
    WATCHDOG,
    OBSTACLE,
    GEOFENCE,
    BAD_COMMAND,
    SPEED_LIMIT,
    ACCEL_LIMIT,
    ARM_SPEED_LIMIT;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Told when a rule starts ({@code active}) or stops holding the robot, and of each bad command. */
  public interface Listener {
    void changed(Rule rule, boolean active, String reason, long nowNanos);
  }

  /** What diagnostics show. */
  public record Status(Set<Rule> active, Map<Rule, Long> counts, String reason) {}

  private static final long NEVER = Long.MIN_VALUE;
  /** The executor commands at 50 Hz: acceleration steps are measured over at least this. */
  private static final double MIN_COMMAND_INTERVAL = 0.02;

  private final SafetyLimits limits;
  private final MotionPort actuators;
  private final Listener listener;

  private final EnumSet<Rule> active = EnumSet.noneOf(Rule.class);
  private final EnumSet<Rule> announced = EnumSet.noneOf(Rule.class);
  private final EnumMap<Rule, String> reasons = new EnumMap<>(Rule.class);
  private final EnumMap<Rule, Long> counts = new EnumMap<>(Rule.class);

  private long started = NEVER;
  private long lastCamera = NEVER;
  private long lastOdom = NEVER;
  private Pose2D pose;
  private double[] armJoints;
  private double obstacleAhead = Double.POSITIVE_INFINITY;

  private double outV;
  private double outW;
  private long outTime = NEVER;
  private long lastBaseCommand = NEVER;
  private boolean halted;

  private double[] pendingArm;
  private double pendingArmSeconds;
  private Double pendingGripper;
  private double[] pendingHead;

  public SafetySupervisor(SafetyLimits limits, MotionPort actuators, Listener listener) {
    this.limits = limits;
    this.actuators = actuators;
    this.listener = listener;
  }

  public SafetyLimits limits() {
    return limits;
  }

  // ------------------------------------------------------------------ commands from the executor

  /** A base velocity command (forward m/s, yaw rate rad/s). */
  public synchronized void baseVelocity(double linear, double angular, long now) {
    lastBaseCommand = now;
    if (!Double.isFinite(linear) || !Double.isFinite(angular)) {
      bad("non-finite base command (" + linear + ", " + angular + ") replaced by a stop", now);
      output(0, 0, now);
      return;
    }
    if (halted) {
      output(0, 0, now);
      return;
    }
    release(Rule.WATCHDOG, "base commands are arriving again", now);
    shapeAndSend(linear, angular, now);
  }

  /** An arm goal: joint angles reached after {@code seconds} (0 = hold here now). */
  public synchronized void armTrajectory(double[] q, double seconds, long now) {
    if (q == null || q.length != 4 || !allFinite(q) || !Double.isFinite(seconds) || seconds < 0) {
      bad("malformed arm command dropped (" + (q == null ? "no joints" : q.length + " joints") + ", " + seconds + " s)",
          now);
      holdArm();
      return;
    }
    if (active.contains(Rule.EMERGENCY_STOP)) {
      return;
    }
    if (halted) {
      pendingArm = q.clone();
      pendingArmSeconds = seconds;
      return;
    }
    sendArm(q, seconds);
  }

  public synchronized void gripper(double width, long now) {
    if (!Double.isFinite(width)) {
      bad("non-finite gripper command dropped", now);
      return;
    }
    if (active.contains(Rule.EMERGENCY_STOP)) {
      return;
    }
    if (halted) {
      pendingGripper = width;
      return;
    }
    actuators.gripper(width);
  }

  public synchronized void head(double pan, double tilt, long now) {
    if (!Double.isFinite(pan) || !Double.isFinite(tilt)) {
      bad("non-finite head command dropped", now);
      return;
    }
    if (active.contains(Rule.EMERGENCY_STOP)) {
      return;
    }
    if (halted) {
      pendingHead = new double[] {pan, tilt};
      return;
    }
    actuators.head(pan, tilt);
  }

  // ------------------------------------------------------------------ sensors

  /** A camera frame arrived. */
  public synchronized void cameraFrame(long now) {
    lastCamera = now;
  }

  /** Odometry arrived: the base pose in the geofence's frame. */
  public synchronized void odometry(Pose2D basePose, long now) {
    lastOdom = now;
    pose = basePose;
  }

  /** Joint states arrived: where the arm is (what holding it means). */
  public synchronized void armJoints(double[] q, long now) {
    if (q != null && q.length == 4 && allFinite(q)) {
      armJoints = q.clone();
    }
  }

  /**
   * The free distance ahead of the base's front to the nearest obstacle the depth image shows, in
   * metres; {@code +Infinity} when nothing is in the way.
   */
  public synchronized void obstacleAhead(double metres, long now) {
    obstacleAhead = Double.isNaN(metres) ? 0 : Math.max(0, metres);
  }

  // ------------------------------------------------------------------ emergency stop

  /** {@code /vla/estop}: {@code true} latches the stop; {@code false} does not release it. */
  public synchronized void emergencyStop(boolean engage, String source, long now) {
    if (!engage) {
      return;
    }
    if (active.contains(Rule.EMERGENCY_STOP)) {
      return;
    }
    pendingArm = null;
    pendingGripper = null;
    pendingHead = null;
    activate(Rule.EMERGENCY_STOP, "emergency stop from " + source + "; publish on /vla/estop/reset to release", now, true);
    updateHalt(now);
  }

  /** {@code /vla/estop/reset}: releases a latched stop. The robot stays still until commanded again. */
  public synchronized boolean reset(long now) {
    if (!active.contains(Rule.EMERGENCY_STOP)) {
      return false;
    }
    pendingArm = null;
    pendingGripper = null;
    pendingHead = null;
    release(Rule.EMERGENCY_STOP, "emergency stop reset; the robot moves only on a new command", now);
    updateHalt(now);
    return true;
  }

  public synchronized boolean emergencyStopped() {
    return active.contains(Rule.EMERGENCY_STOP);
  }

  /** True while a rule holds the whole robot (emergency stop or a stale sensor). */
  public synchronized boolean halted() {
    return halted;
  }

  // ------------------------------------------------------------------ time-based rules

  /** Runs the sensor deadlines and the command watchdog; call at the control rate (50 Hz). */
  public synchronized void tick(long now) {
    if (started == NEVER) {
      started = now;
    }
    stale(Rule.STALE_CAMERA, "camera", lastCamera, limits.cameraTimeout().toNanos(), now);
    stale(Rule.STALE_ODOMETRY, "odometry", lastOdom, limits.odomTimeout().toNanos(), now);
    updateHalt(now);
    long watchdog = limits.commandTimeout().toNanos();
    if (!halted && watchdog > 0 && (outV != 0 || outW != 0) && lastBaseCommand != NEVER
        && now - lastBaseCommand > watchdog) {
      output(0, 0, now);
      activate(Rule.WATCHDOG, String.format(Locale.ROOT, "no base command for %d ms (limit %d ms): base stopped",
          (now - lastBaseCommand) / 1_000_000, watchdog / 1_000_000), now, true);
    }
  }

  public synchronized Status status() {
    String why = active.isEmpty() ? "" : reasons.getOrDefault(active.iterator().next(), "");
    return new Status(Collections.unmodifiableSet(EnumSet.copyOf(active)), Map.copyOf(counts), why);
  }

  // ------------------------------------------------------------------ internals

  private void stale(Rule rule, String what, long last, long deadline, long now) {
    if (deadline <= 0) {
      release(rule, what + " rule disabled", now);
      return;
    }
    if (last == NEVER) {
      // Never heard from: held from the start; said only once the deadline has passed, so a normal
      // start-up (first frames a few ticks late) is quiet.
      boolean overdue = now - started > deadline;
      activate(rule, "no " + what + " data received yet: robot held", now, overdue);
      return;
    }
    long age = now - last;
    if (age > deadline) {
      activate(rule, String.format(Locale.ROOT, "%s data is %d ms old (deadline %d ms): robot held until it returns",
          what, age / 1_000_000, deadline / 1_000_000), now, true);
    } else {
      release(rule, what + " data is back", now);
    }
  }

  private void updateHalt(long now) {
    boolean h = active.contains(Rule.EMERGENCY_STOP) || active.contains(Rule.STALE_CAMERA)
        || active.contains(Rule.STALE_ODOMETRY);
    if (h && !halted) {
      halted = true;
      output(0, 0, now);
      holdArm();
    } else if (!h && halted) {
      halted = false;
      // A stale sensor came back: what the running skill asked for meanwhile goes out now.
      if (pendingArm != null) {
        sendArm(pendingArm, pendingArmSeconds);
      }
      if (pendingGripper != null) {
        actuators.gripper(pendingGripper);
      }
      if (pendingHead != null) {
        actuators.head(pendingHead[0], pendingHead[1]);
      }
      pendingArm = null;
      pendingGripper = null;
      pendingHead = null;
    }
  }

  private void shapeAndSend(double linear, double angular, long now) {
    double v = linear;
    double w = angular;
    if (Math.abs(v) > limits.maxLinearSpeed() || Math.abs(w) > limits.maxAngularSpeed()) {
      count(Rule.SPEED_LIMIT);
      v = clamp(v, limits.maxLinearSpeed());
      w = clamp(w, limits.maxAngularSpeed());
    }
    // Speed and separation: the base can always stop before the stop distance.
    double allowed = Math.max(0, (obstacleAhead - limits.obstacleStopDistance()) / limits.obstacleStopTime());
    if (v > allowed) {
      v = allowed;
      count(Rule.OBSTACLE);
    }
    if (allowed == 0 && linear > 0) {
      activate(Rule.OBSTACLE, String.format(Locale.ROOT, "obstacle %.2f m ahead (stop distance %.2f m): forward motion stopped",
          obstacleAhead, limits.obstacleStopDistance()), now, true);
    } else {
      release(Rule.OBSTACLE, "the way ahead is clear or the base is not driving forward", now);
    }
    double[] fence = limits.geofence();
    if (fence != null && pose != null && v != 0) {
      double[] next = pose.toParent(v * limits.geofenceLookahead(), 0);
      double outNow = outside(fence, pose.x(), pose.y());
      double outNext = outside(fence, next[0], next[1]);
      if (outNext > 0 && outNext >= outNow - 1e-9) {
        v = 0;
        count(Rule.GEOFENCE);
        activate(Rule.GEOFENCE, String.format(Locale.ROOT,
            "base at (%.2f, %.2f) would leave the workspace [%.1f, %.1f]-[%.1f, %.1f]: driving stopped, turning allowed",
            pose.x(), pose.y(), fence[0], fence[1], fence[2], fence[3]), now, true);
      } else {
        release(Rule.GEOFENCE, "the base is heading back into or along the workspace", now);
      }
    } else if (v == 0 && linear == 0) {
      release(Rule.GEOFENCE, "the base is not driving", now);
    }
    double dt = outTime == NEVER ? MIN_COMMAND_INTERVAL
        : Math.min(0.1, Math.max(MIN_COMMAND_INTERVAL, (now - outTime) / 1e9));
    double v2 = speedUpLimited(outV, v, limits.maxLinearAccel() * dt);
    double w2 = speedUpLimited(outW, w, limits.maxAngularAccel() * dt);
    if (v2 != v || w2 != w) {
      count(Rule.ACCEL_LIMIT);
    }
    output(v2, w2, now);
  }

  /** Speeding up is limited to {@code step}; slowing down (and reversing through zero) is not. */
  private static double speedUpLimited(double current, double wanted, double step) {
    double from = current * wanted < 0 ? 0 : current;
    if (Math.abs(wanted) <= Math.abs(from)) {
      return wanted;
    }
    return from + clamp(wanted - from, step);
  }

  /** How far (x, y) lies outside the rectangle; 0 inside. */
  private static double outside(double[] f, double x, double y) {
    double dx = Math.max(0, Math.max(f[0] - x, x - f[2]));
    double dy = Math.max(0, Math.max(f[1] - y, y - f[3]));
    return Math.hypot(dx, dy);
  }

  private void sendArm(double[] q, double seconds) {
    double s = seconds;
    if (armJoints != null) {
      double maxDelta = 0;
      for (int i = 0; i < 4; i++) {
        maxDelta = Math.max(maxDelta, Math.abs(q[i] - armJoints[i]));
      }
      double needed = maxDelta / limits.maxJointSpeed();
      if (needed > s + 1e-9) {
        count(Rule.ARM_SPEED_LIMIT);
        s = needed;
      }
    }
    actuators.armTrajectory(q, s);
  }

  private void holdArm() {
    if (armJoints != null) {
      actuators.armTrajectory(armJoints.clone(), 0);
    }
  }

  private void output(double v, double w, long now) {
    actuators.baseVelocity(v, w);
    outV = v;
    outW = w;
    outTime = now;
  }

  private void bad(String reason, long now) {
    count(Rule.BAD_COMMAND);
    listener.changed(Rule.BAD_COMMAND, true, reason, now);
  }

  private void activate(Rule rule, String reason, long now, boolean announce) {
    boolean fresh = active.add(rule);
    reasons.put(rule, reason);
    if (fresh) {
      count(rule);
    }
    if (announce && announced.add(rule)) {
      listener.changed(rule, true, reason, now);
    }
  }

  private void release(Rule rule, String reason, long now) {
    if (!active.remove(rule)) {
      return;
    }
    reasons.remove(rule);
    if (announced.remove(rule)) {
      listener.changed(rule, false, reason, now);
    }
  }

  private void count(Rule rule) {
    counts.merge(rule, 1L, Long::sum);
  }

  private static boolean allFinite(double[] a) {
    for (double d : a) {
      if (!Double.isFinite(d)) {
        return false;
      }
    }
    return true;
  }

  private static double clamp(double v, double limit) {
    return Math.max(-limit, Math.min(limit, v));
  }
}
