package dev.vla.ros.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.SkillStatus;
import dev.vla.affordances.safety.SafetyLimits;
import dev.vla.ros.Topics;
import dev.vla.ros.msg.BoolMsg;
import dev.vla.ros.msg.DiagnosticArray;
import dev.vla.ros.msg.EmptyMsg;
import dev.vla.ros.msg.Header;
import dev.vla.ros.msg.Image;
import dev.vla.ros.msg.JointState;
import dev.vla.ros.msg.JointTrajectory;
import dev.vla.ros.msg.Odometry;
import dev.vla.ros.msg.Quaternion;
import dev.vla.ros.msg.Twist;
import dev.vla.ros.msg.Vector3;
import dev.vla.ros.transport.InMemoryTransport;
import dev.vla.ros.transport.Publisher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The supervisor on the topics: what the executor asks, what reaches the robot, what is reported. */
class SafetyNodeTest {
  private static final long MS = 1_000_000L;

  private InMemoryTransport t;
  private SafetyNode node;
  private final List<Twist> cmdVel = new ArrayList<>();
  private final List<JointTrajectory> arm = new ArrayList<>();
  private final List<SkillStatus> statuses = new ArrayList<>();
  private Publisher<Twist> ask;
  private Publisher<Odometry> odom;
  private Publisher<JointState> joints;
  private Publisher<Image> depth;
  private long now;

  @BeforeEach
  void setUp() {
    t = new InMemoryTransport();
    node = new SafetyNode(t, SafetyLimits.defaults(RobotGeometry.standard()), RobotGeometry.standard(), line -> { });
    t.subscribe(Topics.CMD_VEL, cmdVel::add);
    t.subscribe(Topics.ARM_TRAJECTORY, arm::add);
    t.subscribe(Topics.SKILL_STATUS, statuses::add);
    ask = t.advertise(Topics.EXECUTOR_CMD_VEL);
    odom = t.advertise(Topics.ODOM);
    joints = t.advertise(Topics.JOINT_STATES);
    depth = t.advertise(Topics.DEPTH);
  }

  /** The robot's sensors for {@code ms}, with the executor asking for {@code v} each tick (NaN: nothing). */
  private void run(long ms, double v, boolean camera) {
    for (long end = now + ms * MS; now < end; ) {
      now += 20 * MS;
      odom.publish(new Odometry(new Header(now, Topics.ODOM_FRAME), Topics.BASE_LINK, Vector3.ZERO, Quaternion.ofYaw(0),
          Twist.ZERO));
      joints.publish(new JointState(new Header(now, Topics.BASE_LINK), List.of(Topics.ARM_JOINTS),
          RobotGeometry.standard().armHome(), new double[0], new double[0]));
      if (camera) {
        depth.publish(Image.depth32(new Header(now, Topics.CAMERA_OPTICAL), 4, 3, new float[12]));
      }
      if (!Double.isNaN(v)) {
        ask.publish(Twist.planar(v, 0));
      }
      node.tick(now);
    }
  }

  private double lastV() {
    return cmdVel.get(cmdVel.size() - 1).linear().x();
  }

  @Test
  void theExecutorsCommandsReachTheRobotThroughTheSupervisor() {
    run(1000, 0.3, true);
    assertEquals(0.3, lastV(), 1e-9);
    assertEquals(DiagnosticArray.Level.OK, node.diagnose().level());
  }

  @Test
  void theEmergencyStopTopicLatchesAndOnlyTheResetTopicReleasesIt() {
    run(1000, 0.3, true);
    t.advertise(Topics.ESTOP).publish(new BoolMsg(true));
    assertEquals(0.0, lastV(), 0.0, "at once, on the publishing thread");
    t.advertise(Topics.ESTOP).publish(new BoolMsg(false));
    run(500, 0.3, true);
    assertEquals(0.0, lastV(), 0.0);
    DiagnosticArray.Status d = node.diagnose();
    assertEquals(DiagnosticArray.Level.ERROR, d.level());
    assertTrue(d.message().contains("/vla/estop/reset"), d.message());
    assertTrue(statuses.stream().anyMatch(s -> s.skill().equals(SafetyNode.SKILL) && s.state() == SkillStatus.State.PAUSED
        && s.reason().startsWith("emergency_stop")), statuses.toString());
    t.advertise(Topics.ESTOP_RESET).publish(EmptyMsg.INSTANCE);
    run(500, 0.3, true);
    assertTrue(lastV() > 0, "commanded again after the reset");
    assertTrue(statuses.stream().anyMatch(s -> s.skill().equals(SafetyNode.SKILL) && s.state() == SkillStatus.State.RUNNING));
  }

  @Test
  void aSilentCameraHoldsTheRobotAndSaysSo() {
    run(500, 0.3, true);
    run(600, 0.3, false);
    assertEquals(0.0, lastV(), 0.0);
    assertEquals(DiagnosticArray.Level.WARN, node.diagnose().level());
    assertTrue(node.diagnose().message().contains("camera data is"), node.diagnose().message());
    run(100, 0.3, true);
    assertTrue(lastV() > 0);
  }

  @Test
  void unreadableDepthFramesDoNotCountAsCameraFrames() {
    run(500, 0.3, true);
    for (int i = 0; i < 40; i++) {
      now += 20 * MS;
      odom.publish(new Odometry(new Header(now, Topics.ODOM_FRAME), Topics.BASE_LINK, Vector3.ZERO, Quaternion.ofYaw(0),
          Twist.ZERO));
      depth.publish(new Image(new Header(now, Topics.CAMERA_OPTICAL), 3, 4, "32FC1", false, 16, new byte[5]));
      ask.publish(Twist.planar(0.3, 0));
      node.tick(now);
    }
    assertEquals(0.0, lastV(), 0.0);
  }

  @Test
  void aMalformedArmGoalIsReplacedByAHoldAndReported() {
    run(200, Double.NaN, true);
    int before = arm.size();
    t.advertise(Topics.EXECUTOR_ARM).publish(new JointTrajectory(new Header(now, Topics.BASE_LINK), List.of("elbow"),
        List.of(new JointTrajectory.Point(new double[] {1}, new double[0], 0))));
    assertEquals(before + 1, arm.size());
    assertEquals(List.of(Topics.ARM_JOINTS), arm.get(arm.size() - 1).jointNames());
    assertTrue(statuses.stream().anyMatch(s -> s.state() == SkillStatus.State.REJECTED && s.reason().startsWith("bad_command")));
  }
}
