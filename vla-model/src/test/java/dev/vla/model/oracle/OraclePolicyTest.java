package dev.vla.model.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Pixel;
import dev.vla.affordances.Point3;
import dev.vla.affordances.Pose2D;
import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.RobotState;
import dev.vla.affordances.SkillRegistry;
import dev.vla.affordances.SkillStatus.State;
import dev.vla.affordances.skills.Skills;
import dev.vla.model.Decision;
import dev.vla.model.HistoryStep;
import dev.vla.model.Observation;
import dev.vla.model.Policies;
import dev.vla.model.Rigid;
import dev.vla.model.TestScenes;
import dev.vla.model.baseline.KeywordPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The oracle's plan on hand-made ground truth; no simulator. */
class OraclePolicyTest {
  static final SkillRegistry REGISTRY = Skills.standardRegistry();
  static final Pixel CUBE_PX = new Pixel(30, 40);
  static final Pixel BIN_PX = new Pixel(50, 20);

  /** Ground truth as the evaluation harness would hand it over. */
  record Scene(List<TruthObject> objects, Optional<String> held, List<Goal> goals) implements SceneTruth {}

  /** A visible object at (x, 0) straight ahead of a robot at the origin. */
  static TruthObject visible(String name, String category, String color, double x, Pixel pixel) {
    return new TruthObject(name, category, color, Optional.empty(), category.equals("cube") || category.equals("ball"),
        List.of("bin", "tray", "basket", "box").contains(category), category.equals("drawer"), x, 0, x,
        Optional.of(pixel), false, Optional.of(pixel), 0, 400, category.equals("drawer") ? 0.0 : Double.NaN);
  }

  static TruthObject hidden(String name, String category, String color, double distance, double bearing) {
    return new TruthObject(name, category, color, Optional.empty(), true, false, false,
        distance * Math.cos(bearing), distance * Math.sin(bearing), distance, Optional.empty(), false, Optional.empty(),
        bearing, 0, Double.NaN);
  }

  static TruthObject withGlimpse(TruthObject o, Pixel glimpse) {
    return new TruthObject(o.name(), o.category(), o.color(), o.size(), o.graspable(), o.container(), o.drawer(), o.odomX(),
        o.odomY(), o.distance(), o.targetPixel(), o.approachFirst(), Optional.of(glimpse), o.bearing(), 30, o.drawerOpening());
  }

  static TruthObject approachFirst(TruthObject o) {
    return new TruthObject(o.name(), o.category(), o.color(), o.size(), o.graspable(), o.container(), o.drawer(), o.odomX(),
        o.odomY(), o.distance(), o.targetPixel(), true, o.glimpse(), o.bearing(), o.visiblePixels(), o.drawerOpening());
  }

  static TruthObject at(TruthObject o, double x, double y, double distance) {
    return new TruthObject(o.name(), o.category(), o.color(), o.size(), o.graspable(), o.container(), o.drawer(), x, y,
        distance, o.targetPixel(), o.approachFirst(), o.glimpse(), o.bearing(), o.visiblePixels(), o.drawerOpening());
  }

  static TruthObject sized(TruthObject o, String size) {
    return new TruthObject(o.name(), o.category(), o.color(), Optional.of(size), o.graspable(), o.container(), o.drawer(),
        o.odomX(), o.odomY(), o.distance(), o.targetPixel(), o.approachFirst(), o.glimpse(), o.bearing(), o.visiblePixels(),
        o.drawerOpening());
  }

  static final TruthObject RED_CUBE = visible("red_cube", "cube", "red", 1.0, CUBE_PX);
  static final TruthObject BLUE_BIN = visible("blue_bin", "bin", "blue", 1.2, BIN_PX);

  static Observation obs(Pose2D base, String instruction, List<HistoryStep> history) {
    RobotGeometry g = RobotGeometry.standard();
    RobotState robot = new RobotState(0, base, 0, 0, g.armHome(), g.gripperMaxWidth(), 0, 0, 0, g.headDefaultTilt());
    return new Observation(0, new byte[TestScenes.K.width() * TestScenes.K.height() * 3],
        TestScenes.constantDepth(TestScenes.K, 2f), TestScenes.K, Rigid.identity(), robot, instruction, 7, history, Map.of());
  }

