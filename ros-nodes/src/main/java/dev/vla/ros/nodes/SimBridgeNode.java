package dev.vla.ros.nodes;

import dev.vla.affordances.Pose2D;
import dev.vla.affordances.RobotState;
import dev.vla.affordances.SkillStatus;
import dev.vla.ros.Topics;
import dev.vla.ros.msg.AudioChunk;
import dev.vla.ros.msg.CameraInfo;
import dev.vla.ros.msg.GripperCommand;
import dev.vla.ros.msg.Header;
import dev.vla.ros.msg.Image;
import dev.vla.ros.msg.JointState;
import dev.vla.ros.msg.JointTrajectory;
import dev.vla.ros.msg.Odometry;
import dev.vla.ros.msg.Quaternion;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.msg.TFMessage;
import dev.vla.ros.msg.TransformStamped;
import dev.vla.ros.msg.Twist;
import dev.vla.ros.msg.Vector3;
import dev.vla.ros.transport.Publisher;
import dev.vla.ros.transport.Transport;
import dev.vla.sim.episode.Episode;
import dev.vla.sim.render.CameraModel;
import dev.vla.sim.render.RgbdFrame;
import dev.vla.sim.scenario.Event;
import dev.vla.sim.scenario.Say;
import dev.vla.sim.world.Simulator;
import dev.vla.speech.Pcm;
import dev.vla.speech.Synthesiser;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The embedded simulator as a robot on the graph: takes {@code /cmd_vel}, arm, head and gripper
 * commands; publishes the RGB-D camera, odometry, joint states and {@code /tf}; and, as the scenario
 * runner, delivers each {@code <vla:say>} on {@code /vla/instruction} and applies the scenario's events
 * when they are due. Ticks at 50 Hz; the camera publishes at its own rate.
 */
public final class SimBridgeNode extends Node {
  /**
   * Settings.
   *
   * @param cameraHz camera frame rate
   * @param voice speak each {@code <vla:say>} with this voice on {@code /audio/audio} instead of typing
   *     it on {@code /vla/instruction}; null types
   * @param seed seeds the microphone's noise
   */
  public record Config(double cameraHz, Synthesiser.Voice voice, long seed) {
    public Config {
      if (!(cameraHz > 0 && cameraHz <= 60)) {
        throw new IllegalArgumentException("sim.camera_rate must be in (0, 60] Hz, got " + cameraHz);
      }
    }

    /** Typed utterances. */
    public Config(double cameraHz) {
      this(cameraHz, null, 0);
    }
  }

  private final Simulator sim;
  private final Episode episode;
  private final Config config;
  private final Consumer<String> events;
  private final Publisher<Image> color;
  private final Publisher<Image> depth;
  private final Publisher<CameraInfo> cameraInfo;
  private final Publisher<Odometry> odom;
  private final Publisher<JointState> joints;
  private final Publisher<TFMessage> tf;
  private final Publisher<StringMsg> instruction;
  private final RgbdFrame frame;
  private final Set<Long> started = new HashSet<>();
  private long nextFrame;
  private boolean dropoutReported;
  private volatile boolean cameraEnabled = true;
  private long clockOrigin;
  private final SimMicrophone microphone;
  private final Publisher<AudioChunk> audio;

  public SimBridgeNode(Transport transport, Episode episode, Config config, Consumer<String> events) {
    super("sim", transport);
    this.sim = episode.sim();
    this.episode = episode;
    this.config = config;
    this.events = events;
    CameraModel cam = sim.camera();
    this.frame = new RgbdFrame(cam.width(), cam.height());
    this.color = publisher(Topics.COLOR);
    this.depth = publisher(Topics.DEPTH);
    this.cameraInfo = publisher(Topics.CAMERA_INFO);
    this.odom = publisher(Topics.ODOM);
    this.joints = publisher(Topics.JOINT_STATES);
    this.tf = publisher(Topics.TF);
    this.instruction = publisher(Topics.INSTRUCTION);
    if (config.voice() != null) {
      try {
        this.microphone = new SimMicrophone(new Synthesiser(), config.voice(), sim.scenario().task().says(), config.seed());
      } catch (IOException e) {
        throw new IllegalStateException("cannot speak the scenario's utterances: " + e.getMessage(), e);
      }
      this.audio = publisher(Topics.AUDIO);
    } else {
      this.microphone = null;
      this.audio = null;
    }
    subscribeLatest(Topics.CMD_VEL, this::onCmdVel);
    subscribe(Topics.ARM_TRAJECTORY, this::onArm);
    subscribe(Topics.HEAD_TRAJECTORY, this::onHead);
    subscribe(Topics.GRIPPER, (GripperCommand g) -> sim.commandGripper(g.position()));
    subscribe(Topics.SKILL_STATUS, this::onStatus);
  }

