package dev.vla.ros.bag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Complete message definitions in rosbag2's {@code ros2msg} encoding, for the bag's
 * {@code message_definitions} table: the type's {@code .msg} text, then every type it uses (recursively,
 * each once) after a line of 80 {@code =} and a line {@code MSG: pkg/Name}. With them a bag is
 * self-describing: a reader without this project's {@code vla_interfaces} installed can still decode
 * the calls and statuses. The {@code .msg} texts are resources: the standard types' fields, and
 * {@code ros2/vla_interfaces/msg} as it is.
 */
final class MessageDefinitions {
  /** The rosbag2 name of this encoding. */
  static final String ENCODING = "ros2msg";

  private static final String DELIMITER = "=".repeat(80) + "\n";
  private static final Set<String> PRIMITIVES = Set.of("bool", "byte", "char", "float32", "float64", "int8", "uint8",
      "int16", "uint16", "int32", "uint32", "int64", "uint64", "string", "wstring");
  private static final Map<String, Optional<String>> CACHE = new ConcurrentHashMap<>();

  private MessageDefinitions() {}

  /** The complete definition of {@code rosType} ({@code pkg/msg/Name}), if its {@code .msg} and its fields' are known. */
  static Optional<String> of(String rosType) {
    return CACHE.computeIfAbsent(rosType, MessageDefinitions::build);
  }

  private static Optional<String> build(String rosType) {
    Optional<String> top = text(rosType);
    if (top.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(top.get());
    Set<String> seen = new LinkedHashSet<>(List.of(rosType));
    for (String dep : dependencies(rosType, top.get())) {
      if (!append(dep, out, seen)) {
        return Optional.empty();
      }
    }
    return Optional.of(out.toString());
  }

  private static boolean append(String rosType, StringBuilder out, Set<String> seen) {
    if (!seen.add(rosType)) {
      return true;
    }
    Optional<String> text = text(rosType);
    if (text.isEmpty()) {
      return false;
    }
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
    // Named as the fields name them, pkg/Name, as rosbag2 writes it and readers look it up.
    out.append(DELIMITER).append("MSG: ").append(rosType.replace("/msg/", "/")).append('\n').append(text.get());
    for (String dep : dependencies(rosType, text.get())) {
      if (!append(dep, out, seen)) {
        return false;
      }
    }
    return true;
  }

  /** The non-primitive field types of a {@code .msg}, as full names, in order of appearance. */
  static List<String> dependencies(String rosType, String msg) {
    String pkg = rosType.substring(0, rosType.indexOf('/'));
    Set<String> out = new LinkedHashSet<>();
    for (String raw : msg.split("\n")) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      String type = line.split("\\s+")[0];
      int bracket = type.indexOf('[');
      if (bracket >= 0) {
        type = type.substring(0, bracket);
      }
      int bound = type.indexOf("<=");
      if (bound >= 0) {
        type = type.substring(0, bound); // string<=N
      }
      if (PRIMITIVES.contains(type)) {
        continue;
      }
      if (type.equals("Header")) {
        out.add("std_msgs/msg/Header");
      } else if (type.contains("/")) {
        String[] parts = type.split("/");
        out.add(parts.length == 3 ? type : parts[0] + "/msg/" + parts[1]);
      } else {
        out.add(pkg + "/msg/" + type);
      }
    }
    return List.copyOf(out);
  }

  private static Optional<String> text(String rosType) {
    String[] parts = rosType.split("/");
    if (parts.length != 3 || !parts[1].equals("msg")) {
      return Optional.empty();
    }
    String resource = "msg/" + parts[0] + "/" + parts[2] + ".msg";
    try (InputStream in = MessageDefinitions.class.getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("reading the definition of " + rosType, e);
    }
  }
}