  static Observation obs() {
    return obs(Pose2D.ORIGIN, "", List.of());
  }

  static Decision decide(Scene scene, Observation o) {
    Decision d = new OraclePolicy(() -> scene).decide(o);
    d.call().ifPresent(OraclePolicyTest::assertWellFormedButForTheTargetPoint);
    return d;
  }

  static Decision decide(Scene scene) {
    return decide(scene, obs());
  }

  /**
   * The registry accepts the call, except that the node has yet to give it a target point (lifted from
   * its pixel, or for a navigate without one, its region's centre).
   */
  static void assertWellFormedButForTheTargetPoint(AffordanceCall call) {
    List<String> problems = REGISTRY.validate(call);
    List<String> others = problems.stream().filter(p -> !p.contains("needs a target point")).toList();
    assertEquals(List.of(), others, "problems with " + call);
    boolean needsPoint = REGISTRY.get(call.skill()).needsTargetPoint() && call.targetPoint().isEmpty();
    assertEquals(needsPoint ? 1 : 0, problems.size(), "target point problem for " + call);
    if (needsPoint && call.targetPixel().isEmpty()) {
      // The node lifts a pixel to a point, or looks a navigate's "to" up among the map's regions.
      assertEquals("navigate", call.skill(), "a call needing a target point has no pixel either: " + call);
    }
  }

  static AffordanceCall call(Decision d) {
    return d.call().orElseThrow(() -> new AssertionError("no call: " + d.explanation()));
  }

  static void assertCall(String skill, Map<String, String> args, Pixel pixel, Decision d) {
    AffordanceCall c = call(d);
    assertEquals(skill, c.skill(), d.explanation());
    assertEquals(args, c.args());
    assertEquals(Optional.ofNullable(pixel), c.targetPixel());
    assertEquals(1.0, c.confidence());
  }

  static HistoryStep step(String skill, State outcome) {
    return new HistoryStep(AffordanceCall.of(skill, Map.of()), outcome, outcome == State.SUCCEEDED ? "" : "slipped");
  }

  // ------------------------------------------------------------------ fetching

  @Test
  void picksAVisibleObjectWithinReach() {
    Scene s = new Scene(List.of(RED_CUBE, BLUE_BIN), Optional.empty(), List.of(new Goal.Holding("red_cube", false)));
    assertCall("pick", Map.of("target", "red cube"), CUBE_PX, decide(s));
  }

  @Test
  void picksAtExactlyManipulationRange() {
    TruthObject cube = visible("red_cube", "cube", "red", OraclePolicy.MANIPULATION_RANGE, CUBE_PX);
    Scene s = new Scene(List.of(cube), Optional.empty(), List.of(new Goal.Holding("red_cube", false)));
    assertEquals("pick", call(decide(s)).skill());
  }

  @Test
  void drivesCloserFirstWhenTheObjectIsFartherThanManipulationRange() {
    TruthObject cube = visible("red_cube", "cube", "red", 1.51, CUBE_PX);
    Scene s = new Scene(List.of(cube, BLUE_BIN), Optional.empty(), List.of(new Goal.In("red_cube", "blue_bin", false)));
    assertCall("navigate", Map.of("to", "red cube"), CUBE_PX, decide(s));
  }

  @Test
  void theDescriptionIncludesTheSize() {
    Scene s = new Scene(List.of(sized(RED_CUBE, "small")), Optional.empty(), List.of(new Goal.Holding("red_cube", false)));
    assertCall("pick", Map.of("target", "small red cube"), CUBE_PX, decide(s));
  }

