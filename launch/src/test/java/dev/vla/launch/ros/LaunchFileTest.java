package dev.vla.launch.ros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped launch files against the schema, and what the in-process launcher makes of them. */
class LaunchFileTest {
  static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
  static final Path LAUNCH = ROOT.resolve("ros2/vla_controller/launch");
  static final Function<String, Path> SHARES = pkg -> pkg.startsWith("vla_")
      ? ROOT.resolve("ros2").resolve(pkg) : Path.of("/opt/ros/jazzy/share").resolve(pkg);

  static Stream<Path> launchFiles() throws IOException {
    return Files.list(LAUNCH).filter(p -> p.toString().endsWith(".launch.xml")).sorted();
  }

  @ParameterizedTest
  @MethodSource("launchFiles")
  void everyShippedLaunchFileValidatesAndResolves(Path file) {
    LaunchFile.validate(file);
    List<LaunchFile.Action> actions = LaunchFile.load(file, Map.of("world", "/tmp/world.sdf"), SHARES, Map.of());
    assertTrue(actions.size() >= 2, file + " starts " + actions);
    for (LaunchFile.Action a : actions) {
      if (a instanceof LaunchFile.NodeAction n && n.pkg().equals("vla_controller")) {
        assertEquals("vla_node", n.exec());
        assertTrue(RosNodes.NAMES.contains(n.args().get(0)), n.toString());
        for (LaunchFile.Param p : n.params()) {
          if (p.from() != null) {
            assertTrue(Files.isRegularFile(p.from()), "params file " + p.from() + " exists");
          }
        }
      }
    }
  }

  static List<String> nodeNames(List<LaunchFile.Action> actions) {
    return actions.stream().filter(a -> a instanceof LaunchFile.NodeAction).map(a -> ((LaunchFile.NodeAction) a).name())
        .toList();
  }

  @Test
  void theSimLaunchStartsTheWholeStackWithItsArguments() {
    List<LaunchFile.Action> actions = LaunchFile.load(LAUNCH.resolve("sim.launch.xml"), Map.of("policy", "vla"),
        SHARES, Map.of());
    assertEquals(List.of("sim", "vla", "executor", "speech"), nodeNames(actions));
    LaunchFile.NodeAction vla = (LaunchFile.NodeAction) actions.get(1);
    assertTrue(vla.params().contains(new LaunchFile.Param(null, "policy", "vla")), vla.params().toString());
    assertEquals(List.of("sim", "vla", "executor"), nodeNames(LaunchFile.load(LAUNCH.resolve("sim.launch.xml"),
        Map.of("speech", "false"), SHARES, Map.of())), "speech:=false leaves the speech node out");
  }

  @Test
  void theRobotLaunchRemapsTheCameraDriversTopics() {
    List<LaunchFile.Action> actions = LaunchFile.load(LAUNCH.resolve("robot.launch.xml"),
        Map.of("cmd_vel", "/base/cmd_vel"), SHARES, Map.of());
    LaunchFile.NodeAction vla = (LaunchFile.NodeAction) actions.get(0);
    LaunchFile.NodeAction executor = (LaunchFile.NodeAction) actions.get(1);
    assertEquals("/camera/aligned_depth_to_color/image_raw", vla.remaps().get("/camera/depth/image_raw"));
    assertEquals("/base/cmd_vel", executor.remaps().get("/cmd_vel"));
  }

  @Test
  void gazeboNeedsItsWorld() {
    LaunchException e = assertThrows(LaunchException.class,
        () -> LaunchFile.load(LAUNCH.resolve("gazebo.launch.xml"), Map.of(), SHARES, Map.of()));
    assertTrue(e.getMessage().contains("'world' is required"), e.getMessage());
  }

  @Test
  void gazeboStartsGzSimTheBridgeAndTheController() {
    List<LaunchFile.Action> actions = LaunchFile.load(LAUNCH.resolve("gazebo.launch.xml"),
        Map.of("world", "w.sdf", "headless", "true"), SHARES, Map.of());
    assertEquals(new LaunchFile.ExecAction("gz sim -r -s w.sdf", "gz_sim"), actions.get(0));
    assertEquals(List.of("spawn_robot", "gz_bridge", "vla", "executor", "speech"), nodeNames(actions));
  }

