package dev.vla.ros.msg;

import java.util.List;

/** sensor_msgs/JointState. */
public record JointState(Header header, List<String> name, double[] position, double[] velocity, double[] effort) {
  public JointState {
    name = List.copyOf(name);
  }

  /** Position of a named joint, or NaN when absent. */
  public double position(String joint) {
    int i = name.indexOf(joint);
    return i >= 0 && i < position.length ? position[i] : Double.NaN;
  }

  public double velocity(String joint) {
    int i = name.indexOf(joint);
    return i >= 0 && i < velocity.length ? velocity[i] : 0.0;
  }
}
