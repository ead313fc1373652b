package dev.vla.model.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Pixel;
import dev.vla.affordances.Point3;
import dev.vla.affordances.SkillStatus.State;
import dev.vla.affordances.skills.Skills;
import dev.vla.model.Decision;
import dev.vla.model.HistoryStep;
import dev.vla.model.Observation;
import dev.vla.model.TargetLifter;
import dev.vla.model.baseline.ColorBlobs.Blob;
import dev.vla.model.language.Command;
import dev.vla.model.language.RuleParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordPolicyTest {
  static final KeywordPolicy POLICY = new KeywordPolicy();

  static HistoryStep ok(String skill, Map<String, String> args) {
    return new HistoryStep(AffordanceCall.of(skill, args), State.SUCCEEDED, "");
  }

  static HistoryStep ok(String skill) {
    return ok(skill, Map.of());
  }

  static HistoryStep failed(String skill) {
    return new HistoryStep(AffordanceCall.of(skill, Map.of()), State.FAILED, "slipped");
  }

  static int completed(String instruction, HistoryStep... history) {
    return KeywordPolicy.completedSteps(RuleParser.parse(instruction), List.of(history));
  }

  // ------------------------------------------------------------------ progress through steps

  @Test
  void progressThroughAPutThenGo() {
    String put = "put the yellow cube in the purple bin and then go to the kitchen";
    assertEquals(0, completed(put));
    assertEquals(0, completed(put, ok("find"), ok("navigate", Map.of("to", "yellow cube")), ok("pick")));
    assertEquals(1, completed(put, ok("pick"), ok("place")));
    assertEquals(1, completed(put, ok("pick"), ok("place"), ok("navigate", Map.of("to", "purple bin"))));
    assertEquals(1, completed(put, ok("pick"), ok("place"), ok("navigate", Map.of("to", "kitchen", "standoff", "0.5"))));
    assertEquals(2, completed(put, ok("pick"), ok("place"), ok("navigate", Map.of("to", "kitchen"))));
    assertEquals(2, completed(put, ok("pick"), ok("place"), ok("navigate", Map.of("to", "kitchen")), ok("place")));
  }

  @Test
  void onlySucceededCallsCount() {
    String put = "put the red cube in the blue bin";
    assertEquals(0, completed(put, ok("pick"), failed("place")));
    assertEquals(0, completed(put, new HistoryStep(AffordanceCall.of("place", Map.of()), State.CANCELLED, "stop")));
    assertEquals(1, completed(put, failed("place"), ok("place")));
  }

  @Test
  void stepsFinishInOrder() {
    // The drive to the kitchen before the put does not finish the later go step.
    String put = "put the red cube in the blue bin and then go to the kitchen";
    assertEquals(1, completed(put, ok("navigate", Map.of("to", "kitchen")), ok("place")));
  }

  @ParameterizedTest(name = "\"{0}\" finishes with {1}")
  @CsvSource({
      "pick up the red cube, pick",
      "bring me the red can, hand_over",
      "open the white drawer, open",
      "close the white drawer, close",
      "push the yellow ball to the left, push",
      "look at the green bin, look_at",
      "find the green ball, look_at",
      "put the cube on the table, place"})
  void eachActionFinishesWithItsSkill(String instruction, String skill) {
    assertEquals(0, completed(instruction, ok("navigate", Map.of("to", "x")), ok("find")));
    assertEquals(1, completed(instruction, ok(skill)));
  }

  @Test
  void goToAnObjectFinishesWithANavigateNamingIt() {
    assertEquals(1, completed("go to the blue table", ok("navigate", Map.of("to", "blue table"))));
    assertEquals(0, completed("go to the blue table", ok("navigate", Map.of("to", "yellow table"))));
    assertEquals(1, completed("go to the hallway", ok("navigate", Map.of("to", "hallway"))));
  }

  @Test
  void bringNeedsTheHandOverNotJustThePick() {
    assertEquals(0, completed("bring me the red can", ok("pick")));
    assertEquals(1, completed("bring me the red can", ok("pick"), ok("hand_over")));
  }

  @Test
  void threeStepsCountedOneByOne() {
    String s = "pick up the red cube and then go to the kitchen and then open the drawer";
    List<Command> steps = RuleParser.parse(s);
    assertEquals(3, steps.size());
    List<HistoryStep> h = new ArrayList<>();
    int[] expected = {1, 1, 2, 3};
    HistoryStep[] calls = {ok("pick"), ok("open"), ok("navigate", Map.of("to", "kitchen")), ok("open")};
    for (int i = 0; i < calls.length; i++) {
      h.add(calls[i]);
      assertEquals(expected[i], KeywordPolicy.completedSteps(steps, h), "after " + h);
    }
  }

  // ------------------------------------------------------------------ shape classes

  /** A blob with the given horizontal size, height, outline circularity and facetedness. */
  static Blob shaped(double width, double height, double circularity, double faceted) {
    return new Blob("red", 100, 0, 0, 10, 10, circularity, new double[] {1, 0, 0}, new double[] {1 + width, width * 0.5, height},
        height, faceted, new int[0], new double[0][]);
  }

  @ParameterizedTest(name = "w={0} h={1} circ={2} faceted={3}: {4}")
  @CsvSource({
      "0.60, 0.75, 0.5, 0.9, furniture",
      "0.56, 0.02, 0.9, 0.1, furniture",
      "0.30, 0.05, 0.7, 0.9, tray",
      "0.30, 0.25, 0.7, 0.9, container",
      "0.18, 0.089, 0.7, 0.9, tray",
      "0.18, 0.09, 0.7, 0.9, container",
      "0.06, 0.06, 0.85, 0.4, ball",
      "0.06, 0.06, 0.85, 0.9, boxy", // a round outline with flat faces is a cube seen from above
      "0.06, 0.06, 0.70, 0.4, boxy", // smooth shading but an angular outline
      "0.06, 0.08, 0.85, 0.4, tall", // too tall for a ball
      "0.06, 0.07, 0.60, 0.9, boxy",
      "0.06, 0.08, 0.60, 0.9, tall",
      "0.06, 0.10, 0.60, 0.9, can",
      "0.05, 0.15, 0.60, 0.9, can"})
  void shapeClassFromSizeOutlineAndShading(double width, double height, double circularity, double faceted, String cls) {
    assertEquals(cls, KeywordPolicy.shapeClass(shaped(width, height, circularity, faceted)));
  }

  @Test
  void theBallThresholdIsOnFacetedness() {
    double t = KeywordPolicy.FACETED_BOX;
    assertEquals("ball", KeywordPolicy.shapeClass(shaped(0.06, 0.06, 0.9, t - 0.001)));
    assertEquals("boxy", KeywordPolicy.shapeClass(shaped(0.06, 0.06, 0.9, t)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "cube, boxy", "block, boxy", "ball, ball", "cylinder, tall", "can, can", "bin, container", "basket, container",
      "box, container", "tray, tray", "table, furniture", "shelf, furniture", "door, furniture", "drawer, furniture",
      "lamp, ''"})
  void classOfEachCategory(String category, String cls) {
    assertEquals(cls, KeywordPolicy.classOf(category));
  }

  @Test
  void matchesByClassWithDrawersAndDoorsAlsoAsContainers() {
    assertTrue(KeywordPolicy.matches("cube", "boxy"));
    assertFalse(KeywordPolicy.matches("cube", "ball"));
    assertTrue(KeywordPolicy.matches("ball", "ball"));
    assertTrue(KeywordPolicy.matches("bin", "container"));
    assertFalse(KeywordPolicy.matches("bin", "tray"));
    assertTrue(KeywordPolicy.matches("drawer", "furniture"));
    assertTrue(KeywordPolicy.matches("drawer", "container"));
    assertTrue(KeywordPolicy.matches("door", "container"));
    assertFalse(KeywordPolicy.matches("drawer", "boxy"));
    assertFalse(KeywordPolicy.matches("table", "container"));
    assertFalse(KeywordPolicy.matches("lamp", "boxy"));
    assertFalse(KeywordPolicy.matches("lamp", "furniture"));
  }

  // ------------------------------------------------------------------ deciding on a rendered scene

  static final int[] RED = {200, 30, 30};
  static final int[] BLUE = {30, 40, 200};

  static Decision decide(Observation obs) {
    Decision d = POLICY.decide(obs);
    d.call().ifPresent(c -> {
      List<String> problems = Skills.standardRegistry().validate(c).stream()
          .filter(p -> !p.contains("needs a target point")).toList();
      assertEquals(List.of(), problems, "problems with " + c);
    });
    return d;
  }

  @Test
  void picksTheRedCubeWithinReachPointingAtItsTop() {
    SyntheticScene scene = new SyntheticScene()
        .add(new SyntheticScene.Box(1.2, 0.25, 0.06, 0.06, RED))
        .add(new SyntheticScene.Box(1.4, -0.3, 0.06, 0.06, BLUE));
    Observation obs = scene.observe("pick up the red cube", List.of());
    // The red cube's centre is about 1.23 m from the base, inside manipulation range, and not at the border.
    Decision d = decide(obs);
    AffordanceCall c = d.call().orElseThrow();
    assertEquals("pick", c.skill(), d.explanation());
    assertEquals(Map.of("target", "red cube"), c.args());
    assertEquals(1.0, c.confidence());
    Pixel p = c.targetPixel().orElseThrow();
    Point3 top = TargetLifter.lift(obs, p).orElseThrow();
    assertEquals(1.2, top.x(), 0.03, "lifted " + top);
    assertEquals(0.25, top.y(), 0.03, "lifted " + top);
    assertEquals(0.06, top.z(), 0.01, "lifted " + top);
  }

  @Test
  void drivesCloserToACubeBeyondReach() {
    SyntheticScene scene = new SyntheticScene()
        .add(new SyntheticScene.Box(2.0, 0.1, 0.06, 0.06, RED))
        .add(new SyntheticScene.Box(1.4, -0.3, 0.06, 0.06, BLUE));
    Decision d = decide(scene.observe("pick up the red cube", List.of()));
    AffordanceCall c = d.call().orElseThrow();
    assertEquals("navigate", c.skill(), d.explanation());
    assertEquals(Map.of("to", "red cube"), c.args());
    assertTrue(c.targetPixel().isPresent());
  }

  @Test
  void asksWhichOneWhenTwoMatch() {
    SyntheticScene scene = new SyntheticScene()
        .add(new SyntheticScene.Box(1.2, 0.25, 0.06, 0.06, RED))
        .add(new SyntheticScene.Box(1.4, -0.3, 0.06, 0.06, BLUE));
    AffordanceCall c = decide(scene.observe("pick up the cube", List.of())).call().orElseThrow();
    assertEquals("ask", c.skill());
    assertTrue(c.arg("question").orElseThrow().startsWith("I see 2 that could be the cube"), c.toString());
  }

  @Test
  void theNegationSelectsTheOtherCube() {
    SyntheticScene scene = new SyntheticScene()
        .add(new SyntheticScene.Box(1.2, 0.25, 0.06, 0.06, RED))
        .add(new SyntheticScene.Box(1.4, -0.3, 0.06, 0.06, BLUE));
    Observation obs = scene.observe("pick up the cube that is not red", List.of());
    AffordanceCall c = decide(obs).call().orElseThrow();
    assertEquals("pick", c.skill());
    Point3 top = TargetLifter.lift(obs, c.targetPixel().orElseThrow()).orElseThrow();
    assertEquals(-0.3, top.y(), 0.03, "picked the blue cube: " + top);
  }

  @Test
  void searchesFarThenNearThenTurnsWhenNothingMatches() {
    SyntheticScene scene = new SyntheticScene().add(new SyntheticScene.Box(1.2, 0.25, 0.06, 0.06, RED));
    String[][] expected = {{"here", "far"}, {"here", "near"}, {"left", "mid"}, {"here", "far"}};
    List<HistoryStep> h = new ArrayList<>();
    for (String[] e : expected) {
      AffordanceCall c = decide(scene.observe("pick up the green ball", h)).call().orElseThrow();
      assertEquals(Map.of("description", "green ball", "direction", e[0], "range", e[1]), c.args());
      h.add(ok("find"));
    }
  }

  @Test
  void declinesWhatItCannotParseAndFinishesWhenHistorySaysSo() {
    SyntheticScene scene = new SyntheticScene().add(new SyntheticScene.Box(1.2, 0.25, 0.06, 0.06, RED));
    AffordanceCall refuse = decide(scene.observe("sing me a song", List.of())).call().orElseThrow();
    assertEquals("ask", refuse.skill());
    AffordanceCall done = decide(scene.observe("pick up the red cube", List.of(ok("pick")))).call().orElseThrow();
    assertEquals("done", done.skill());
    AffordanceCall giveUp = decide(scene.observe("pick up the red cube",
        List.of(failed("pick"), failed("pick"), failed("pick")))).call().orElseThrow();
    assertEquals("ask", giveUp.skill());
    assertTrue(giveUp.arg("question").orElseThrow().contains("I failed at pick (slipped)"), giveUp.toString());
  }

  @Test
  void goesToANamedRegionWithoutLooking() {
    AffordanceCall c = decide(new SyntheticScene().observe("go to the kitchen", List.of())).call().orElseThrow();
    assertEquals("navigate", c.skill());
    assertEquals(Map.of("to", "kitchen"), c.args());
  }
}
