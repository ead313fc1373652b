package dev.vla.ros.dds;

/**
 * How one message type travels over DDS: its ROS 2 wire type name (e.g.
 * {@code geometry_msgs::msg::dds_::Twist_}), the largest message it accepts, and its CDR layout,
 * which follows the type's {@code .msg} definition field by field.
 */
public interface MessageCodec<T> {
  /** The DDS type name ROS 2 peers register, {@code pkg::msg::dds_::Name_}. */
  String ddsTypeName();

  /** Largest serialised size in bytes, header included; bigger messages are refused on publish. */
  int maxSize();

  void write(T message, CdrWriter out);

  T read(CdrReader in);

  /** {@code sensor_msgs/msg/Image} → {@code sensor_msgs::msg::dds_::Image_}. */
  static String ddsName(String rosType) {
    String[] parts = rosType.split("/");
    if (parts.length != 3) {
      throw new IllegalArgumentException("ROS type names look like pkg/msg/Name, got '" + rosType + "'");
    }
    return parts[0] + "::" + parts[1] + "::dds_::" + parts[2] + "_";
  }
}
