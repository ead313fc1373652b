package dev.vla.ros.nodes;

import dev.vla.affordances.Pose2D;
import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.SkillStatus;
import dev.vla.affordances.safety.SafetyLimits;
import dev.vla.affordances.safety.SafetySupervisor;
import dev.vla.affordances.safety.SafetySupervisor.Rule;
import dev.vla.model.Rigid;
import dev.vla.ros.Topics;
import dev.vla.ros.msg.CameraInfo;
import dev.vla.ros.msg.DiagnosticArray;
import dev.vla.ros.msg.Image;
import dev.vla.ros.msg.JointState;
import dev.vla.ros.msg.JointTrajectory;
import dev.vla.ros.msg.Odometry;
import dev.vla.ros.msg.Twist;
import dev.vla.ros.transport.Publisher;
import dev.vla.ros.transport.Transport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The safety supervisor as a node, on its own thread between the executor and the actuators: the
 * executor's commands ({@code /vla/executor/*}) go through {@link SafetySupervisor} onto
 * {@code /cmd_vel}, the arm, head and gripper topics. It watches the camera (frame age, and obstacles
 * in the depth image), odometry (age, and the base pose against the geofence in {@code map}), the
 * joint states, and the latched emergency stop ({@code /vla/estop}, released only by
 * {@code /vla/estop/reset}). Each rule that starts or stops holding the robot is published on
 * {@code /vla/skill_status} as skill {@code safety} (PAUSED while it holds, RUNNING when released,
 * REJECTED for a malformed command) and shows on {@code /diagnostics}.
 *
 * <p>Because it runs on its own thread, a stalled or dead executor cannot leave the base driving: the
 * command watchdog stops it.
 */
public final class SafetyNode extends Node {
  /** The skill name of the supervisor's reports on {@code /vla/skill_status}. */
  public static final String SKILL = "safety";

  private final SafetySupervisor supervisor;
  private final ObstacleScan scan;
  private final Publisher<Twist> cmdVel;
  private final Publisher<SkillStatus> status;
  private final Consumer<String> log;
  private final TfBuffer tf = new TfBuffer();
  private volatile long now;

  private Image depth;
  private CameraInfo info;
  private Odometry odom;
  private JointState joints;
  private double[] armJoints;

  public SafetyNode(Transport transport, SafetyLimits limits, RobotGeometry geometry, Consumer<String> log) {
    super("safety", transport);
    this.log = log;
    this.scan = new ObstacleScan(geometry);
    this.cmdVel = publisher(Topics.CMD_VEL);
    this.status = publisher(Topics.SKILL_STATUS);
    this.supervisor = new SafetySupervisor(limits, new MotionTopics(cmdVel, publisher(Topics.ARM_TRAJECTORY),
        publisher(Topics.HEAD_TRAJECTORY), publisher(Topics.GRIPPER), () -> now), this::report);
    // Commands and the emergency stop are handled at once, on the thread that delivers them.
    subscribeImmediate(Topics.EXECUTOR_CMD_VEL, t -> supervisor.baseVelocity(t.linear().x(), t.angular().z(), now));
    subscribeImmediate(Topics.EXECUTOR_ARM, this::onArm);
    subscribeImmediate(Topics.EXECUTOR_HEAD, this::onHead);
    subscribeImmediate(Topics.EXECUTOR_GRIPPER, g -> supervisor.gripper(g.position(), now));
    subscribeImmediate(Topics.ESTOP, b -> {
      if (b.data()) {
        supervisor.emergencyStop(true, Topics.ESTOP.name(), now);
      } else if (supervisor.emergencyStopped()) {
        log.accept("safety: false on " + Topics.ESTOP.name() + " does not release the emergency stop; publish on "
            + Topics.ESTOP_RESET.name());
      }
    });
    subscribeImmediate(Topics.ESTOP_RESET, e -> supervisor.reset(now));
    // Sensors are looked at on the node's own thread, at its next tick.
    subscribeLatest(Topics.DEPTH, m -> depth = m);
    subscribeLatest(Topics.CAMERA_INFO, m -> info = m);
    subscribeLatest(Topics.ODOM, m -> odom = m);
    subscribeLatest(Topics.JOINT_STATES, m -> joints = m);
    subscribe(Topics.TF, tf::add);
  }

  @Override
  public Duration period() {
    return hz(50);
  }

  @Override
  public boolean timingCritical() {
    return true;
  }

  public SafetySupervisor supervisor() {
    return supervisor;
  }

