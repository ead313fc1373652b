package dev.vla.ros.nodes;

import dev.vla.affordances.Pose2D;
import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.RobotState;
import dev.vla.ros.Topics;
import dev.vla.ros.msg.JointState;
import dev.vla.ros.msg.Odometry;
import dev.vla.ros.msg.Quaternion;

/**
 * Builds a {@link RobotState} from the newest {@code /odom} and {@code /joint_states}. The fields are
 * written by transport threads and read by the node thread; each message is immutable, so volatile
 * references suffice. Odometry with a non-finite pose or twist is refused (the previous one is kept);
 * non-finite joint values fall back to the robot's initial ones, velocities and effort to zero.
 */
final class RobotStateAssembler {
  private final RobotGeometry geometry;
  private volatile Odometry odom;
  private volatile JointState joints;
  private volatile long refusedOdom;

  RobotStateAssembler(RobotGeometry geometry) {
    this.geometry = geometry;
  }

  void odom(Odometry msg) {
    Quaternion q = msg.orientation();
    if (!msg.position().finite() || !msg.twist().linear().finite() || !msg.twist().angular().finite()
        || !Double.isFinite(q.x()) || !Double.isFinite(q.y()) || !Double.isFinite(q.z()) || !Double.isFinite(q.w())
        || !Double.isFinite(q.yaw())) {
      refusedOdom++;
      return;
    }
    odom = msg;
  }

  /** Odometry messages refused for non-finite values. */
  long refusedOdom() {
    return refusedOdom;
  }

  void joints(JointState msg) {
    joints = msg;
  }

  /** The newest state; the robot's initial state for what has not arrived yet. */
  RobotState state(long nowNanos) {
    Odometry o = odom;
    JointState j = joints;
    RobotState initial = RobotState.initial(geometry);
    Pose2D base = o == null ? initial.baseInOdom() : new Pose2D(o.position().x(), o.position().y(), o.orientation().yaw());
    double v = o == null ? 0 : o.twist().linear().x();
    double w = o == null ? 0 : o.twist().angular().z();
    if (j == null) {
      return new RobotState(nowNanos, base, v, w, initial.armJoints(), initial.gripperWidth(), 0, 0,
          initial.headPan(), initial.headTilt());
    }
    double[] q = new double[4];
    for (int i = 0; i < 4; i++) {
      q[i] = finiteOr(j.position(Topics.ARM_JOINTS[i]), initial.armJoint(i));
    }
    int g = j.name().indexOf(Topics.GRIPPER_JOINT);
    double effort = g >= 0 && g < j.effort().length ? finiteOr(j.effort()[g], 0) : 0.0;
    return new RobotState(j.header().stampNanos(), base, v, w, q,
        finiteOr(j.position(Topics.GRIPPER_JOINT), initial.gripperWidth()), finiteOr(j.velocity(Topics.GRIPPER_JOINT), 0),
        effort,
        finiteOr(j.position(Topics.HEAD_JOINTS[0]), 0), finiteOr(j.position(Topics.HEAD_JOINTS[1]), initial.headTilt()));
  }

  private static double finiteOr(double v, double fallback) {
    return Double.isFinite(v) ? v : fallback;
  }
}