  @ParameterizedTest(name = "after {0} finds: find {1} {2}")
  @CsvSource({"0, here, near", "1, here, far", "2, left, mid", "3, here, near", "4, left, mid", "15, here, near"})
  void looksForAnObjectNotInViewFollowingTheSearchPlan(int findsBefore, String direction, String range) {
    Scene s = new Scene(List.of(hidden("red_cube", "cube", "red", 2.0, 0.5)), Optional.empty(),
        List.of(new Goal.Holding("red_cube", false)));
    List<HistoryStep> finds = new ArrayList<>(Collections.nCopies(findsBefore, step("find", State.SUCCEEDED)));
    assertCall("find", Map.of("description", "red cube", "direction", direction, "range", range), null,
        decide(s, obs(Pose2D.ORIGIN, "", finds)));
  }

  @Test
  void looksAtAnObjectOnlyGlimpsedThenDrivesUpToItThenSearches() {
    Pixel edge = new Pixel(63, 10);
    TruthObject cube = withGlimpse(hidden("red_cube", "cube", "red", 1.2, -0.6), edge);
    Scene s = new Scene(List.of(cube), Optional.empty(), List.of(new Goal.Holding("red_cube", false)));
    assertCall("look_at", Map.of("target", "red cube"), edge, decide(s));
    Decision afterLook = decide(s, obs(Pose2D.ORIGIN, "", List.of(step("look_at", State.SUCCEEDED))));
    assertCall("navigate", Map.of("to", "red cube", "standoff", "0.6"), edge, afterLook);
    Decision afterDrive = decide(s, obs(Pose2D.ORIGIN, "", List.of(step("look_at", State.SUCCEEDED),
        step("navigate", State.SUCCEEDED))));
    assertCall("find", Map.of("description", "red cube", "direction", "here", "range", "near"), null, afterDrive);
  }

  @Test
  void asksWhenHoldingSomethingElse() {
    TruthObject ball = visible("green_ball", "ball", "green", 0.9, new Pixel(5, 5));
    Scene s = new Scene(List.of(RED_CUBE, ball), Optional.of("green_ball"), List.of(new Goal.Holding("red_cube", false)));
    AffordanceCall c = call(decide(s));
    assertEquals("ask", c.skill());
    assertTrue(c.arg("question").orElseThrow().contains("holding the green ball"), c.toString());
  }

  @Test
  void asksWhenTheGoalNamesAnObjectTheSceneLacks() {
    Scene s = new Scene(List.of(BLUE_BIN), Optional.empty(), List.of(new Goal.Holding("red_cube", false)));
    assertCall("ask", Map.of("question", "I cannot find the red_cube."), null, decide(s));
  }

  // ------------------------------------------------------------------ delivering

  @Test
  void placesTheHeldObjectIntoAVisibleContainer() {
    Scene s = new Scene(List.of(RED_CUBE, BLUE_BIN), Optional.of("red_cube"), List.of(new Goal.In("red_cube", "blue_bin", false)));
    assertCall("place", Map.of("target", "red cube", "into", "blue bin"), BIN_PX, decide(s));
  }

  @Test
  void drivesToAContainerWithStandoffWhenItsFloorIsHiddenFromHere() {
    Scene s = new Scene(List.of(RED_CUBE, approachFirst(BLUE_BIN)), Optional.of("red_cube"),
        List.of(new Goal.In("red_cube", "blue_bin", false)));
    assertCall("navigate", Map.of("to", "blue bin", "standoff", "0.45"), BIN_PX, decide(s));
  }

  @Test
  void drivesToAFarContainerWithoutStandoff() {
    TruthObject bin = visible("blue_bin", "bin", "blue", 2.5, BIN_PX);
    Scene s = new Scene(List.of(RED_CUBE, bin), Optional.of("red_cube"), List.of(new Goal.In("red_cube", "blue_bin", false)));
    assertCall("navigate", Map.of("to", "blue bin"), BIN_PX, decide(s));
  }

