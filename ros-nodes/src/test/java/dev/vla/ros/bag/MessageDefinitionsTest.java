package dev.vla.ros.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.ros.dds.Codecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ros2msg definitions the bags carry: complete, each type once, the custom ones from ros2/vla_interfaces. */
class MessageDefinitionsTest {
  static List<String> sections(String definition) {
    List<String> names = new ArrayList<>();
    for (String line : definition.split("\n")) {
      if (line.startsWith("MSG: ")) {
        names.add(line.substring(5));
      }
    }
    return names;
  }

  @Test
  void aCallCarriesEveryTypeItUsesOnce() throws Exception {
    String call = MessageDefinitions.of("vla_interfaces/msg/AffordanceCall").orElseThrow();
    Path source = Path.of(System.getProperty("user.dir")).getParent().resolve("ros2/vla_interfaces/msg/AffordanceCall.msg");
    assertTrue(call.startsWith(Files.readString(source)), "the custom .msg as it is in ros2/vla_interfaces");
    assertEquals(List.of("builtin_interfaces/Time", "diagnostic_msgs/KeyValue", "geometry_msgs/PointStamped",
        "std_msgs/Header", "geometry_msgs/Point"), sections(call));
  }

  @Test
  void everyTypeWithACodecHasADefinition() {
    for (String type : Codecs.rosTypes()) {
      assertTrue(MessageDefinitions.of(type).isPresent(), type);
    }
    assertTrue(MessageDefinitions.of("unknown_msgs/msg/Nothing").isEmpty());
    // Ready for the safety topics (/vla/estop, /vla/estop/reset).
    assertEquals("bool data\n", MessageDefinitions.of("std_msgs/msg/Bool").orElseThrow());
    assertEquals("", MessageDefinitions.of("std_msgs/msg/Empty").orElseThrow());
  }
}