  @Override
  protected void onTick(long nowNanos) {
    now = nowNanos;
    if (joints != null) {
      double[] q = new double[4];
      for (int i = 0; i < 4; i++) {
        q[i] = joints.position(Topics.ARM_JOINTS[i]);
      }
      armJoints = q;
      supervisor.armJoints(q, nowNanos);
      joints = null;
    }
    if (odom != null) {
      Odometry o = odom;
      odom = null;
      try {
        Pose2D inOdom = new Pose2D(o.position().x(), o.position().y(), o.orientation().yaw());
        supervisor.odometry(inMap(inOdom), nowNanos);
      } catch (IllegalArgumentException e) {
        log.accept("safety: ignored odometry: " + e.getMessage()); // non-finite: counts as no odometry
      }
    }
    if (depth != null) {
      Image d = depth;
      depth = null;
      onDepth(d, nowNanos);
    }
    supervisor.tick(nowNanos);
  }

  /** A depth frame is a camera frame only when it can be read; its obstacles limit driving. */
  private void onDepth(Image d, long nowNanos) {
    CameraInfo ci = info;
    float[] metres;
    try {
      metres = d.depthMetres();
    } catch (IllegalArgumentException e) {
      log.accept("safety: unreadable depth frame: " + e.getMessage());
      return;
    }
    supervisor.cameraFrame(nowNanos);
    Optional<Rigid> baseFromOptical = tf.lookup(Topics.BASE_LINK, d.header().frameId());
    if (ci == null || baseFromOptical.isEmpty() || ci.width() != d.width() || ci.height() != d.height()) {
      supervisor.obstacleAhead(Double.POSITIVE_INFINITY, nowNanos);
      return;
    }
    double free = scan.freeDistance(metres, d.width(), d.height(), ci.k()[0], ci.k()[4], ci.k()[2], ci.k()[5],
        baseFromOptical.get(), armJoints);
    supervisor.obstacleAhead(free, nowNanos);
  }

  /** The base pose in {@code map} when {@code /tf} has map → odom; in {@code odom} otherwise. */
  private Pose2D inMap(Pose2D inOdom) {
    Optional<Rigid> mapFromOdom = tf.lookup(Topics.MAP, Topics.ODOM_FRAME);
    if (mapFromOdom.isEmpty()) {
      return inOdom;
    }
    double[] m = mapFromOdom.get().m();
    double[] p = mapFromOdom.get().apply(inOdom.x(), inOdom.y(), 0);
    return new Pose2D(p[0], p[1], Pose2D.wrap(inOdom.yaw() + Math.atan2(m[4], m[0])));
  }

  private void onArm(JointTrajectory traj) {
    if (traj.points().isEmpty()) {
      return;
    }
    JointTrajectory.Point last = traj.points().get(traj.points().size() - 1);
    double[] q = new double[4];
    for (int i = 0; i < 4; i++) {
      int idx = traj.jointNames().indexOf(Topics.ARM_JOINTS[i]);
      if (idx < 0 || idx >= last.positions().length) {
        supervisor.armTrajectory(null, 0, now);
        return;
      }
      q[i] = last.positions()[idx];
    }
    supervisor.armTrajectory(q, last.timeFromStartNanos() / 1e9, now);
  }

  private void onHead(JointTrajectory traj) {
    if (traj.points().isEmpty()) {
      return;
    }
    double[] p = traj.points().get(traj.points().size() - 1).positions();
    int pan = traj.jointNames().indexOf(Topics.HEAD_JOINTS[0]);
    int tilt = traj.jointNames().indexOf(Topics.HEAD_JOINTS[1]);
    if (pan >= 0 && tilt >= 0 && pan < p.length && tilt < p.length) {
      supervisor.head(p[pan], p[tilt], now);
    } else {
      supervisor.head(Double.NaN, Double.NaN, now);
    }
  }

  private void report(Rule rule, boolean active, String reason, long t) {
    SkillStatus.State state = rule == Rule.BAD_COMMAND ? SkillStatus.State.REJECTED
        : active ? SkillStatus.State.PAUSED : SkillStatus.State.RUNNING;
    String text = rule.label() + ": " + reason;
    status.publish(new SkillStatus(0, SKILL, state, text, 0, t));
    log.accept("safety: " + (active ? "" : "released, ") + text);
  }

  @Override
  public DiagnosticArray.Status diagnose() {
    SafetySupervisor.Status s = supervisor.status();
    DiagnosticArray.Level level = s.active().contains(Rule.EMERGENCY_STOP) ? DiagnosticArray.Level.ERROR
        : s.active().isEmpty() ? DiagnosticArray.Level.OK : DiagnosticArray.Level.WARN;
    Map<String, String> values = new LinkedHashMap<>();
    values.put("holding", s.active().stream().map(Rule::label).reduce((a, b) -> a + "," + b).orElse(""));
    for (Rule r : Rule.values()) {
      values.put(r.label() + "_count", Long.toString(s.counts().getOrDefault(r, 0L)));
    }
    values.put("dropped_messages", Long.toString(droppedMessages()));
    return new DiagnosticArray.Status(level, name(), s.active().isEmpty() ? "motion allowed" : s.reason(), "", values);
  }

  @Override
  protected void onClose() {
    cmdVel.publish(Twist.ZERO);
  }
}
