package dev.vla.sim.world;

import dev.vla.affordances.Pose2D;
import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.RobotState;
import dev.vla.sim.render.CameraModel;
import dev.vla.sim.render.Lighting;
import dev.vla.sim.render.RgbdFrame;
import dev.vla.sim.render.Renderer;
import dev.vla.sim.render.SensorNoise;
import dev.vla.sim.render.Solid;
import dev.vla.sim.scenario.Event;
import dev.vla.sim.scenario.Geometry;
import dev.vla.sim.scenario.Model;
import dev.vla.sim.scenario.Rgba;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.scenario.Transform;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * A kinematic world with the robot of DESIGN §3: a differential-drive base integrating velocity
 * commands (with acceleration limits and a command timeout, as ros2_control's diff-drive does), a
 * 4-DOF arm following joint trajectories within its speed limit, a parallel gripper that grasps only
 * when it closes around a graspable object within tolerance, released objects that drop onto the
 * surface or into the container below them, drawers on prismatic joints, base collisions with the
 * world detected and blocked, and an RGB-D head camera on a pan/tilt.
 *
 * <p>Deterministic: the same scenario, seed and command sequence give the same world. Not
 * thread-safe: one thread steps it and reads it.
 */
public final class Simulator {
  private static final Logger LOG = System.getLogger("sim");

  /**
   * Simulator settings.
   *
   * @param seed seeds sensor noise and lighting jitter
   * @param physicsStepSeconds integration step
   * @param cmdVelTimeoutSeconds the base stops when no velocity command arrived for this long
   * @param sensorNoise add camera noise and colour/lighting jitter
   */
  public record Config(long seed, double physicsStepSeconds, double cmdVelTimeoutSeconds, boolean sensorNoise) {
    public Config {
      if (!(physicsStepSeconds > 0 && physicsStepSeconds <= 0.05)) {
        throw new IllegalArgumentException("sim.physics_step must be in (0, 0.05] s, got " + physicsStepSeconds);
      }
      if (!(cmdVelTimeoutSeconds > 0)) {
        throw new IllegalArgumentException("sim.cmd_vel_timeout must be positive, got " + cmdVelTimeoutSeconds);
      }
    }

    public static Config defaults(long seed) {
      return new Config(seed, 0.01, 0.5, true);
    }
  }

  /** A base collision: when, with what, and where the base was (world frame). */
  public record Collision(double timeSeconds, String body, double x, double y) {}

  public static final int ROBOT_ID_BASE = 1000;
  /** Camera noise like a consumer RGB-D sensor: 2 levels of colour noise, 1.5 mm of depth noise at 1 m. */
  private static final double COLOR_NOISE = 2.0;
  private static final double DEPTH_NOISE_AT_1M = 0.0015;
  private static final double FINGER_PAD = 0.02;
  private static final double HANDLE_THICKNESS = 0.02;
  private static final double GRIP_FORCE = 20.0;
  /** A base contact ends once the base is this far clear of the body it touched. */
  private static final double CONTACT_RELEASE = 0.01;

  private final Scenario scenario;
  private final Config config;
  private final RobotGeometry g;
  private final List<Body> bodies = new ArrayList<>();
  private final RobotBody robot;
  private final CameraModel camera;
  private final Renderer renderer;
  private final Lighting lighting;
  private final Random noise;
  private final List<Collision> collisions = new ArrayList<>();
  private final List<String> contactNow = new ArrayList<>();
  private double time;
  private boolean everMoved;
  private double[] lastFingertip;

  public Simulator(Scenario scenario, Config config) {
    this.scenario = scenario;
    this.config = config;
    this.g = RobotGeometry.standard();
    int id = 0;
    for (Model m : scenario.models()) {
      bodies.add(new Body(id++, m));
    }
    var start = scenario.robotStart();
    this.robot = new RobotBody(g, new Pose2D(start.x(), start.y(), start.yaw()));
    this.camera = CameraModel.ofHorizontalFov(g.imageWidth(), g.imageHeight(), g.horizontalFovRadians(), 0.05, 12.0);
    this.renderer = new Renderer(camera);
    Random jitter = new Random(config.seed() ^ 0x5DEECE66DL);
    this.noise = new Random(config.seed());
    if (config.sensorNoise()) {
      double azimuth = Math.toRadians(20 + 50 * jitter.nextDouble());
      double elevation = Math.toRadians(50 + 25 * jitter.nextDouble());
      double[] dir = {-Math.cos(elevation) * Math.cos(azimuth), -Math.cos(elevation) * Math.sin(azimuth), -Math.sin(elevation)};
      this.lighting = new Lighting(0.35 + 0.1 * jitter.nextDouble(), dir, 0.6 + 0.15 * jitter.nextDouble(),
          0.85 + 0.3 * jitter.nextDouble());
    } else {
      this.lighting = Lighting.standard();
    }
    for (Body b : sortedByHeight()) {
      if (!b.isStatic()) {
        settle(b);
      }
    }
    this.lastFingertip = robot.fingertipWorld();
  }

  public Scenario scenario() {
    return scenario;
  }

  public RobotGeometry geometry() {
    return g;
  }

  public CameraModel camera() {
    return camera;
  }

  /** Sim time in seconds since the episode started. */
  public double time() {
    return time;
  }

  public long timeNanos() {
    return Math.round(time * 1e9);
  }

  // ---------------------------------------------------------------- commands

  /** A {@code /cmd_vel} command: forward m/s and yaw rate rad/s; clamped to the base's limits. */
  public void commandBase(double linear, double angular) {
    if (!Double.isFinite(linear) || !Double.isFinite(angular)) {
      LOG.log(Level.WARNING, "sim: ignored non-finite base command ({0}, {1}); stopping", linear, angular);
      linear = 0;
      angular = 0;
    }
    robot.cmdV = clamp(linear, g.maxLinearSpeed());
    robot.cmdW = clamp(angular, g.maxAngularSpeed());
    robot.cmdTime = time;
  }

  /** A one-point joint trajectory: reach {@code q} after {@code seconds} (at least the speed limit allows). */
  public void commandArm(double[] q, double seconds) {
    if (q.length != 4) {
      throw new IllegalArgumentException("the arm has 4 joints, got " + q.length);
    }
    double[] goal = new double[4];
    double[] lo = g.jointMin();
    double[] hi = g.jointMax();
    double maxDelta = 0;
    for (int i = 0; i < 4; i++) {
      if (!Double.isFinite(q[i])) {
        LOG.log(Level.WARNING, "sim: ignored arm command with a non-finite joint; holding");
        goal = robot.q.clone();
        maxDelta = 0;
        break;
      }
      goal[i] = Math.max(lo[i], Math.min(hi[i], q[i]));
      maxDelta = Math.max(maxDelta, Math.abs(goal[i] - robot.q[i]));
    }
    robot.trajStart = robot.q.clone();
    robot.trajGoal = goal;
    robot.trajT0 = time;
    robot.trajDuration = Math.max(Double.isFinite(seconds) ? seconds : 0, maxDelta / g.maxJointSpeed());
  }

  /** Gripper opening in metres, clamped to [0, max]. */
  public void commandGripper(double width) {
    robot.gripperCommanded = Double.isFinite(width) ? Math.max(0, Math.min(g.gripperMaxWidth(), width)) : robot.gripperWidth;
  }

  public void commandHead(double pan, double tilt) {
    if (Double.isFinite(pan) && Double.isFinite(tilt)) {
      robot.panGoal = Math.max(g.headPanMin(), Math.min(g.headPanMax(), pan));
      robot.tiltGoal = Math.max(g.headTiltMin(), Math.min(g.headTiltMax(), tilt));
    }
  }

  // ---------------------------------------------------------------- stepping

  /** Advances the world by {@code seconds} in fixed physics steps. */
  public void step(double seconds) {
    double remaining = seconds;
    while (remaining > 1e-12) {
      double dt = Math.min(config.physicsStepSeconds(), remaining);
      integrate(dt);
      remaining -= dt;
    }
  }

  private void integrate(double dt) {
    time += dt;
    moveBase(dt);
    moveArm();
    moveHead(dt);
    double[] tip = robot.fingertipWorld();
    moveGripper(dt, tip);
    interactWithFingertip(tip);
    lastFingertip = tip;
    if (robot.held != null) {
      robot.held.pose = gripperFrame(tip).times(robot.gripperFromHeld);
    }
  }

  private void moveBase(double dt) {
    boolean fresh = time - robot.cmdTime <= config.cmdVelTimeoutSeconds();
    double targetV = fresh ? robot.cmdV : 0;
    double targetW = fresh ? robot.cmdW : 0;
    robot.v = approach(robot.v, targetV, g.maxLinearAccel() * dt);
    robot.w = approach(robot.w, targetW, g.maxAngularAccel() * dt);
    if (robot.v == 0 && robot.w == 0) {
      return;
    }
    Pose2D next = integratePose(robot.world, robot.v, robot.w, dt);
    Optional<String> hit = baseCollision(robot.world, next);
    if (hit.isPresent()) {
      if (!contactNow.contains(hit.get())) {
        contactNow.add(hit.get());
        collisions.add(new Collision(time, hit.get(), robot.world.x(), robot.world.y()));
        LOG.log(Level.INFO, String.format(Locale.ROOT, "sim: t=%.2f base collided with %s", time, hit.get()));
      }
      robot.v = 0;
      robot.w = 0;
      return;
    }
    robot.world = next;
    robot.odom = integratePose(robot.odom, robot.v, robot.w, dt);
    everMoved = true;
    // A contact lasts until the base has moved clear of that body, not merely one step off it: after a
    // blocked step the velocity ramps up from zero and creeps a fraction of a millimetre before
    // touching again, which is the same contact.
    contactNow.removeIf(name -> body(name)
        .map(b -> b.removed || b.held || baseClearance(b, robot.world) >= g.baseRadius() + CONTACT_RELEASE)
        .orElse(true));
  }

  private static Pose2D integratePose(Pose2D p, double v, double w, double dt) {
    double yawMid = p.yaw() + w * dt / 2;
    return new Pose2D(p.x() + v * dt * Math.cos(yawMid), p.y() + v * dt * Math.sin(yawMid), Pose2D.wrap(p.yaw() + w * dt));
  }

  /**
   * The body the base would run into moving from {@code from} to {@code to}. A base already overlapping
   * something (shoved there by an event) may move as long as it does not get deeper in.
   */
  private Optional<String> baseCollision(Pose2D from, Pose2D to) {
    for (Body b : bodies) {
      if (b.removed || b.held) {
        continue;
      }
      double after = baseClearance(b, to);
      if (after < g.baseRadius() && after < baseClearance(b, from) + 1e-9) {
        return Optional.of(b.name());
      }
    }
    return Optional.empty();
  }

  /** Horizontal distance from the base centre to the nearest shape of {@code b} the base can run into. */
  private double baseClearance(Body b, Pose2D pose) {
    double[] nearest = {Double.POSITIVE_INFINITY};
    b.forEachSolid((shape, t) -> {
      if (shape.isPlane()) {
        return;
      }
      double[] bb = shape.bounds(t);
      if (bb[2] > g.baseHeight() || bb[5] < 0.005) {
        return; // above the base (a table top) or a floor marking
      }
      nearest[0] = Math.min(nearest[0], shape.footprintDistance(t, pose.x(), pose.y()));
    });
    return nearest[0];
  }

  private void moveArm() {
    double s = robot.trajDuration <= 0 ? 1 : Math.min(1, (time - robot.trajT0) / robot.trajDuration);
    double[] before = robot.q.clone();
    for (int i = 0; i < 4; i++) {
      robot.q[i] = robot.trajStart[i] + (robot.trajGoal[i] - robot.trajStart[i]) * s;
    }
    for (int i = 0; i < 4; i++) {
      if (Math.abs(before[i] - robot.q[i]) > 1e-9) {
        everMoved = true;
        break;
      }
    }
  }

  private void moveHead(double dt) {
    double step = 2.0 * dt;
    robot.pan = approach(robot.pan, robot.panGoal, step);
    robot.tilt = approach(robot.tilt, robot.tiltGoal, step);
  }

  private void moveGripper(double dt, double[] tip) {
    double before = robot.gripperWidth;
    double target = robot.gripperCommanded;
    if (robot.held != null || robot.handle != null) {
      double gripWidth = robot.held != null ? heldWidth() : HANDLE_THICKNESS;
      if (target < gripWidth) {
        target = gripWidth; // fingers rest on the object
      } else if (target > gripWidth + 0.004) {
        releaseGrip();
      }
    }
    double next = approach(robot.gripperWidth, target, g.gripperSpeed() * dt);
    if (next < before && robot.held == null && robot.handle == null) {
      if (robot.gripperVelocity >= 0) {
        robot.closingFrom = before; // the fingers start closing now
      }
      next = tryGrasp(tip, robot.closingFrom, next);
    }
    robot.gripperWidth = next;
    robot.gripperVelocity = (next - before) / dt;
  }

  private double heldWidth() {
    double a = robot.armYawWorld();
    return 2 * robot.held.extentAlong(-Math.sin(a), Math.cos(a));
  }

  /**
   * Closing to {@code next}: stops on a graspable object or a drawer handle that was between the
   * fingers when they started closing from {@code opening}.
   */
  private double tryGrasp(double[] tip, double opening, double next) {
    double yaw = robot.armYawWorld();
    double ax = -Math.sin(yaw);
    double ay = Math.cos(yaw);
    double rx = Math.cos(yaw);
    double ry = Math.sin(yaw);
    for (Body b : bodies) {
      if (b.removed || !b.graspable()) {
        continue;
      }
      double[] c = b.centre();
      double[] bb = b.bounds();
      double lateral = (c[0] - tip[0]) * ax + (c[1] - tip[1]) * ay;
      double radial = (c[0] - tip[0]) * rx + (c[1] - tip[1]) * ry;
      double halfW = b.extentAlong(ax, ay);
      double halfR = b.extentAlong(rx, ry);
      boolean between = Math.abs(lateral) + halfW <= opening / 2 + 0.005
          && Math.abs(radial) <= halfR + 0.012
          && tip[2] - FINGER_PAD < bb[5] - 0.005 && tip[2] + FINGER_PAD > bb[2];
      if (between && next <= 2 * halfW) {
        // The closing fingers centre the object between them.
        b.translate(-lateral * ax, -lateral * ay, 0);
        robot.held = b;
        b.held = true;
        b.touched = true;
        b.support = null;
        robot.gripperFromHeld = gripperFrame(tip).inverse().times(b.pose);
        LOG.log(Level.INFO, String.format(Locale.ROOT, "sim: t=%.2f grasped %s", time, b.name()));
        return 2 * halfW;
      }
    }
    for (Body b : bodies) {
      if (b.removed || !b.hasDrawerJoint()) {
        continue;
      }
      Optional<double[]> h = b.handlePoint();
      if (h.isEmpty()) {
        continue;
      }
      double[] p = h.get();
      double lateral = (p[0] - tip[0]) * ax + (p[1] - tip[1]) * ay;
      double radial = (p[0] - tip[0]) * rx + (p[1] - tip[1]) * ry;
      if (Math.abs(lateral) <= opening / 2 - 0.01 && Math.abs(radial) <= 0.035 && Math.abs(p[2] - tip[2]) <= 0.035
          && next <= HANDLE_THICKNESS) {
        robot.handle = b;
        b.touched = true;
        LOG.log(Level.INFO, String.format(Locale.ROOT, "sim: t=%.2f grasped the handle of %s", time, b.name()));
        return HANDLE_THICKNESS;
      }
    }
    return next;
  }

  private void releaseGrip() {
    if (robot.held != null) {
      Body b = robot.held;
      robot.held = null;
      b.held = false;
      settle(b);
      LOG.log(Level.INFO, String.format(Locale.ROOT, "sim: t=%.2f released %s; it came to rest on %s", time, b.name(),
          b.support == null ? "the floor" : b.support.name()));
    }
    robot.handle = null;
  }

  /** Gripper frame: origin at the fingertip centre, x along the arm's heading, z up (yaw only). */
  private Transform gripperFrame(double[] tip) {
    return Transform.fromPose(dev.vla.sim.scenario.Pose3.xyzYaw(tip[0], tip[1], tip[2], robot.armYawWorld()));
  }

  /** Pushing with closed fingers and pulling a grasped drawer handle. */
  private void interactWithFingertip(double[] tip) {
    double dx = tip[0] - lastFingertip[0];
    double dy = tip[1] - lastFingertip[1];
    double dz = tip[2] - lastFingertip[2];
    if (robot.handle != null) {
      Body d = robot.handle;
      double[] axis = d.worldAxis();
      double along = dx * axis[0] + dy * axis[1] + dz * axis[2];
      moveDrawer(d, along);
      double[] h = d.handlePoint().orElse(tip);
      if (Math.hypot(h[0] - tip[0], Math.hypot(h[1] - tip[1], h[2] - tip[2])) > 0.05) {
        LOG.log(Level.INFO, "sim: the gripper slipped off the handle of {0}", d.name());
        robot.handle = null;
      }
      return;
    }
    boolean closed = robot.gripperWidth < 0.03 && robot.held == null;
    if (!closed || (dx == 0 && dy == 0)) {
      return;
    }
    for (Body b : bodies) {
      if (b.removed || b.held) {
        continue;
      }
      if (b.graspable()) {
        double[] bb = b.bounds();
        if (tip[2] + FINGER_PAD < bb[2] || tip[2] - FINGER_PAD > bb[5]) {
          continue;
        }
        boolean[] inside = {false};
        b.forEachSolid((shape, t) -> {
          if (!shape.isPlane() && shape.footprintDistance(t, tip[0], tip[1]) < 0.025) {
            inside[0] = true;
          }
        });
        if (inside[0]) {
          b.translate(dx, dy, 0);
          b.touched = true;
          settle(b); // pushed off an edge it falls; on a surface it stays where it is
        }
      } else if (b.hasDrawerJoint()) {
        double[] axis = b.worldAxis();
        double along = dx * axis[0] + dy * axis[1];
        if (along < 0 && insideDrawerFront(b, tip)) {
          moveDrawer(b, along);
          b.touched = true;
        }
      }
    }
  }

  private boolean insideDrawerFront(Body d, double[] tip) {
    for (Body.Part part : d.parts) {
      if (!part.onJoint) {
        continue;
      }
      Transform link = d.worldFromLink(part);
      for (Shape s : part.solidShapes()) {
        double[] b = s.bounds(link.times(s.linkFromShape));
        if (tip[0] > b[0] - 0.02 && tip[0] < b[3] + 0.02 && tip[1] > b[1] - 0.02 && tip[1] < b[4] + 0.02
            && tip[2] > b[2] - 0.01 && tip[2] < b[5] + 0.02) {
          return true;
        }
      }
    }
    return false;
  }

  private void moveDrawer(Body d, double delta) {
    double before = d.jointPosition;
    d.jointPosition = Math.max(d.lower, Math.min(d.upper, before + delta));
    double moved = d.jointPosition - before;
    if (moved == 0) {
      return;
    }
    double[] axis = d.worldAxis();
    for (Body b : bodies) {
      if (b.support == d && b.onSupportJoint && !b.held && !b.removed) {
        b.translate(axis[0] * moved, axis[1] * moved, axis[2] * moved);
      }
    }
  }

  /** Drops a body straight down onto whatever is below its centre (another body's top, or the floor). */
  private void settle(Body b) {
    double[] bb = b.bounds();
    double[] c = {(bb[0] + bb[3]) / 2, (bb[1] + bb[4]) / 2};
    double bottom = bb[2];
    double best = 0;
    Body support = null;
    boolean onJoint = false;
    for (Body other : bodies) {
      if (other == b || other.removed || other.held || other.support == b) {
        continue;
      }
      boolean[] joint = {false};
      // Anything whose top is below the object's middle catches it: released partly inside a table top,
      // an object still lands on it rather than falling through.
      double top = other.topBelow(c[0], c[1], Math.max(bottom + 0.02, (bottom + bb[5]) / 2), joint);
      if (!Double.isNaN(top) && top > best + 1e-9) {
        best = top;
        support = other;
        onJoint = joint[0];
      }
    }
    b.translate(0, 0, best - bottom);
    b.support = support;
    b.onSupportJoint = onJoint;
  }

  private List<Body> sortedByHeight() {
    List<Body> sorted = new ArrayList<>(bodies);
    sorted.sort(Comparator.comparingDouble(b -> b.bounds()[2]));
    return sorted;
  }

  // ---------------------------------------------------------------- events

  /** Applies a scenario event to the world (camera and audio events only change flags others read). */
  public void apply(Event event) {
    if (event instanceof Event.MoveObject m) {
      Body b = requireBody(m.object());
      if (b.held) {
        robot.held = null;
        b.held = false;
      }
      double[] c = b.centre();
      b.translate(m.x() - c[0], m.y() - c[1], m.z() - c[2]);
      b.support = null;
      resettle();
    } else if (event instanceof Event.RemoveObject r) {
      Body b = requireBody(r.object());
      if (b.held) {
        robot.held = null;
        b.held = false;
      }
      b.removed = true;
      resettle();
    } else if (event instanceof Event.PushRobot p) {
      robot.world = new Pose2D(robot.world.x() + p.dx(), robot.world.y() + p.dy(), Pose2D.wrap(robot.world.yaw() + p.dyaw()));
    }
    LOG.log(Level.INFO, String.format(Locale.ROOT, "sim: t=%.2f event %s", time, describe(event)));
  }

  private static String describe(Event e) {
    return e.getClass().getSimpleName() + " #" + e.index();
  }

  private void resettle() {
    for (Body b : sortedByHeight()) {
      if (!b.isStatic() && !b.held && !b.removed) {
        settle(b);
      }
    }
  }

  private Body requireBody(String name) {
    return body(name).orElseThrow(() -> new IllegalArgumentException("no model named '" + name + "'"));
  }

  // ---------------------------------------------------------------- sensors

  /** The robot's self-report, in the odom frame, as the executor sees it. */
  public RobotState robotState() {
    return new RobotState(timeNanos(), robot.odom, robot.v, robot.w, robot.q.clone(), robot.gripperWidth,
        robot.gripperVelocity, gripperEffort(), robot.pan, robot.tilt);
  }

  /** Finger force: the gripper presses on a held object or handle while commanded to close. */
  public double gripperEffort() {
    boolean gripping = (robot.held != null || robot.handle != null) && robot.gripperCommanded < robot.gripperWidth;
    return gripping ? GRIP_FORCE : 0.0;
  }

  /** Ground truth base pose in the world (map) frame. */
  public Pose2D worldPose() {
    return robot.world;
  }

  /** Base pose as wheel odometry reports it (pushes are not seen). */
  public Pose2D odomPose() {
    return robot.odom;
  }

  /** map → odom: where the odom frame sits in the world, as a localiser would report. */
  public Pose2D mapFromOdom() {
    Pose2D w = robot.world;
    Pose2D o = robot.odom;
    double yaw = Pose2D.wrap(w.yaw() - o.yaw());
    double c = Math.cos(yaw);
    double s = Math.sin(yaw);
    return new Pose2D(w.x() - (c * o.x() - s * o.y()), w.y() - (s * o.x() + c * o.y()), yaw);
  }

  /** base_link → camera optical frame (REP-103 optical: x right, y down, z forward). */
  public Transform baseFromOptical() {
    Transform head = Transform.fromPose(new dev.vla.sim.scenario.Pose3(g.cameraX(), 0, g.cameraZ(), 0, robot.tilt, robot.pan));
    return head.times(BODY_FROM_OPTICAL);
  }

  /** World → optical frame of the head camera. */
  public Transform worldFromOptical() {
    return Transform.fromPose(dev.vla.sim.scenario.Pose3.xyzYaw(robot.world.x(), robot.world.y(), 0, robot.world.yaw()))
        .times(baseFromOptical());
  }

  /** Camera body (x forward, y left, z up) from optical (x right, y down, z forward). */
  public static final Transform BODY_FROM_OPTICAL = Transform.ofRowMajor(new double[] {
    0, 0, 1, 0,
    -1, 0, 0, 0,
    0, -1, 0, 0,
    0, 0, 0, 1});

  /** Renders the head camera into {@code out}; ids are body ids, or {@link #ROBOT_ID_BASE}+ for the robot. */
  public void render(RgbdFrame out) {
    renderer.render(solids(), worldFromOptical(), lighting, out);
    if (config.sensorNoise()) {
      SensorNoise.apply(out, COLOR_NOISE, DEPTH_NOISE_AT_1M, noise.nextLong());
    }
  }

  /** Everything drawable: the world's visuals and the robot's own body. */
  public List<Solid> solids() {
    List<Solid> out = new ArrayList<>();
    for (Body b : bodies) {
      if (b.removed) {
        continue;
      }
      b.forEachVisual((shape, t) -> out.add(new Solid(b.id, shape.geometry, t, shape.color)));
    }
    addRobotSolids(out);
    return out;
  }

  private void addRobotSolids(List<Solid> out) {
    Transform base = Transform.fromPose(dev.vla.sim.scenario.Pose3.xyzYaw(robot.world.x(), robot.world.y(), 0, robot.world.yaw()));
    Rgba dark = new Rgba(0.22, 0.23, 0.25, 1);
    Rgba metal = new Rgba(0.55, 0.57, 0.6, 1);
    int id = ROBOT_ID_BASE;
    out.add(new Solid(id, new Geometry.Cylinder(g.baseRadius(), g.baseHeight() - 0.05),
        base.times(Transform.translation(0, 0, (g.baseHeight() + 0.05) / 2)), dark));
    out.add(new Solid(id, new Geometry.Box(0.06, 0.06, g.cameraZ() - 0.08 - g.baseHeight()),
        base.times(Transform.translation(-0.02, 0, (g.cameraZ() - 0.08 + g.baseHeight()) / 2)), dark));
    double[][] joints = robot.kinematics.forward(robot.q);
    double[][] world = new double[4][];
    for (int i = 0; i < 4; i++) {
      double[] xy = robot.world.toParent(joints[i][0], joints[i][1]);
      world[i] = new double[] {xy[0], xy[1], joints[i][2]};
    }
    out.add(segment(id + 1, world[0], world[1], 0.06, metal));
    out.add(segment(id + 1, world[1], world[2], 0.05, metal));
    out.add(segment(id + 1, world[2], world[3], 0.04, dark));
    double yaw = robot.armYawWorld();
    double ax = -Math.sin(yaw);
    double ay = Math.cos(yaw);
    double half = robot.gripperWidth / 2 + 0.006;
    for (int side = -1; side <= 1; side += 2) {
      double[] c = {world[3][0] + side * half * ax, world[3][1] + side * half * ay, world[3][2]};
      out.add(new Solid(id + 2, new Geometry.Box(0.03, 0.012, 0.05),
          Transform.fromPose(dev.vla.sim.scenario.Pose3.xyzYaw(c[0], c[1], c[2], yaw)), dark));
    }
  }

  /** A box spanning from a to b with the given square cross-section. */
  private static Solid segment(int id, double[] a, double[] b, double thickness, Rgba color) {
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double dz = b[2] - a[2];
    double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
    double yaw = Math.atan2(dy, dx);
    double pitch = -Math.atan2(dz, Math.hypot(dx, dy));
    Transform t = Transform.fromPose(new dev.vla.sim.scenario.Pose3(
        (a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2, 0, pitch, yaw));
    return new Solid(id, new Geometry.Box(Math.max(len, 1e-3), thickness, thickness), t, color);
  }

  // ---------------------------------------------------------------- ground truth

  public List<Body> bodies() {
    return Collections.unmodifiableList(bodies);
  }

  public Optional<Body> body(String name) {
    return bodies.stream().filter(b -> b.name().equals(name)).findFirst();
  }

  /** The body with render id {@code id}, if it is a world body. */
  public Optional<Body> bodyById(int id) {
    return id >= 0 && id < bodies.size() ? Optional.of(bodies.get(id)) : Optional.empty();
  }

  public Optional<Body> held() {
    return Optional.ofNullable(robot.held);
  }

  public List<Collision> collisions() {
    return Collections.unmodifiableList(collisions);
  }

  /** Base or arm moved at any time so far. */
  public boolean everMoved() {
    return everMoved;
  }

  /** True while a base velocity is commanded and fresh, or the arm is following a trajectory. */
  public boolean motionCommanded() {
    boolean base = time - robot.cmdTime <= config.cmdVelTimeoutSeconds() && (robot.cmdV != 0 || robot.cmdW != 0);
    return base || robot.armMoving();
  }

  /** Fingertip centre in the world (ground truth). */
  public double[] fingertip() {
    return robot.fingertipWorld();
  }

  private static double clamp(double v, double limit) {
    return Math.max(-limit, Math.min(limit, v));
  }

  private static double approach(double value, double target, double maxStep) {
    if (Math.abs(target - value) <= maxStep) {
      return target;
    }
    return value + Math.copySign(maxStep, target - value);
  }
}