  @Override
  public Duration period() {
    return hz(50);
  }

  /** Switches the camera stream off and on, like a driver's trigger; state topics keep flowing. */
  public void setCameraEnabled(boolean on) {
    cameraEnabled = on;
  }

  /** The clock reading at which sim time is zero (ROS time when the node runs on its own); default 0. */
  public void setClockOrigin(long nanos) {
    clockOrigin = nanos;
  }

  public Simulator sim() {
    return sim;
  }

  public Episode episode() {
    return episode;
  }

  private void onCmdVel(Twist t) {
    sim.commandBase(t.linear().x(), t.angular().z());
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
        events.accept("sim: ignored arm trajectory without joint " + Topics.ARM_JOINTS[i]);
        return;
      }
      q[i] = last.positions()[idx];
    }
    sim.commandArm(q, last.timeFromStartNanos() / 1e9);
  }

  private void onHead(JointTrajectory traj) {
    if (traj.points().isEmpty()) {
      return;
    }
    double[] p = traj.points().get(traj.points().size() - 1).positions();
    int pan = traj.jointNames().indexOf(Topics.HEAD_JOINTS[0]);
    int tilt = traj.jointNames().indexOf(Topics.HEAD_JOINTS[1]);
    if (pan >= 0 && tilt >= 0 && pan < p.length && tilt < p.length) {
      sim.commandHead(p[pan], p[tilt]);
    }
  }

  private void onStatus(SkillStatus s) {
    if (s.callId() == 0 && (s.skill().equals(SafetyNode.SKILL) || s.skill().equals(ExecutorNode.SKILL))) {
      return; // the supervisor's and the executor's own reports are not skills of the episode
    }
    if (s.state() == SkillStatus.State.RUNNING && started.add(s.callId())) {
      episode.skillStarted(s.skill());
    }
    if (s.state().terminal()) {
      episode.skillEnded(s.skill());
      if (s.state() == SkillStatus.State.SUCCEEDED && s.skill().equals("ask")) {
        episode.asked();
      } else if (s.state() == SkillStatus.State.SUCCEEDED && s.skill().equals("done")) {
        episode.done();
      }
    }
  }

  @Override
  protected void onTick(long nowNanos) {
    episode.recordTick();
    double dt = (nowNanos - clockOrigin) / 1e9 - sim.time();
    if (dt > 0) {
      sim.step(dt);
    }
    for (Event e : episode.fireDueEvents()) {
      events.accept(String.format(Locale.ROOT, "sim: t=%.2f event #%d %s", sim.time(), e.index(), describe(e)));
    }
    for (Say say : episode.dueSays()) {
      if (microphone != null) {
        events.accept(String.format(Locale.ROOT, "sim: t=%.2f say #%d (spoken) \"%s\"", sim.time(), say.index(), say.text()));
        microphone.say(say);
      } else {
        events.accept(String.format(Locale.ROOT, "sim: t=%.2f say #%d \"%s\"", sim.time(), say.index(), say.text()));
        episode.delivered(say.index(), sim.time());
        instruction.publish(new StringMsg(say.text()));
      }
    }
    if (microphone != null) {
      publishAudio();
    }
    publishState(nowNanos);
    if (nowNanos >= nextFrame && cameraEnabled) {
      nextFrame = nowNanos + Math.round(1e9 / config.cameraHz()) - 1_000_000L;
      if (episode.cameraDropped()) {
        if (!dropoutReported) {
          dropoutReported = true;
          events.accept(String.format(Locale.ROOT, "sim: t=%.2f camera dropped out", sim.time()));
        }
      } else {
        dropoutReported = false;
        publishCamera(nowNanos);
      }
    }
  }

  /** The microphone's audio up to the current sim time; an utterance counts as delivered when its audio ends. */
  private void publishAudio() {
    long due = Math.round(sim.time() * Pcm.RATE) - microphone.position();
    if (due <= 0) {
      return;
    }
    long first = microphone.position();
    List<SimMicrophone.Finished> finished = new ArrayList<>(1);
    short[] samples = microphone.next((int) Math.min(due, Pcm.RATE), episode.audioNoiseSnrDb(), finished);
    long stamp = clockOrigin + first * 1_000_000_000L / Pcm.RATE;
    audio.publish(new AudioChunk(new Header(stamp, "microphone"), Pcm.RATE, 1, samples));
    for (SimMicrophone.Finished f : finished) {
      double end = f.endSample() / (double) Pcm.RATE;
      episode.delivered(f.sayIndex(), end);
      events.accept(String.format(Locale.ROOT, "sim: t=%.2f say #%d fully spoken", end, f.sayIndex()));
    }
  }

  private static String describe(Event e) {
    if (e instanceof Event.MoveObject m) {
      return String.format(Locale.ROOT, "moved %s to (%.2f, %.2f, %.2f)", m.object(), m.x(), m.y(), m.z());
    }
    if (e instanceof Event.RemoveObject r) {
      return "removed " + r.object();
    }
    if (e instanceof Event.CameraDropout c) {
      return "camera dropout for " + c.duration() + " s";
    }
    if (e instanceof Event.AudioNoise n) {
      return "audio noise at " + n.snrDb() + " dB SNR for " + n.duration() + " s";
    }
    Event.PushRobot p = (Event.PushRobot) e;
    return String.format(Locale.ROOT, "pushed the robot by (%.2f, %.2f, %.2f)", p.dx(), p.dy(), p.dyaw());
  }

  private void publishState(long stamp) {
    RobotState s = sim.robotState();
    Pose2D o = s.baseInOdom();
    odom.publish(new Odometry(new Header(stamp, Topics.ODOM_FRAME), Topics.BASE_LINK,
        new Vector3(o.x(), o.y(), 0), Quaternion.ofYaw(o.yaw()), Twist.planar(s.linearVelocity(), s.angularVelocity())));
    double[] q = s.armJoints();
    joints.publish(new JointState(new Header(stamp, Topics.BASE_LINK),
        List.of(Topics.ARM_JOINTS[0], Topics.ARM_JOINTS[1], Topics.ARM_JOINTS[2], Topics.ARM_JOINTS[3],
            Topics.GRIPPER_JOINT, Topics.HEAD_JOINTS[0], Topics.HEAD_JOINTS[1]),
        new double[] {q[0], q[1], q[2], q[3], s.gripperWidth(), s.headPan(), s.headTilt()},
        new double[] {0, 0, 0, 0, s.gripperVelocity(), 0, 0},
        new double[] {0, 0, 0, 0, s.gripperEffort(), 0, 0}));
    Pose2D mo = sim.mapFromOdom();
    tf.publish(new TFMessage(List.of(
        new TransformStamped(new Header(stamp, Topics.MAP), Topics.ODOM_FRAME, new Vector3(mo.x(), mo.y(), 0),
            Quaternion.ofYaw(mo.yaw())),
        new TransformStamped(new Header(stamp, Topics.ODOM_FRAME), Topics.BASE_LINK, new Vector3(o.x(), o.y(), 0),
            Quaternion.ofYaw(o.yaw())),
        TransformStamped.ofMatrix(new Header(stamp, Topics.BASE_LINK), Topics.CAMERA_OPTICAL,
            sim.baseFromOptical().rowMajor()))));
  }

  private void publishCamera(long stamp) {
    sim.render(frame);
    CameraModel cam = sim.camera();
    Header header = new Header(stamp, Topics.CAMERA_OPTICAL);
    color.publish(Image.rgb8(header, cam.width(), cam.height(), frame.rgb().clone()));
    depth.publish(Image.depth32(header, cam.width(), cam.height(), frame.depth()));
    cameraInfo.publish(CameraInfo.pinhole(header, cam.width(), cam.height(), cam.fx(), cam.fy(),
        cam.cx() - 0.5, cam.cy() - 0.5));
  }
}
