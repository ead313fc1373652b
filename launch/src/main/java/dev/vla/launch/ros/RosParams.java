package dev.vla.launch.ros;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A node's parameters, from ROS 2 params YAML files ({@code node_name: ros__parameters: {...}}, with
 * {@code /**} for every node) and {@code -p name:=value} overrides, later sources winning. Values are
 * kept as text and converted on read with a message that names the parameter; keys a node does not
 * read are reported, so a typo never passes silently.
 */
public final class RosParams {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final long MAX_FILE_BYTES = 1 << 20;

  private final String node;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> read = new LinkedHashSet<>();

  public RosParams(String node) {
    this.node = node;
  }

  /** Adds the entries for this node (and {@code /**}) from a params file. */
  public RosParams load(Path file) {
    JsonNode root;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new IllegalArgumentException("params file " + file + " is larger than 1 MiB");
      }
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read params file " + file + ": " + firstLine(e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("params file " + file + " must map node names to {ros__parameters: ...}");
    }
    for (String key : new String[] {"/**", node, "/" + node}) {
      JsonNode entry = root.get(key);
      if (entry == null) {
        continue;
      }
      JsonNode params = entry.get("ros__parameters");
      if (params == null || !params.isObject()) {
        throw new IllegalArgumentException("params file " + file + ": '" + key + "' needs a ros__parameters map");
      }
      flatten("", params, file);
    }
    return this;
  }

  private void flatten(String prefix, JsonNode obj, Path file) {
    Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = prefix + e.getKey();
      if (e.getValue().isObject()) {
        flatten(name + ".", e.getValue(), file);
      } else if (e.getValue().isValueNode()) {
        values.put(name, e.getValue().asText());
      } else {
        throw new IllegalArgumentException("params file " + file + ": " + node + "." + name
            + " must be a number, string or boolean");
      }
    }
  }

  /** {@code name:=value} from the command line. */
  public RosParams set(String assignment) {
    int i = assignment.indexOf(":=");
    if (i <= 0) {
      throw new IllegalArgumentException("parameters are given as name:=value, got '" + assignment + "'");
    }
    values.put(assignment.substring(0, i), assignment.substring(i + 2));
    return this;
  }

  public String string(String name, String fallback) {
    read.add(name);
    return values.getOrDefault(name, fallback);
  }

  public double number(String name, double fallback, double min, double max) {
    read.add(name);
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(node + "." + name + " must be a number, got '" + v + "'");
    }
    if (!(d >= min && d <= max)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s.%s must be in [%s, %s], got %s", node, name,
          strip(min), strip(max), v));
    }
    return d;
  }

  private static String strip(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** Parameters given but never read by the node: most likely typos. */
  public Set<String> unused() {
    Set<String> out = new LinkedHashSet<>(values.keySet());
    out.removeAll(read);
    out.remove("use_sim_time"); // set by launch files for every node; this controller keeps its own clock
    return out;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
