package dev.vla.ros.msg;

/** std_msgs/String. */
public record StringMsg(String data) {}
