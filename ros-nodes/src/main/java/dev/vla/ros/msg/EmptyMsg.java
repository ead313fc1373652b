package dev.vla.ros.msg;

/** std_msgs/Empty: an event without content. */
public record EmptyMsg() {
  public static final EmptyMsg INSTANCE = new EmptyMsg();
}