  static Path write(Path dir, String name, String xml) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, xml);
    return f;
  }

  @Test
  void aSchemaViolationNamesTheLine(@TempDir Path dir) throws IOException {
    Path f = write(dir, "bad.launch.xml", "<launch>\n  <arg name=\"a\" default=\"1\"/>\n  <node pkg=\"x\"/>\n</launch>\n");
    LaunchException e = assertThrows(LaunchException.class, () -> LaunchFile.validate(f));
    assertTrue(e.getMessage().startsWith("bad.launch.xml:3:"), e.getMessage());
    Path g = write(dir, "worse.launch.xml", "<launch>\n<rosparam/>\n</launch>\n");
    assertTrue(assertThrows(LaunchException.class, () -> LaunchFile.validate(g)).getMessage().contains(":2:"));
    Path h = write(dir, "broken.launch.xml", "<launch><arg name=\"a\"></launch>");
    assertThrows(LaunchException.class, () -> LaunchFile.validate(h));
  }

  @Test
  void substitutionsResolveOrSayWhatIsWrong(@TempDir Path dir) throws IOException {
    Path f = write(dir, "s.launch.xml", """
        <launch>
          <arg name="who" default="sim"/>
          <let name="rate" value="$(env CAMERA_RATE 15)"/>
          <node pkg="vla_controller" exec="vla_node" name="$(var who)_1" args="$(var who)">
            <param name="camera_rate" value="$(var rate)"/>
            <param from="$(dirname)/p.yaml"/>
          </node>
          <node pkg="vla_controller" exec="vla_node" args="vla" if="false"/>
          <group unless="false"><node pkg="vla_controller" exec="vla_node" args="executor"/></group>
        </launch>
        """);
    List<LaunchFile.Action> a = LaunchFile.load(f, Map.of(), SHARES, Map.of("CAMERA_RATE", "30"));
    assertEquals(2, a.size());
    LaunchFile.NodeAction n = (LaunchFile.NodeAction) a.get(0);
    assertEquals("sim_1", n.name());
    assertEquals(List.of(new LaunchFile.Param(null, "camera_rate", "30"), new LaunchFile.Param(dir.resolve("p.yaml"),
        null, null)), n.params());

    Path g = write(dir, "e.launch.xml", "<launch><let name=\"x\" value=\"$(eval 1 + 1)\"/></launch>");
    assertTrue(assertThrows(LaunchException.class, () -> LaunchFile.load(g, Map.of(), SHARES, Map.of()))
        .getMessage().contains("not supported"));
    Path h = write(dir, "v.launch.xml", "<launch><let name=\"x\" value=\"$(var nope)\"/></launch>");
    assertTrue(assertThrows(LaunchException.class, () -> LaunchFile.load(h, Map.of(), SHARES, Map.of()))
        .getMessage().contains("nope"));
    Path c = write(dir, "c.launch.xml", "<launch><node pkg=\"a\" exec=\"b\" if=\"maybe\"/></launch>");
    assertThrows(LaunchException.class, () -> LaunchFile.load(c, Map.of(), SHARES, Map.of()));
  }

  @Test
  void anIncludeCycleIsCaught(@TempDir Path dir) throws IOException {
    Path f = write(dir, "loop.launch.xml", "<launch><include file=\"$(dirname)/loop.launch.xml\"/></launch>");
    assertTrue(assertThrows(LaunchException.class, () -> LaunchFile.load(f, Map.of(), SHARES, Map.of()))
        .getMessage().contains("cycle"));
  }

  @Test
  void aMissingIncludeNamesTheFileThatAsksForIt(@TempDir Path dir) throws IOException {
    Path f = write(dir, "outer.launch.xml", "<launch><include file=\"$(dirname)/gone.launch.xml\"/></launch>");
    String m = assertThrows(LaunchException.class, () -> LaunchFile.load(f, Map.of(), SHARES, Map.of())).getMessage();
    assertTrue(m.contains("outer.launch.xml") && m.contains("gone.launch.xml: no such launch file"), m);
  }

  @Test
  void anEntityBombIsRefused(@TempDir Path dir) throws IOException {
    Path f = write(dir, "x.launch.xml", "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaa\">]><launch/>");
    assertThrows(LaunchException.class, () -> LaunchFile.validate(f));
  }
}