  @Test
  void searchesForAContainerOutOfView() {
    Scene s = new Scene(List.of(RED_CUBE, hidden("blue_bin", "bin", "blue", 3.0, -1.0)), Optional.of("red_cube"),
        List.of(new Goal.In("red_cube", "blue_bin", false)));
    assertCall("find", Map.of("description", "blue bin", "direction", "here", "range", "near"), null, decide(s));
  }

  @Test
  void fetchesTheObjectBeforeDelivering() {
    Scene s = new Scene(List.of(RED_CUBE, BLUE_BIN), Optional.empty(), List.of(new Goal.In("red_cube", "blue_bin", false)));
    assertCall("pick", Map.of("target", "red cube"), CUBE_PX, decide(s));
  }

  @Test
  void placesOnASurfaceForAnOnGoal() {
    Pixel tablePx = new Pixel(32, 12);
    TruthObject table = visible("black_table", "table", "black", 1.1, tablePx);
    Scene s = new Scene(List.of(RED_CUBE, table), Optional.of("red_cube"), List.of(new Goal.On("red_cube", "black_table", false)));
    assertCall("place", Map.of("target", "red cube", "on", "black table"), tablePx, decide(s));
  }

  // ------------------------------------------------------------------ drawers

  @Test
  void opensAndClosesDrawersWithinReach() {
    Pixel handle = new Pixel(20, 30);
    TruthObject drawer = visible("white_drawer", "drawer", "white", 0.9, handle);
    assertCall("open", Map.of("target", "white drawer"), handle,
        decide(new Scene(List.of(drawer), Optional.empty(), List.of(new Goal.Opened("white_drawer", false)))));
    assertCall("close", Map.of("target", "white drawer"), handle,
        decide(new Scene(List.of(drawer), Optional.empty(), List.of(new Goal.Closed("white_drawer", false)))));
  }

  @Test
  void drivesToAFarDrawerFirst() {
    Pixel handle = new Pixel(20, 30);
    TruthObject drawer = visible("white_drawer", "drawer", "white", 2.0, handle);
    assertCall("navigate", Map.of("to", "white drawer"), handle,
        decide(new Scene(List.of(drawer), Optional.empty(), List.of(new Goal.Opened("white_drawer", false)))));
  }

  // ------------------------------------------------------------------ pushing

  @ParameterizedTest(name = "object at ({0},{1}), goal at ({2},{3}): push {4} {5}")
  @CsvSource({
      // robot at the origin, object straight ahead
      "1.0, 0.0, 1.0, 0.3, left, 0.30",
      "1.0, 0.0, 1.0, -0.1, right, 0.10",
      "1.0, 0.0, 1.3, 0.05, forward, 0.30",
      "1.0, 0.0, 0.8, 0.0, backward, 0.20",
      "1.0, 0.0, 1.0, 1.0, left, 0.40",
      "1.0, 0.0, 1.0, 0.005, left, 0.02",
      "1.0, 0.0, 1.0, -2.0, right, 0.40",
      "1.0, 0.0, 1.2, 0.2, left, 0.20",
      // object to the robot's left: directions are relative to the line from the robot to the object
      "0.0, 1.0, -0.25, 1.0, left, 0.25",
      "0.0, 1.0, 0.25, 1.0, right, 0.25",
      "0.0, 1.0, 0.0, 1.35, forward, 0.35"})
  void pushesTowardTheGoalPointRelativeToTheLineFromTheRobot(double ox, double oy, double gx, double gy, String direction,
      String distance) {
    Pixel px = new Pixel(12, 34);
    TruthObject ball = at(visible("yellow_ball", "ball", "yellow", 1.0, px), ox, oy, Math.hypot(ox, oy));
    Scene s = new Scene(List.of(ball), Optional.empty(), List.of(new Goal.ObjectNear("yellow_ball", gx, gy, 0.1, false)));
    assertCall("push", Map.of("target", "yellow ball", "direction", direction, "distance", distance), px, decide(s));
  }

