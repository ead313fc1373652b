package dev.vla.ros.msg;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** diagnostic_msgs/DiagnosticArray: one status per node, what {@code rqt_robot_monitor} shows. */
public record DiagnosticArray(Header header, List<Status> status) {
  public DiagnosticArray {
    status = List.copyOf(status);
  }

  /** diagnostic_msgs/DiagnosticStatus. */
  public record Status(Level level, String name, String message, String hardwareId, Map<String, String> values) {
    public Status {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  /** The levels of diagnostic_msgs/DiagnosticStatus, in wire order. */
  public enum Level {
    OK,
    WARN,
    ERROR,
    STALE;

    public int wire() {
      return ordinal();
    }

    public static Level ofWire(int b) {
      return b >= 0 && b < values().length ? values()[b] : ERROR;
    }
  }
}
