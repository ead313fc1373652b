package dev.vla.ros.msg;

import java.util.List;

/** trajectory_msgs/JointTrajectory. */
public record JointTrajectory(Header header, List<String> jointNames, List<Point> points) {
  /** trajectory_msgs/JointTrajectoryPoint (positions and time from start). */
  public record Point(double[] positions, double[] velocities, long timeFromStartNanos) {}

  public JointTrajectory {
    jointNames = List.copyOf(jointNames);
    points = List.copyOf(points);
  }
}