  @Test
  void pushDirectionUsesTheRobotsPositionNotTheOrigin() {
    Pixel px = new Pixel(12, 34);
    // Robot at (2, 2) facing anywhere; object at (2, 3): "forward" is +y, "left" is -x.
    TruthObject ball = at(visible("yellow_ball", "ball", "yellow", 1.0, px), 2, 3, 1.0);
    Scene s = new Scene(List.of(ball), Optional.empty(), List.of(new Goal.ObjectNear("yellow_ball", 1.85, 3.0, 0.1, false)));
    Decision d = decide(s, obs(new Pose2D(2, 2, -2.0), "", List.of()));
    assertCall("push", Map.of("target", "yellow ball", "direction", "left", "distance", "0.15"), px, d);
  }

  @Test
  void drivesCloserBeforePushingAFarObject() {
    Pixel px = new Pixel(12, 34);
    TruthObject ball = visible("yellow_ball", "ball", "yellow", 2.0, px);
    Scene s = new Scene(List.of(ball), Optional.empty(), List.of(new Goal.ObjectNear("yellow_ball", 2, 1, 0.1, false)));
    assertCall("navigate", Map.of("to", "yellow ball"), px, decide(s));
  }

  // ------------------------------------------------------------------ going places

  @Test
  void drivesToAVisibleTargetWithAStandoffFromTheGoalsTolerance() {
    Pixel px = new Pixel(40, 10);
    TruthObject table = visible("blue_table", "table", "blue", 3.0, px);
    assertCall("navigate", Map.of("to", "blue table", "standoff", "0.48"), px,
        decide(new Scene(List.of(table), Optional.empty(), List.of(new Goal.RobotNear("blue_table", 0.8, false)))));
    assertCall("navigate", Map.of("to", "blue table", "standoff", "0.55"), px,
        decide(new Scene(List.of(table), Optional.empty(), List.of(new Goal.RobotNear("blue_table", 2.0, false)))));
    assertCall("navigate", Map.of("to", "blue table", "standoff", "0.35"), px,
        decide(new Scene(List.of(table), Optional.empty(), List.of(new Goal.RobotNear("blue_table", 0.2, false)))));
  }

  @Test
  void drivesToARegionByName() {
    Decision d = decide(new Scene(List.of(), Optional.empty(), List.of(new Goal.RobotInRegion("kitchen", false))));
    assertCall("navigate", Map.of("to", "kitchen"), null, d);
  }

  @Test
  void drivesToAPointWithTheTargetPointFilledIn() {
    Decision d = decide(new Scene(List.of(), Optional.empty(), List.of(new Goal.RobotNearPoint(1.5, -2.25, 0.3, false))));
    AffordanceCall c = call(d);
    assertEquals("navigate", c.skill());
    assertEquals(Map.of("to", "1.50 -2.25"), c.args());
    assertEquals(Optional.of(new Point3("odom", 1.5, -2.25, 0)), c.targetPoint());
    assertEquals(List.of(), REGISTRY.validate(c));
  }

  // ------------------------------------------------------------------ asking, finishing

  @Test
  void asksForAskAndRefuseGoals() {
    assertCall("ask", Map.of("question", "Which cube do you mean?"), null,
        decide(new Scene(List.of(RED_CUBE), Optional.empty(), List.of(new Goal.Ask("Which cube do you mean?", false)))));
    assertCall("ask", Map.of("question", "I can't throw things at windows."), null,
        decide(new Scene(List.of(RED_CUBE), Optional.empty(), List.of(new Goal.Refuse("I can't throw things at windows.", false)))));
  }

  @Test
  void reportsDoneWhenEveryGoalHolds() {
    Scene s = new Scene(List.of(RED_CUBE, BLUE_BIN), Optional.empty(),
        List.of(new Goal.In("red_cube", "blue_bin", true), new Goal.NotHolding(true)));
    assertCall("done", Map.of(), null, decide(s));
  }

