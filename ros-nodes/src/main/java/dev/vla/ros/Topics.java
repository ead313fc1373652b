package dev.vla.ros;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.SkillStatus;
import dev.vla.ros.msg.AudioChunk;
import dev.vla.ros.msg.BoolMsg;
import dev.vla.ros.msg.CameraInfo;
import dev.vla.ros.msg.DiagnosticArray;
import dev.vla.ros.msg.EmptyMsg;
import dev.vla.ros.msg.GripperCommand;
import dev.vla.ros.msg.Image;
import dev.vla.ros.msg.JointState;
import dev.vla.ros.msg.JointTrajectory;
import dev.vla.ros.msg.Odometry;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.msg.TFMessage;
import dev.vla.ros.msg.Twist;
import dev.vla.ros.transport.Topic;

/** The ROS 2 graph of DESIGN §3 (a contract): topic names and their types. */
public final class Topics {
  public static final Topic<Image> COLOR = new Topic<>("/camera/color/image_raw", Image.class, "sensor_msgs/msg/Image");
  public static final Topic<Image> DEPTH = new Topic<>("/camera/depth/image_raw", Image.class, "sensor_msgs/msg/Image");
  public static final Topic<CameraInfo> CAMERA_INFO =
      new Topic<>("/camera/color/camera_info", CameraInfo.class, "sensor_msgs/msg/CameraInfo");
  public static final Topic<AudioChunk> AUDIO = new Topic<>("/audio/audio", AudioChunk.class, "vla_interfaces/msg/AudioChunk");
  public static final Topic<StringMsg> INSTRUCTION = new Topic<>("/vla/instruction", StringMsg.class, "std_msgs/msg/String");
  public static final Topic<AffordanceCall> AFFORDANCE_CALL =
      new Topic<>("/vla/affordance_call", AffordanceCall.class, "vla_interfaces/msg/AffordanceCall");
  public static final Topic<SkillStatus> SKILL_STATUS =
      new Topic<>("/vla/skill_status", SkillStatus.class, "vla_interfaces/msg/SkillStatus");
  public static final Topic<Twist> CMD_VEL = new Topic<>("/cmd_vel", Twist.class, "geometry_msgs/msg/Twist");
  public static final Topic<JointTrajectory> ARM_TRAJECTORY =
      new Topic<>("/arm_controller/joint_trajectory", JointTrajectory.class, "trajectory_msgs/msg/JointTrajectory");
  public static final Topic<JointTrajectory> HEAD_TRAJECTORY =
      new Topic<>("/head_controller/joint_trajectory", JointTrajectory.class, "trajectory_msgs/msg/JointTrajectory");
  public static final Topic<GripperCommand> GRIPPER =
      new Topic<>("/gripper/command", GripperCommand.class, "control_msgs/msg/GripperCommand");
  public static final Topic<Odometry> ODOM = new Topic<>("/odom", Odometry.class, "nav_msgs/msg/Odometry");
  public static final Topic<JointState> JOINT_STATES = new Topic<>("/joint_states", JointState.class, "sensor_msgs/msg/JointState");
  public static final Topic<TFMessage> TF = new Topic<>("/tf", TFMessage.class, "tf2_msgs/msg/TFMessage");
  /** Emergency stop: {@code true} latches it; only {@link #ESTOP_RESET} releases it. */
  public static final Topic<BoolMsg> ESTOP = new Topic<>("/vla/estop", BoolMsg.class, "std_msgs/msg/Bool");
  public static final Topic<EmptyMsg> ESTOP_RESET = new Topic<>("/vla/estop/reset", EmptyMsg.class, "std_msgs/msg/Empty");

  /**
   * What the executor asks of the actuators, before the safety supervisor: it passes, shapes or holds
   * each command onto {@link #CMD_VEL}, {@link #ARM_TRAJECTORY}, {@link #HEAD_TRAJECTORY} and {@link #GRIPPER}.
   */
  public static final Topic<Twist> EXECUTOR_CMD_VEL = new Topic<>("/vla/executor/cmd_vel", Twist.class, "geometry_msgs/msg/Twist");
  public static final Topic<JointTrajectory> EXECUTOR_ARM =
      new Topic<>("/vla/executor/arm_trajectory", JointTrajectory.class, "trajectory_msgs/msg/JointTrajectory");
  public static final Topic<JointTrajectory> EXECUTOR_HEAD =
      new Topic<>("/vla/executor/head_trajectory", JointTrajectory.class, "trajectory_msgs/msg/JointTrajectory");
  public static final Topic<GripperCommand> EXECUTOR_GRIPPER =
      new Topic<>("/vla/executor/gripper", GripperCommand.class, "control_msgs/msg/GripperCommand");

  public static final Topic<DiagnosticArray> DIAGNOSTICS =
      new Topic<>("/diagnostics", DiagnosticArray.class, "diagnostic_msgs/msg/DiagnosticArray");
  public static final Topic<Image> DEBUG_IMAGE = new Topic<>("/vla/debug/image", Image.class, "sensor_msgs/msg/Image");

  /** Joint names on /joint_states and the trajectories. */
  public static final String[] ARM_JOINTS = {"arm_yaw", "arm_shoulder", "arm_elbow", "arm_wrist"};
  public static final String GRIPPER_JOINT = "gripper_width";
  public static final String[] HEAD_JOINTS = {"head_pan", "head_tilt"};

  /** Frames (REP-105). */
  public static final String MAP = "map";
  public static final String ODOM_FRAME = "odom";
  public static final String BASE_LINK = "base_link";
  public static final String CAMERA_OPTICAL = "camera_color_optical_frame";

  private Topics() {}
}
