package dev.vla.ros.nodes;

import dev.vla.affordances.MotionPort;
import dev.vla.ros.Topics;
import dev.vla.ros.msg.GripperCommand;
import dev.vla.ros.msg.Header;
import dev.vla.ros.msg.JointTrajectory;
import dev.vla.ros.msg.Twist;
import dev.vla.ros.transport.Publisher;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Motion commands as ROS messages on four topics: a Twist, arm and head trajectories (one point, in
 * {@code base_link}, stamped with the node's clock) and a gripper command. The executor publishes its
 * requests this way, the safety node what it lets through to the actuators.
 */
final class MotionTopics implements MotionPort {
  /** Gripper force in newtons sent with every width. */
  static final double GRIPPER_EFFORT = 40.0;

  private final Publisher<Twist> base;
  private final Publisher<JointTrajectory> arm;
  private final Publisher<JointTrajectory> head;
  private final Publisher<GripperCommand> gripper;
  private final LongSupplier clock;

  MotionTopics(Publisher<Twist> base, Publisher<JointTrajectory> arm, Publisher<JointTrajectory> head,
      Publisher<GripperCommand> gripper, LongSupplier clock) {
    this.base = base;
    this.arm = arm;
    this.head = head;
    this.gripper = gripper;
    this.clock = clock;
  }

  @Override
  public void baseVelocity(double linear, double angular) {
    base.publish(Twist.planar(linear, angular));
  }

  @Override
  public void armTrajectory(double[] q, double seconds) {
    arm.publish(new JointTrajectory(new Header(clock.getAsLong(), Topics.BASE_LINK), List.of(Topics.ARM_JOINTS),
        List.of(new JointTrajectory.Point(q.clone(), new double[0], Math.round(seconds * 1e9)))));
  }

  @Override
  public void gripper(double width) {
    gripper.publish(new GripperCommand(width, GRIPPER_EFFORT));
  }

  @Override
  public void head(double pan, double tilt) {
    head.publish(new JointTrajectory(new Header(clock.getAsLong(), Topics.BASE_LINK), List.of(Topics.HEAD_JOINTS),
        List.of(new JointTrajectory.Point(new double[] {pan, tilt}, new double[0], 0))));
  }
}