  @Test
  void worksOnTheFirstGoalThatDoesNotHold() {
    Pixel handle = new Pixel(20, 30);
    TruthObject drawer = visible("white_drawer", "drawer", "white", 0.9, handle);
    Scene s = new Scene(List.of(RED_CUBE, BLUE_BIN, drawer), Optional.empty(),
        List.of(new Goal.In("red_cube", "blue_bin", true), new Goal.Closed("white_drawer", false)));
    assertEquals("close", call(decide(s)).skill());
  }

  @Test
  void idlesWithNoGoals() {
    Decision d = decide(new Scene(List.of(RED_CUBE), Optional.empty(), List.of()));
    assertTrue(d.call().isEmpty());
    assertFalse(d.explanation().isBlank());
  }

  @Test
  void asksWhereToPutSomethingHeldWhenTheGoalIsAnEmptyGripper() {
    AffordanceCall c = call(decide(new Scene(List.of(RED_CUBE), Optional.of("red_cube"), List.of(new Goal.NotHolding(false)))));
    assertEquals("ask", c.skill());
    assertEquals("Where should I put the red cube?", c.arg("question").orElseThrow());
  }

  // ------------------------------------------------------------------ giving up

  @Test
  void asksAfterThreeFailuresInARow() {
    Scene s = new Scene(List.of(RED_CUBE), Optional.empty(), List.of(new Goal.Holding("red_cube", false)));
    List<HistoryStep> h = List.of(step("pick", State.FAILED), step("pick", State.REJECTED), step("pick", State.FAILED));
    AffordanceCall c = call(decide(s, obs(Pose2D.ORIGIN, "", h)));
    assertEquals("ask", c.skill());
    assertTrue(c.arg("question").orElseThrow().contains("I keep failing at pick (slipped)"), c.toString());
  }

  @Test
  void cancelledCallsNeitherCountNorResetTheFailures() {
    Scene s = new Scene(List.of(RED_CUBE), Optional.empty(), List.of(new Goal.Holding("red_cube", false)));
    List<HistoryStep> h = List.of(step("pick", State.FAILED), step("pick", State.CANCELLED), step("pick", State.FAILED),
        step("pick", State.FAILED));
    assertEquals("ask", call(decide(s, obs(Pose2D.ORIGIN, "", h))).skill());
  }

  @Test
  void aSuccessResetsTheFailureCount() {
    Scene s = new Scene(List.of(RED_CUBE), Optional.empty(), List.of(new Goal.Holding("red_cube", false)));
    List<HistoryStep> h = List.of(step("pick", State.FAILED), step("pick", State.FAILED), step("navigate", State.SUCCEEDED),
        step("pick", State.FAILED), step("pick", State.FAILED));
    assertEquals("pick", call(decide(s, obs(Pose2D.ORIGIN, "", h))).skill());
  }

  @Test
  void asksWhenTheSearchPlanIsSpent() {
    Scene s = new Scene(List.of(hidden("red_cube", "cube", "red", 2.0, 0.3)), Optional.empty(),
        List.of(new Goal.Holding("red_cube", false)));
    List<HistoryStep> six = new ArrayList<>(Collections.nCopies(dev.vla.model.SearchPlan.VIEWS - 1, step("find", State.SUCCEEDED)));
    assertEquals("find", call(decide(s, obs(Pose2D.ORIGIN, "", six))).skill());
    List<HistoryStep> seven = new ArrayList<>(six);
    seven.add(step("find", State.SUCCEEDED));
    AffordanceCall c = call(decide(s, obs(Pose2D.ORIGIN, "", seven)));
    assertEquals("ask", c.skill());
    assertEquals("I looked all around and cannot find the red cube.", c.arg("question").orElseThrow());
    // Only finds in a row count: one other call in between starts the count again.
    List<HistoryStep> broken = new ArrayList<>(seven);
    broken.add(3, step("look_at", State.SUCCEEDED));
    assertEquals("find", call(decide(s, obs(Pose2D.ORIGIN, "", broken))).skill());
  }

  // ------------------------------------------------------------------ goals from the words

