package dev.vla.launch.ros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosParamsTest {
  @Test
  void nodeEntriesWildcardsAndOverridesCombineInOrder(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("p.yaml");
    Files.writeString(f, """
        /**:
          ros__parameters:
            use_sim_time: false
            camera_rate: 10.0
        sim:
          ros__parameters:
            camera_rate: 20.0
            nested: {depth: 3}
        vla:
          ros__parameters:
            policy: vla
        """);
    RosParams p = new RosParams("sim").load(f).set("seed:=7");
    assertEquals(20.0, p.number("camera_rate", 15, 0, 60));
    assertEquals(7, p.number("seed", 1, 0, 100));
    assertEquals("keyword", p.string("policy", "keyword"), "another node's parameter does not leak");
    assertEquals(Set.of("nested.depth"), p.unused(), "unread parameters are reported; use_sim_time is expected");
  }

  @Test
  void badValuesSayWhichParameter(@TempDir Path dir) throws IOException {
    RosParams p = new RosParams("sim").set("camera_rate:=fast");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.number("camera_rate", 15, 0, 60));
    assertTrue(e.getMessage().contains("sim.camera_rate"), e.getMessage());
    RosParams q = new RosParams("sim").set("camera_rate:=600");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> q.number("camera_rate", 15, 0.1, 60)).getMessage()
        .contains("[0.1, 60]"));
    assertThrows(IllegalArgumentException.class, () -> new RosParams("sim").set("camera_rate=3"));
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "sim: [1, 2]\n");
    assertThrows(IllegalArgumentException.class, () -> new RosParams("sim").load(f));
    Files.writeString(f, "sim:\n  ros__parameters:\n    a: [1, 2]\n");
    assertThrows(IllegalArgumentException.class, () -> new RosParams("sim").load(f));
    assertThrows(IllegalArgumentException.class, () -> new RosParams("sim").load(dir.resolve("missing.yaml")));
  }

  @Test
  void theShippedParamsFileFitsTheNodes() {
    Path f = Path.of(System.getProperty("user.dir")).getParent().resolve("ros2/vla_controller/config/vla_controller.yaml");
    RosParams sim = new RosParams("sim").load(f);
    assertEquals(15.0, sim.number("camera_rate", 0, 0, 60));
    sim.number("seed", 1, 0, 1e18);
    assertTrue(sim.unused().isEmpty(), sim.unused().toString());
    assertEquals("keyword", new RosParams("vla").load(f).string("policy", "?"));
  }
}
