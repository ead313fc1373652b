package dev.vla.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Valid scenario files and the values read from them. */
class ScenarioLoaderTest {
  private static final double EPS = 1e-9;
  private static final double HALF_PI = Math.PI / 2;

  @Test
  void fullCoverageWorldAndModels() throws Exception {
    Path file = scenario("valid/full_coverage.sdf");
    Scenario s = ScenarioLoader.load(file);

    assertEquals("full_coverage", s.name());
    assertEquals(file, s.source());
    assertEquals(List.of("ground", "table", "red_cube", "green_cube", "blue_bin", "yellow_ball", "orange_can",
        "drawer_unit", "purple_door", "wall"), s.models().stream().map(Model::name).toList());
    for (Model m : s.models()) {
      assertEquals(lineOf(file, "<model name=\"" + m.name() + "\">"), m.line(), m.name());
    }

    Model ground = s.model("ground").orElseThrow();
    assertTrue(ground.isStatic());
    assertEquals(Optional.empty(), ground.tag());
    assertEquals(Pose3.IDENTITY, ground.pose());
    Link groundLink = ground.links().get(0);
    assertEquals("link", groundLink.name());
    assertEquals(Pose3.IDENTITY, groundLink.pose());
    assertEquals(new Geometry.Plane(0, 0, 1, 20, 10), groundLink.collisions().get(0).geometry(),
        "the normal 0 0 2 is normalised");
    assertEquals("collision", groundLink.collisions().get(0).name());
    assertEquals(new Visual("visual", Pose3.IDENTITY, new Geometry.Plane(0, 0, 1, 20, 10),
        new Rgba(0.5, 0.5, 0.5, 1)), groundLink.visuals().get(0), "alpha defaults to 1");

    Model table = s.model("table").orElseThrow();
    assertTrue(table.isStatic(), "<static>1</static>");
    assertEquals(new Pose3(1.0, 0, 0, 0, 0, 1.5707963267948966), table.pose());
    Link top = table.links().get(0);
    assertEquals("top", top.name());
    assertEquals(new Pose3(0, 0, 0.38, 0, 0, 0), top.pose(), "relative_to=\"__model__\" is the parent");
    assertEquals(new Visual("top_visual", Pose3.IDENTITY, new Geometry.Box(0.8, 1.2, 0.04),
        new Rgba(0.9, 0.9, 0.85, 1)), top.visuals().get(0));
    assertEquals(new Collision("top_collision", Pose3.IDENTITY, new Geometry.Box(0.8, 1.2, 0.04)),
        top.collisions().get(0));
    assertEquals(new ObjectTag("table", "white", Optional.of("large"), false, false), table.tag().orElseThrow());

    Model redCube = s.model("red_cube").orElseThrow();
    assertFalse(redCube.isStatic(), "<static> defaults to false");
    assertEquals(new Pose3(0.8, 0.1, 0.42, 0, 0, 0.5), redCube.pose());
    Visual redVisual = redCube.links().get(0).visuals().get(0);
    assertEquals(Pose3.IDENTITY, redVisual.pose(), "relative_to the parent link");
    assertEquals(new Geometry.Box(0.04, 0.05, 0.06), redVisual.geometry());
    assertEquals(new Rgba(1, 0, 0, 1), redVisual.diffuse());
    assertEquals(new ObjectTag("cube", "red", Optional.of("small"), true, false), redCube.tag().orElseThrow());

    Model greenCube = s.model("green_cube").orElseThrow();
    assertPose(new Pose3(0.8, -0.1, 0.42, 0, 0, HALF_PI), greenCube.pose(), "degrees=\"true\" is converted");
    assertEquals(new ObjectTag("cube", "green", Optional.empty(), true, false), greenCube.tag().orElseThrow());

    Model blueBin = s.model("blue_bin").orElseThrow();
    assertFalse(blueBin.isStatic());
    Visual binFloor = blueBin.links().get(0).visuals().get(0);
    assertEquals(new Visual("floor", new Pose3(0, 0, 0.005, 0, 0, 0), new Geometry.Box(0.2, 0.2, 0.01), Rgba.GREY),
        binFloor, "no <material> is grey");
    assertTrue(blueBin.links().get(0).collisions().isEmpty());
    assertEquals(new ObjectTag("bin", "blue", Optional.empty(), false, true), blueBin.tag().orElseThrow());

    Model ball = s.model("yellow_ball").orElseThrow();
    assertEquals(new Geometry.Sphere(0.03), ball.links().get(0).visuals().get(0).geometry());
    assertEquals(new Rgba(1, 1, 0, 0.5), ball.links().get(0).visuals().get(0).diffuse());
    assertEquals(new Geometry.Sphere(0.03), ball.links().get(0).collisions().get(0).geometry());
    assertEquals(new ObjectTag("ball", "yellow", Optional.empty(), true, false), ball.tag().orElseThrow());

    Model can = s.model("orange_can").orElseThrow();
    assertEquals(new Geometry.Cylinder(0.033, 0.12), can.links().get(0).visuals().get(0).geometry());
    assertEquals(new Rgba(1, 0.5, 0, 1), can.links().get(0).visuals().get(0).diffuse());
    assertEquals(new ObjectTag("can", "orange", Optional.of("large"), true, false), can.tag().orElseThrow());

    Model wall = s.model("wall").orElseThrow();
    assertTrue(wall.isStatic());
    assertEquals(Optional.empty(), wall.tag(), "a model without <vla:object> is scenery");
    assertEquals(new Pose3(0, 2.5, 1.0, 0, 0, 0), wall.pose());
  }