  @Test
  void withOnlyBehaviouralGoalsItDoesWhatTheInstructionAsks() {
    TruthObject green = visible("green_cube", "cube", "green", 0.8, new Pixel(3, 3));
    Scene s = new Scene(List.of(RED_CUBE, green, BLUE_BIN), Optional.empty(), List.of(new Goal.NotHolding(true)));
    Decision d = decide(s, obs(Pose2D.ORIGIN, "put the red cube in the blue bin", List.of()));
    assertCall("pick", Map.of("target", "red cube"), CUBE_PX, d);
    // and once it holds the cube, delivers it
    Scene holding = new Scene(s.objects(), Optional.of("red_cube"), s.goals());
    assertCall("place", Map.of("target", "red cube", "into", "blue bin"), BIN_PX,
        decide(holding, obs(Pose2D.ORIGIN, "put the red cube in the blue bin", List.of())));
  }

  @Test
  void instructionGoalsFollowCorrections() {
    TruthObject green = visible("green_cube", "cube", "green", 0.8, new Pixel(3, 3));
    Scene s = new Scene(List.of(RED_CUBE, green, BLUE_BIN), Optional.empty(), List.of(new Goal.NotHolding(true)));
    Decision d = decide(s, obs(Pose2D.ORIGIN, "put the red cube in the blue bin. no, the green one", List.of()));
    assertCall("pick", Map.of("target", "green cube"), new Pixel(3, 3), d);
  }

  @Test
  void anInstructionThatGroundsToNothingLeavesTheBehaviouralGoalsAlone() {
    TruthObject other = visible("red_cube_2", "cube", "red", 0.7, new Pixel(8, 8));
    // Two red cubes: "the red cube" is ambiguous, so no goal comes from the words and the still robot is done.
    Scene s = new Scene(List.of(RED_CUBE, other, BLUE_BIN), Optional.empty(), List.of(new Goal.NotHolding(true)));
    assertCall("done", Map.of(), null, decide(s, obs(Pose2D.ORIGIN, "put the red cube in the blue bin", List.of())));
  }

  @Test
  void groundingUsesColourCategorySizeAndExclusions() {
    TruthObject smallRed = sized(visible("small_red_cube", "cube", "red", 1, CUBE_PX), "small");
    TruthObject largeRed = sized(visible("large_red_cube", "cube", "red", 1, CUBE_PX), "large");
    TruthObject blueBall = visible("blue_ball", "ball", "blue", 1, CUBE_PX);
    Scene s = new Scene(List.of(smallRed, largeRed, blueBall, BLUE_BIN), Optional.empty(), List.of());
    assertEquals(List.of(new Goal.Holding("small_red_cube", false)), InstructionGoals.from("pick up the small red cube", s));
    assertEquals(List.of(new Goal.Holding("blue_ball", false)), InstructionGoals.from("pick up the ball that is not red", s));
    assertEquals(List.of(), InstructionGoals.from("pick up the red cube", s), "two red cubes: ambiguous");
    assertEquals(List.of(new Goal.In("blue_ball", "blue_bin", false)), InstructionGoals.from("put the ball in the bin", s));
    assertEquals(List.of(), InstructionGoals.from("sing a song", s));
  }

  // ------------------------------------------------------------------ the policy contract

  @Test
  void isTheOracleAndSaysItReadsGroundTruth() {
    OraclePolicy p = new OraclePolicy(() -> new Scene(List.of(), Optional.empty(), List.of()));
    assertEquals("oracle", p.name());
    assertTrue(p.readsGroundTruth());
    Assertions.assertInstanceOf(OraclePolicy.class, Policies.create("oracle", () -> null));
    Assertions.assertInstanceOf(KeywordPolicy.class, Policies.create("keyword", () -> null));
    assertFalse(Policies.create("keyword", () -> null).readsGroundTruth());
    IllegalArgumentException e = Assertions.assertThrows(IllegalArgumentException.class, () -> Policies.create("vla9", () -> null));
    assertTrue(e.getMessage().contains("vla9") && e.getMessage().contains(Policies.NAMES.toString()), e.getMessage());
  }
}
