package dev.vla.ros.msg;

/** std_msgs/Bool. */
public record BoolMsg(boolean data) {}
