package dev.vla.ros.bag;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bag's description in rosbag2's metadata layout, version 9 (ROS 2 Jazzy): what {@code metadata.yaml}
 * holds under {@code rosbag2_bagfile_information}, and what the sqlite3 storage keeps in its
 * {@code metadata} table. Offered QoS profiles are a YAML list with policies spelled as words
 * ({@code keep_last}, {@code reliable}), the version 9 form; in the {@code topics} table they are the
 * same list serialised to a string.
 */
final class BagMetadata {
  /** rosbag2 metadata version of Jazzy (rosbag2 0.26). */
  static final int VERSION = 9;

  /** RMW_DURATION_INFINITE as rosbag2 writes it: 2^63 - 1 nanoseconds. */
  private static final long INFINITE_SEC = 9_223_372_036L;
  private static final long INFINITE_NSEC = 854_775_807L;

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./-]*");
  private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null",
      "True", "False", "Yes", "No", "On", "Off", "Null", "TRUE", "FALSE", "NULL", "YES", "NO", "ON", "OFF", "Y", "N");

  /** One topic and how many of its messages the bag holds. */
  record TopicCount(String name, String type, BagWriter.Qos qos, long count) {}

  /**
   * What the description says.
   *
   * @param startNanos receive time of the earliest message (0 when there is none)
   * @param endNanos receive time of the latest message
   */
  record Snapshot(String fileName, List<TopicCount> topics, long messageCount, long startNanos, long endNanos,
      Map<String, String> customData) {
    long durationNanos() {
      return messageCount == 0 ? 0 : endNanos - startNanos;
    }

    long startingTime() {
      return messageCount == 0 ? 0 : startNanos;
    }
  }

  private BagMetadata() {}

  /** The whole {@code metadata.yaml}. */
  static String file(Snapshot s) {
    StringBuilder out = new StringBuilder("rosbag2_bagfile_information:\n");
    body(s, out, 2);
    return out.toString();
  }

  /** The document rosbag2 stores in the {@code metadata} table: the same fields, not wrapped. */
  static String table(Snapshot s) {
    StringBuilder out = new StringBuilder();
    body(s, out, 0);
    return out.toString();
  }

  /** The {@code offered_qos_profiles} string of the {@code topics} table. */
  static String qosString(BagWriter.Qos qos) {
    StringBuilder out = new StringBuilder();
    qosList(qos, out, 0);
    return out.toString().stripTrailing();
  }

  private static void body(Snapshot s, StringBuilder out, int indent) {
    String p = " ".repeat(indent);
    out.append(p).append("version: ").append(VERSION).append('\n');
    out.append(p).append("storage_identifier: sqlite3\n");
    out.append(p).append("duration:\n").append(p).append("  nanoseconds: ").append(s.durationNanos()).append('\n');
    out.append(p).append("starting_time:\n").append(p).append("  nanoseconds_since_epoch: ").append(s.startingTime())
        .append('\n');
    out.append(p).append("message_count: ").append(s.messageCount()).append('\n');
    out.append(p).append("topics_with_message_count:");
    if (s.topics().isEmpty()) {
      out.append(" []\n");
    } else {
      out.append('\n');
      for (TopicCount t : s.topics()) {
        out.append(p).append("  - topic_metadata:\n");
        String q = p + "      ";
        out.append(q).append("name: ").append(scalar(t.name())).append('\n');
        out.append(q).append("type: ").append(scalar(t.type())).append('\n');
        out.append(q).append("serialization_format: cdr\n");
        out.append(q).append("offered_qos_profiles:\n");
        qosList(t.qos(), out, indent + 8);
        out.append(q).append("type_description_hash: \"\"\n");
        out.append(p).append("    message_count: ").append(t.count()).append('\n');
      }
    }
    out.append(p).append("compression_format: \"\"\n");
    out.append(p).append("compression_mode: \"\"\n");
    out.append(p).append("relative_file_paths:\n").append(p).append("  - ").append(scalar(s.fileName())).append('\n');
    out.append(p).append("files:\n");
    out.append(p).append("  - path: ").append(scalar(s.fileName())).append('\n');
    out.append(p).append("    starting_time:\n").append(p).append("      nanoseconds_since_epoch: ")
        .append(s.startingTime()).append('\n');
    out.append(p).append("    duration:\n").append(p).append("      nanoseconds: ").append(s.durationNanos()).append('\n');
    out.append(p).append("    message_count: ").append(s.messageCount()).append('\n');
    out.append(p).append("custom_data:");
    if (s.customData().isEmpty()) {
      out.append(" ~\n");
    } else {
      out.append('\n');
      s.customData().forEach((k, v) -> out.append(p).append("  ").append(scalar(k)).append(": ").append(scalar(v))
          .append('\n'));
    }
    out.append(p).append("ros_distro: ").append(BagWriter.ROS_DISTRO).append('\n');
  }

  private static void qosList(BagWriter.Qos qos, StringBuilder out, int indent) {
    String p = " ".repeat(indent);
    String q = p + "  ";
    out.append(p).append("- history: keep_last\n");
    out.append(q).append("depth: ").append(qos.depth()).append('\n');
    out.append(q).append("reliability: ").append(qos.reliable() ? "reliable" : "best_effort").append('\n');
    out.append(q).append("durability: ").append(qos.transientLocal() ? "transient_local" : "volatile").append('\n');
    infinite(out, q, "deadline");
    infinite(out, q, "lifespan");
    out.append(q).append("liveliness: automatic\n");
    infinite(out, q, "liveliness_lease_duration");
    out.append(q).append("avoid_ros_namespace_conventions: false\n");
  }

  private static void infinite(StringBuilder out, String p, String key) {
    out.append(p).append(key).append(":\n");
    out.append(p).append("  sec: ").append(INFINITE_SEC).append('\n');
    out.append(p).append("  nsec: ").append(INFINITE_NSEC).append('\n');
  }

  /** A YAML scalar: plain where that reads back as the same string, double-quoted otherwise. */
  static String scalar(String s) {
    if (PLAIN.matcher(s).matches() && !RESERVED.contains(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