  @Test
  void fullCoverageJoints() throws Exception {
    Scenario s = ScenarioLoader.load(scenario("valid/full_coverage.sdf"));

    Model drawerUnit = s.model("drawer_unit").orElseThrow();
    assertEquals(List.of("body", "drawer"), drawerUnit.links().stream().map(Link::name).toList());
    assertEquals(new Pose3(0, 0, 0.5, 0, 0, 1.5707963267948966), drawerUnit.links().get(1).pose());
    assertEquals(new ObjectTag("drawer", "black", Optional.empty(), false, false), drawerUnit.tag().orElseThrow());
    Joint fixed = drawerUnit.joints().get(0);
    assertEquals("base_fixed", fixed.name());
    assertEquals(Joint.Type.FIXED, fixed.type());
    assertEquals("world", fixed.parent());
    assertEquals("body", fixed.child());
    Joint slide = drawerUnit.joints().get(1);
    assertEquals("slide", slide.name());
    assertEquals(Joint.Type.PRISMATIC, slide.type());
    assertEquals("body", slide.parent());
    assertEquals("drawer", slide.child());
    // <xyz>0 2 0</xyz> is in the joint frame, which is the drawer link's frame (yawed by pi/2 in the model):
    // normalised to 0 1 0, then turned into the model frame as -1 0 0.
    assertArrayEquals(new double[] {-1, 0, 0}, new double[] {slide.ax(), slide.ay(), slide.az()}, EPS);
    assertEquals(0, slide.lower());
    assertEquals(0.35, slide.upper());
    assertEquals(0, slide.initialPosition(), "initial position defaults to 0");

    Model door = s.model("purple_door").orElseThrow();
    Joint hinge = door.joints().get(0);
    assertEquals(Joint.Type.REVOLUTE, hinge.type());
    assertArrayEquals(new double[] {0, 0, 1}, new double[] {hinge.ax(), hinge.ay(), hinge.az()}, EPS);
    assertEquals(-1.57, hinge.lower());
    assertEquals(0, hinge.upper());
    Joint latch = door.joints().get(1);
    assertEquals("latch", latch.name());
    assertEquals(Joint.Type.OTHER, latch.type(), "ball joints are neither prismatic, revolute nor fixed");
    assertArrayEquals(new double[] {0, 0, 1}, new double[] {latch.ax(), latch.ay(), latch.az()}, EPS);
    assertEquals(-1e16, latch.lower(), "SDF's default: no limit");
    assertEquals(1e16, latch.upper());
  }

