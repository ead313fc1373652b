package dev.vla.ros.msg;

import java.util.List;

/** tf2_msgs/TFMessage. */
public record TFMessage(List<TransformStamped> transforms) {
  public TFMessage {
    transforms = List.copyOf(transforms);
  }
}
