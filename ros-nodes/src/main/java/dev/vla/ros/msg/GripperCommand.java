package dev.vla.ros.msg;

/** control_msgs/GripperCommand: target opening in metres and the effort limit in newtons. */
public record GripperCommand(double position, double maxEffort) {}
