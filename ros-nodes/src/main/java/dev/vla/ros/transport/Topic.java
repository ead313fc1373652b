package dev.vla.ros.transport;

/**
 * A named, typed topic: {@code /cmd_vel} carrying {@code Twist}. {@code rosType} is the ROS 2 wire
 * type name (e.g. {@code geometry_msgs/msg/Twist}) a DDS transport maps it to.
 */
public record Topic<T>(String name, Class<T> type, String rosType) {
  public Topic {
    if (name == null || !name.matches("(/[A-Za-z][A-Za-z0-9_]*)+")) {
      throw new IllegalArgumentException("topic names are absolute ROS names like /camera/color/image_raw, got '" + name + "'");
    }
  }

  /** The same type under another name (remapping). */
  public Topic<T> renamed(String newName) {
    return new Topic<>(newName, type, rosType);
  }

  @Override
  public String toString() {
    return name + " [" + rosType + "]";
  }
}