  @Test
  void fullCoverageRegionsRobotSaysAndEvents() throws Exception {
    Path file = scenario("valid/full_coverage.sdf");
    Scenario s = ScenarioLoader.load(file);

    assertEquals(List.of(new Region("kitchen", 3.0, 1.5, 2.0, 2.5), new Region("doorway", -1, -0.5, 1, 0.8)),
        s.regions());
    assertEquals(Pose3.xyzYaw(0.5, -0.25, 0, 1.5707963267948966), s.robotStart());

    Task task = s.task();
    assertEquals(90, task.timeoutSeconds());
    assertEquals(List.of(
        new Say(0, new Trigger.At(0.0), "put the red cube in the blue bin", lineOf(file, "put the red cube")),
        new Say(1, new Trigger.After(Trigger.Kind.SKILL_STARTED, "pick"), "no, the green one",
            lineOf(file, "skill_started:pick")),
        new Say(2, new Trigger.After(Trigger.Kind.SKILL_ENDED, "place_in"), "now open the drawer",
            lineOf(file, "skill_ended:place_in")),
        new Say(3, new Trigger.After(Trigger.Kind.EVENT, "0"), "stop", lineOf(file, ">stop<")),
        new Say(4, new Trigger.After(Trigger.Kind.SAY, "0"), "and then go to the kitchen",
            lineOf(file, "and then go to the kitchen"))),
        task.says());

    assertEquals(List.of(
        new Event.MoveObject(0, new Trigger.At(6.0), lineOf(file, "move_object"), "green_cube", 0.9, -0.2, 0.42),
        new Event.RemoveObject(1, new Trigger.After(Trigger.Kind.SAY, "1"), lineOf(file, "remove_object"),
            "yellow_ball"),
        new Event.CameraDropout(2, new Trigger.At(8.5), lineOf(file, "camera_dropout"), 1.0),
        new Event.AudioNoise(3, new Trigger.After(Trigger.Kind.SKILL_STARTED, "navigate_to"),
            lineOf(file, "audio_noise"), -5, 2.5),
        new Event.PushRobot(4, new Trigger.After(Trigger.Kind.EVENT, "2"), lineOf(file, "type=\"push_robot\""), 0.1,
            -0.05, 0.2)),
        task.events());
    assertEquals(lineOf(file, "type=\"push_robot\"") + 1, lineOf(file, "offset=\"0.1 -0.05 0.2\""),
        "the push_robot start tag spans two lines; its line is the one with '<'");
  }

  @Test
  void fullCoveragePredicates() throws Exception {
    Path file = scenario("valid/full_coverage.sdf");
    List<Predicate> expect = ScenarioLoader.load(file).task().expect();

    assertEquals(16, expect.size());
    assertEquals(new Predicate.In("green_cube", "blue_bin", lineOf(file, "<vla:in ")), expect.get(0));
    assertEquals(new Predicate.On("orange_can", "table", lineOf(file, "<vla:on ")), expect.get(1));
    assertEquals(new Predicate.Holding("red_cube", lineOf(file, "<vla:holding ")), expect.get(2));
    assertEquals(new Predicate.NotHolding(lineOf(file, "<vla:not_holding")), expect.get(3));

    Predicate.Near nearModel = assertInstanceOf(Predicate.Near.class, expect.get(4));
    assertEquals("red_cube", nearModel.object());
    assertEquals(Optional.of("blue_bin"), nearModel.targetName());
    assertTrue(nearModel.targetXy().isEmpty());
    assertEquals(0.15, nearModel.within());
    assertEquals(lineOf(file, "target=\"blue_bin\""), nearModel.line());

    Predicate.Near nearPoint = assertInstanceOf(Predicate.Near.class, expect.get(5));
    assertEquals("robot", nearPoint.object());
    assertTrue(nearPoint.targetName().isEmpty());
    assertArrayEquals(new double[] {3.0, 1.5}, nearPoint.targetXy().orElseThrow());
    assertEquals(0.5, nearPoint.within());
    assertEquals(lineOf(file, "target=\"3.0 1.5\""), nearPoint.line());

    assertEquals(new Predicate.InRegion("robot", "kitchen", lineOf(file, "region=\"kitchen\"")), expect.get(6));
    assertEquals(new Predicate.InRegion("orange_can", "doorway", lineOf(file, "region=\"doorway\"")), expect.get(7));
    assertEquals(new Predicate.Untouched("red_cube", lineOf(file, "<vla:untouched ")), expect.get(8));
    assertEquals(new Predicate.StoppedWithin(1.5, Trigger.Kind.SAY, 3, lineOf(file, "after=\"say:3\"")),
        expect.get(9));
    assertEquals(new Predicate.StoppedWithin(0, Trigger.Kind.EVENT, 4, lineOf(file, "after=\"event:4\"")),
        expect.get(10));
    assertEquals(new Predicate.NoMotion(lineOf(file, "<vla:no_motion")), expect.get(11));
    assertEquals(new Predicate.Asked(lineOf(file, "<vla:asked")), expect.get(12));
    assertEquals(new Predicate.Opened("drawer_unit", lineOf(file, "<vla:opened ")), expect.get(13));
    assertEquals(new Predicate.Closed("drawer_unit", lineOf(file, "<vla:closed ")), expect.get(14));
    assertEquals(new Predicate.NoCollision(lineOf(file, "<vla:no_collision")), expect.get(15));
  }

