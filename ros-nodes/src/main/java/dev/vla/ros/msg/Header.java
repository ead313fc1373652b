package dev.vla.ros.msg;

/** std_msgs/Header: stamp (nanoseconds, sim or wall clock) and frame. */
public record Header(long stampNanos, String frameId) {}