  @Test
  void theFormatExampleLoads() throws Exception {
    Scenario s = ScenarioLoader.load(scenario("valid/sort_two_cubes.sdf"));

    assertEquals("sort_two_cubes", s.name());
    assertEquals(Pose3.IDENTITY, s.robotStart());
    assertEquals(List.of(new Region("kitchen", 3.0, 1.5, 2.0, 2.0)), s.regions());
    assertEquals(60, s.task().timeoutSeconds());
    assertEquals(List.of("put the red cube in the blue bin", "no, the green one"),
        s.task().says().stream().map(Say::text).toList());
    assertEquals(new Trigger.At(4.0), s.task().says().get(1).trigger());
    assertEquals(2, s.task().events().size());
    assertInstanceOf(Event.MoveObject.class, s.task().events().get(0));
    assertInstanceOf(Event.CameraDropout.class, s.task().events().get(1));
    assertEquals(List.of(Predicate.In.class, Predicate.Untouched.class),
        s.task().expect().stream().map(Object::getClass).toList());
  }

  @Test
  void anyPrefixMayBindTheTaskNamespace() throws Exception {
    Path file = scenario("loader-only/custom_prefix.sdf");
    Scenario s = ScenarioLoader.load(file);

    assertEquals(new ObjectTag("ball", "red", Optional.empty(), true, false), s.model("ball").orElseThrow().tag()
        .orElseThrow());
    assertEquals(10, s.task().timeoutSeconds());
    assertTrue(s.task().says().isEmpty(), "a task may have no <vla:say>");
    assertEquals(List.of(new Predicate.NoMotion(lineOf(file, "<task:no_motion/>"))), s.task().expect());
  }

  @Test
  void readsTheInitialPositionOfADrawer() throws Exception {
    Path file = scenario("loader-only/drawer_initial_position.sdf");
    Scenario s = ScenarioLoader.load(file);

    Joint slide = s.model("cabinet").orElseThrow().joints().get(0);
    assertEquals(0.15, slide.initialPosition());
    assertEquals(0, slide.lower());
    assertEquals(0.3, slide.upper());
    assertArrayEquals(new double[] {1, 0, 0}, new double[] {slide.ax(), slide.ay(), slide.az()}, EPS);
    assertEquals(List.of(new Predicate.Closed("cabinet", lineOf(file, "<vla:closed"))), s.task().expect());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.6", "1.7", "1.8", "1.9", "1.10", "1.11"})
  void acceptsSdfVersions(String version, @TempDir Path dir) throws Exception {
    Path file = copyWithVersion(dir, version);
    assertEquals("sort_two_cubes", ScenarioLoader.load(file).name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1.12", "2.0", "1.9.0", ""})
  void rejectsOtherSdfVersions(String version, @TempDir Path dir) throws Exception {
    Path file = copyWithVersion(dir, version);
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    assertTrue(e.getMessage().startsWith("v.sdf:3: unsupported SDF version '" + version + "'"), e.getMessage());
  }

  @Test
  void loadAllReadsSubdirectoriesSortedByPath(@TempDir Path dir) throws Exception {
    Path example = scenario("valid/sort_two_cubes.sdf");
    Path full = scenario("valid/full_coverage.sdf");
    Files.createDirectories(dir.resolve("b/nested"));
    Files.copy(full, dir.resolve("b/nested/one.sdf"));
    Files.copy(example, dir.resolve("b/a.sdf"));
    Files.copy(full, dir.resolve("c.sdf"));
    Files.writeString(dir.resolve("notes.txt"), "not a scenario");

    List<Scenario> all = ScenarioLoader.loadAll(dir);

    assertEquals(List.of(dir.resolve("b/a.sdf"), dir.resolve("b/nested/one.sdf"), dir.resolve("c.sdf")),
        all.stream().map(Scenario::source).toList());
    assertEquals(List.of("sort_two_cubes", "full_coverage", "full_coverage"),
        all.stream().map(Scenario::name).toList());
  }

  @Test
  void loadAllLoadsTheValidTestScenarios() throws Exception {
    Path dir = scenario("valid");
    assertEquals(List.of("full_coverage", "sort_two_cubes"),
        ScenarioLoader.loadAll(dir).stream().map(Scenario::name).toList());
  }

  @Test
  void loadAllRejectsADirectoryWithoutScenarios(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("readme.txt"), "nothing here");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.loadAll(dir));
    assertTrue(e.getMessage().contains("no *.sdf scenario files"), e.getMessage());
  }

  @Test
  void loadAllStopsAtTheFirstBadFile(@TempDir Path dir) throws Exception {
    Files.copy(scenario("valid/sort_two_cubes.sdf"), dir.resolve("a.sdf"));
    Files.copy(ScenarioLoaderErrorTest.invalidScenario("nan.sdf"), dir.resolve("b.sdf"));
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.loadAll(dir));
    assertEquals(dir.resolve("b.sdf"), e.file());
    assertTrue(e.getMessage().startsWith("b.sdf:13: "), e.getMessage());
  }

  @Test
  void loadAllRejectsAFile() throws Exception {
    Path file = scenario("valid/sort_two_cubes.sdf");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.loadAll(file));
    assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
  }

  @Test
  void aMissingFileIsAScenarioException(@TempDir Path dir) {
    Path file = dir.resolve("missing.sdf");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    assertTrue(e.getMessage().startsWith("missing.sdf: cannot read scenario file"), e.getMessage());
    assertEquals(0, e.line());
  }

  @Test
  void anEmptyFileIsNotWellFormed(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("empty.sdf"), "");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    assertTrue(e.getMessage().startsWith("empty.sdf:1: not well-formed XML"), e.getMessage());
  }

  private static Path copyWithVersion(Path dir, String version) throws Exception {
    String text = Files.readString(scenario("valid/sort_two_cubes.sdf"), StandardCharsets.UTF_8);
    Path file = dir.resolve("v.sdf");
    Files.writeString(file, text.replace("<sdf version=\"1.9\"", "<sdf version=\"" + version + "\""));
    return file;
  }

  private static void assertPose(Pose3 expected, Pose3 actual, String message) {
    assertArrayEquals(
        new double[] {expected.x(), expected.y(), expected.z(), expected.roll(), expected.pitch(), expected.yaw()},
        new double[] {actual.x(), actual.y(), actual.z(), actual.roll(), actual.pitch(), actual.yaw()}, EPS, message);
  }

  /** The 1-based number of the first line of {@code file} that contains {@code text}. */
  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line of " + file + " contains " + text);
  }

  static Path scenario(String relativePath) throws URISyntaxException {
    return Path.of(ScenarioLoaderTest.class.getResource("/scenarios/" + relativePath).toURI());
  }
}
