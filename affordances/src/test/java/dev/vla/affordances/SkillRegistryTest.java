package dev.vla.affordances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.ParamSpec.Type;
import dev.vla.affordances.skills.Skills;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Registration, validation messages, the standard skill set, and the call record's own checks. */
class SkillRegistryTest {
  static final SkillRegistry STANDARD = Skills.standardRegistry();
  static final Point3 POINT = new Point3("odom", 1.0, 0.5, 0.1);

  static SkillSpec spec(String name, List<ParamSpec> params, boolean needsPoint) {
    return new SkillSpec(name, name, params, Set.of(), needsPoint, List.of(), Duration.ofSeconds(1),
        () -> new CountingSkill(1, false, false), null);
  }

  static AffordanceCall call(String skill, Map<String, String> args) {
    return AffordanceCall.of(skill, args).withTargetPoint(POINT);
  }

  static List<String> problems(String skill, Map<String, String> args) {
    return STANDARD.validate(call(skill, args));
  }

  /** Exactly one problem, returned for further checks. */
  static String onlyProblem(String skill, Map<String, String> args) {
    List<String> p = problems(skill, args);
    assertEquals(1, p.size(), () -> "problems: " + p);
    return p.get(0);
  }

  // ------------------------------------------------------------------ registration

  @Test
  void duplicatesAreRejectedListingWhatIsRegistered() {
    SkillRegistry r = new SkillRegistry().register(spec("wave", List.of(), false)).register(spec("nod", List.of(), false));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.register(spec("wave", List.of(), false)));
    assertEquals("skill 'wave' is already registered; registered: [nod, wave]", e.getMessage());
    assertEquals(List.of("nod", "wave"), r.names());
  }

  @Test
  void unknownSkillsAreErrorsListingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> STANDARD.get("dance"));
    assertEquals("unknown skill 'dance'; known skills: " + new TreeSet<>(Skills.NAMES), e.getMessage());
    assertEquals(Optional.empty(), STANDARD.find("dance"));
    assertEquals(List.of("unknown skill 'dance'; known skills: " + new TreeSet<>(Skills.NAMES)),
        STANDARD.validate(AffordanceCall.of("dance", Map.of("target", "x"))));
  }

  @Test
  void longUnknownNamesAreCutInMessages() {
    String name = "x".repeat(100);
    String p = STANDARD.validate(AffordanceCall.of(name, Map.of())).get(0);
    assertTrue(p.startsWith("unknown skill '" + "x".repeat(40) + "…'"), p);
    String q = onlyProblem("done", Map.of("y".repeat(50), "1"));
    assertTrue(q.contains("unknown argument '" + "y".repeat(40) + "…'"), q);
  }

  @Test
  void allIsReadOnly() {
    assertThrows(UnsupportedOperationException.class, () -> STANDARD.all().clear());
    assertThrows(UnsupportedOperationException.class, () -> STANDARD.names().add("x"));
  }

  // ------------------------------------------------------------------ arguments

  @Test
  void aWellFormedCallHasNoProblems() {
    assertEquals(List.of(), problems("pick", Map.of("target", "red cube")));
    assertEquals(List.of(), problems("navigate", Map.of("to", "kitchen", "standoff", "0.45")));
    assertEquals(List.of(), problems("push", Map.of("target", "ball", "direction", "left", "distance", "0.4")));
    assertEquals(List.of(), problems("find", Map.of("description", "red cube", "direction", "here", "range", "far")));
    assertEquals(List.of(), problems("stop", Map.of()));
    assertEquals(List.of(), problems("done", Map.of()));
  }

  @Test
  void unknownArgumentsNameTheSignature() {
    assertEquals("pick: unknown argument 'colour'; expected pick(target:object)",
        onlyProblem("pick", Map.of("target", "cube", "colour", "red")));
  }

  @Test
  void missingArgumentsNameTheSignature() {
    assertEquals("pick: missing argument 'target'; expected pick(target:object)", onlyProblem("pick", Map.of()));
    assertEquals("ask: missing argument 'question'; expected ask(question:text)", onlyProblem("ask", Map.of()));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    List<String> p = problems("push", Map.of("direction", "up", "distance", "9", "speed", "fast"));
    assertEquals(4, p.size(), p.toString());
    assertTrue(p.get(0).contains("unknown argument 'speed'"), p.toString());
    assertTrue(p.stream().anyMatch(x -> x.contains("missing argument 'target'")), p.toString());
    assertTrue(p.stream().anyMatch(x -> x.contains("'direction' = 'up'")), p.toString());
    assertTrue(p.stream().anyMatch(x -> x.contains("'distance' = 9 is outside")), p.toString());
  }

  @ParameterizedTest(name = "standoff={0}")
  @CsvSource(delimiter = '|', value = {
      "5|navigate: argument 'standoff' = 5 is outside [0.0, 3.0] (m)",
      "-0.1|navigate: argument 'standoff' = -0.1 is outside [0.0, 3.0] (m)",
      "NaN|navigate: argument 'standoff' = NaN is not a finite number; expected one in [0.0, 3.0] (m)",
      "Infinity|navigate: argument 'standoff' = Infinity is not a finite number; expected one in [0.0, 3.0] (m)",
      "far|navigate: argument 'standoff' = 'far' is not a number (m)",
      "0.5m|navigate: argument 'standoff' = '0.5m' is not a number (m)"})
  void numbersOutOfRangeOrUnreadableNameTheRangeAndUnit(String value, String expected) {
    assertEquals(expected, onlyProblem("navigate", Map.of("to", "kitchen", "standoff", value)));
  }

  @ParameterizedTest(name = "standoff={0}")
  @ValueSource(strings = {"0", "3", "3.0", "0.45", "1e-3", "-0"})
  void numbersAtAndInsideTheBoundsAreAccepted(String value) {
    assertEquals(List.of(), problems("navigate", Map.of("to", "kitchen", "standoff", value)));
  }

  @Test
  void directionChoicesAreListed() {
    assertEquals("push: argument 'direction' = 'up'; expected one of [left, right, forward, backward, away, towards]",
        onlyProblem("push", Map.of("target", "ball", "direction", "up")));
    assertEquals("find: argument 'range' = 'close'; expected one of [near, mid, far]",
        onlyProblem("find", Map.of("description", "ball", "range", "close")));
  }

  @Test
  void choicesIgnoreCase() {
    assertEquals(List.of(), problems("push", Map.of("target", "ball", "direction", "LEFT")));
    assertEquals(List.of(), problems("find", Map.of("description", "ball", "direction", "Here")));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"1 2", "1 2 3", "  -1.5   2e1  ", "0 0 0", "1\t2"})
  void pointsAreTwoOrThreeNumbers(String value) {
    SkillRegistry r = new SkillRegistry().register(spec("go_to", List.of(ParamSpec.required("at", Type.POINT)), false));
    assertEquals(List.of(), r.validate(AffordanceCall.of("go_to", Map.of("at", value))));
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(delimiter = '|', value = {
      "1|go_to: argument 'at' = '1'; expected \"x y\" or \"x y z\" in metres",
      "1 2 3 4|go_to: argument 'at' = '1 2 3 4'; expected \"x y\" or \"x y z\" in metres",
      "a b|go_to: argument 'at' = 'a b'; expected \"x y\" or \"x y z\" in metres",
      "1,2|go_to: argument 'at' = '1,2'; expected \"x y\" or \"x y z\" in metres",
      "1 NaN|go_to: argument 'at' has a non-finite coordinate: '1 NaN'",
      "Infinity 0 0|go_to: argument 'at' has a non-finite coordinate: 'Infinity 0 0'"})
  void badPointsSayWhatIsExpected(String value, String expected) {
    SkillRegistry r = new SkillRegistry().register(spec("go_to", List.of(ParamSpec.required("at", Type.POINT)), false));
    assertEquals(List.of(expected), r.validate(AffordanceCall.of("go_to", Map.of("at", value))));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"red\ncube", "red\u0000cube", "tab\there", "\u007f", "bell\u0007"})
  void controlCharactersAreRejectedInText(String value) {
    assertEquals("pick: argument 'target' contains a control character", onlyProblem("pick", Map.of("target", value)));
    assertEquals("ask: argument 'question' contains a control character", onlyProblem("ask", Map.of("question", value)));
  }

  @Test
  void unicodeTextIsFine() {
    assertEquals(List.of(), problems("ask", Map.of("question", "Welchen Würfel meinst du? 🤖")));
  }

  @Test
  void valuesAreAtMost256Characters() {
    assertEquals(List.of(), problems("ask", Map.of("question", "q".repeat(256))));
    assertEquals("ask: argument 'question' is 257 characters long; at most 256",
        onlyProblem("ask", Map.of("question", "q".repeat(257))));
    assertEquals("push: argument 'direction' is 300 characters long; at most 256",
        onlyProblem("push", Map.of("target", "ball", "direction", "l".repeat(300))));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", " ", "\t"})
  void blankValuesAreEmpty(String value) {
    assertEquals("pick: argument 'target' is empty", onlyProblem("pick", Map.of("target", value)));
  }

  @Test
  void aNullValueCountsAsMissing() {
    Map<String, String> args = new HashMap<>();
    args.put("target", null);
    assertEquals("pick: missing argument 'target'; expected pick(target:object)", onlyProblem("pick", args));
  }

  @Test
  void placeNeedsExactlyOneOfIntoAndOn() {
    String rule = "place: give exactly one of 'into' (a container) or 'on' (a surface)";
    assertEquals(rule, onlyProblem("place", Map.of("target", "cube")));
    assertEquals(rule, onlyProblem("place", Map.of("target", "cube", "into", "bin", "on", "table")));
    assertEquals(List.of(), problems("place", Map.of("target", "cube", "into", "bin")));
    assertEquals(List.of(), problems("place", Map.of("on", "table")));
  }

  @Test
  void theCrossArgumentRuleWaitsUntilEachArgumentIsFine() {
    // An unknown argument is reported on its own; the into/on rule would only add noise.
    assertEquals("place: unknown argument 'onto'; expected place(target?:object, into?:receptacle, on?:receptacle)",
        onlyProblem("place", Map.of("target", "cube", "onto", "table")));
  }

  @Test
  void skillsActingOnAPointNeedOne() {
    String expected = "pick: needs a target point (lifted from the target pixel and depth); the call has none";
    assertEquals(List.of(expected), STANDARD.validate(AffordanceCall.of("pick", Map.of("target", "cube"))));
    assertEquals(List.of(), STANDARD.validate(AffordanceCall.of("find", Map.of("description", "cube"))));
    // The point is reported alongside argument problems.
    List<String> both = STANDARD.validate(AffordanceCall.of("pick", Map.of()));
    assertEquals(2, both.size(), both.toString());
    assertTrue(both.get(1).contains("needs a target point"), both.toString());
  }

  // ------------------------------------------------------------------ the standard set

  @Test
  void theStandardRegistryHasExactlyTheTwelveSkills() {
    assertEquals(12, Skills.NAMES.size());
    assertEquals(new TreeSet<>(Skills.NAMES), new TreeSet<>(STANDARD.names()));
    assertEquals(12, STANDARD.all().size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "navigate|BASE HEAD|true",
      "pick|BASE ARM GRIPPER HEAD|true",
      "place|BASE ARM GRIPPER HEAD|true",
      "push|BASE ARM GRIPPER HEAD|true",
      "open|BASE ARM GRIPPER HEAD|true",
      "close|BASE ARM GRIPPER HEAD|true",
      "look_at|HEAD|true",
      "find|BASE HEAD|false",
      "hand_over|ARM GRIPPER|false",
      "stop|''|false",
      "done|''|false",
      "ask|''|false"})
  void resourcesAndTargetPointsOfEachSkill(String name, String resources, boolean needsPoint) {
    SkillSpec s = STANDARD.get(name);
    Set<Resource> expected = resources.isEmpty() ? Set.of()
        : EnumSet.copyOf(java.util.Arrays.stream(resources.split(" ")).map(Resource::valueOf).toList());
    assertEquals(expected, s.resources());
    assertEquals(needsPoint, s.needsTargetPoint());
    assertTrue(s.timeout().compareTo(Duration.ZERO) > 0);
    assertTrue(!s.summary().isBlank());
    Skill instance = s.factory().get();
    assertTrue(instance != null && instance != s.factory().get(), "a fresh instance per call");
  }

  @Test
  void manipulationSkillsCheckTheGripper() {
    RobotState empty = RobotState.initial(RobotGeometry.standard());
    RobotState s = empty;
    RobotState holding = new RobotState(s.stampNanos(), s.baseInOdom(), 0, 0, s.armJoints(), 0.03, 0, 12, s.headPan(), s.headTilt());
    assertTrue(holding.holding());
    for (String name : List.of("pick", "push", "open", "close")) {
      assertEquals(List.of(Precondition.GRIPPER_EMPTY), STANDARD.get(name).preconditions(), name);
      assertEquals(Optional.empty(), Precondition.GRIPPER_EMPTY.violated(empty));
      assertTrue(Precondition.GRIPPER_EMPTY.violated(holding).orElseThrow().contains("empty gripper"));
    }
    for (String name : List.of("place", "hand_over")) {
      assertEquals(List.of(Precondition.HOLDING), STANDARD.get(name).preconditions(), name);
    }
    assertEquals(Optional.empty(), Precondition.HOLDING.violated(holding));
    assertTrue(Precondition.HOLDING.violated(empty).orElseThrow().contains("gripper is empty"));
    for (String name : List.of("navigate", "look_at", "find", "stop", "done", "ask")) {
      assertEquals(List.of(), STANDARD.get(name).preconditions(), name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "navigate|navigate(to:region, standoff?:number)",
      "pick|pick(target:object)",
      "place|place(target?:object, into?:receptacle, on?:receptacle)",
      "push|push(target:object, direction:direction, distance?:number)",
      "find|find(description:text, direction?:direction, range?:direction)",
      "hand_over|hand_over(target?:object)",
      "stop|stop(reason?:text)",
      "done|done(summary?:text)",
      "ask|ask(question:text)"})
  void signatures(String name, String signature) {
    assertEquals(signature, STANDARD.get(name).signature());
  }

  // ------------------------------------------------------------------ declarations

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "Pick", "pick-up", "pick up", "9lives", "_pick", "pické"})
  void skillNamesAreLowerSnakeCase(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec(name, List.of(), false));
    assertEquals("skill names are lower_snake_case, got '" + name + "'", e.getMessage());
  }

  @Test
  void aNullSkillNameIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> spec(null, List.of(), false));
  }

  @Test
  void timeoutsMustBePositive() {
    for (Duration d : List.of(Duration.ZERO, Duration.ofMillis(-1))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SkillSpec("wave", "", List.of(),
          Set.of(), false, List.of(), d, () -> new CountingSkill(1, false, false), null));
      assertEquals("skill wave: timeout must be positive", e.getMessage());
    }
  }

  @Test
  void numberRangesMustBeOrdered() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParamSpec.number("d", true, "m", 1, 0));
    assertEquals("parameter d: min 1.0 > max 0.0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ParamSpec.number("d", true, "m", Double.NaN, 1));
  }

  @Test
  void paramsAreFoundByName() {
    SkillSpec push = STANDARD.get("push");
    assertEquals(Type.DIRECTION, push.param("direction").orElseThrow().type());
    assertEquals(Optional.empty(), push.param("speed"));
  }

  // ------------------------------------------------------------------ the call record

  @ParameterizedTest(name = "confidence {0}")
  @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
  void confidenceMustBeAProbability(double c) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AffordanceCall(0, "pick", Map.of(), Optional.empty(), Optional.empty(), c, 1, 0, 0));
    assertEquals("confidence must be in [0, 1], got " + c, e.getMessage());
  }

  @ParameterizedTest(name = "affordance {0}")
  @ValueSource(doubles = {-1, 2, Double.NaN, Double.NEGATIVE_INFINITY})
  void affordanceMustBeAProbability(double a) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AffordanceCall(0, "pick", Map.of(), Optional.empty(), Optional.empty(), 1, a, 0, 0));
    assertEquals("affordance must be in [0, 1], got " + a, e.getMessage());
  }

  @Test
  void probabilitiesAtTheBoundsAreAccepted() {
    new AffordanceCall(0, "pick", Map.of(), Optional.empty(), Optional.empty(), 0, 0, 0, 0);
    new AffordanceCall(0, "pick", Map.of(), Optional.empty(), Optional.empty(), 1, 1, 0, 0);
  }

  @Test
  void aCallNeedsASkillName() {
    for (String s : new String[] {null, "", "   "}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AffordanceCall.of(s, Map.of()));
      assertEquals("an affordance call needs a skill name", e.getMessage());
    }
  }

  @Test
  void nullsBecomeEmpty() {
    AffordanceCall c = new AffordanceCall(0, "done", null, null, null, 1, 1, 0, 0);
    assertEquals(Map.of(), c.args());
    assertEquals(Optional.empty(), c.targetPixel());
    assertEquals(Optional.empty(), c.targetPoint());
  }

  @Test
  void argumentsAreCopiedKeepTheirOrderAndCannotBeChanged() {
    Map<String, String> args = new LinkedHashMap<>();
    args.put("target", "cube");
    args.put("on", "table");
    AffordanceCall c = AffordanceCall.of("place", args);
    args.put("into", "bin");
    assertEquals(List.of("target", "on"), List.copyOf(c.args().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> c.args().put("x", "y"));
    assertEquals(Optional.of("cube"), c.arg("target"));
    assertEquals(Optional.empty(), c.arg("into"));
  }

  @Test
  void toStringIsTheCompactLogForm() {
    AffordanceCall pick = new AffordanceCall(0, "pick", Map.of("target", "red_cube"), Optional.of(new Pixel(412, 260)),
        Optional.empty(), 1.0, 1.0, 0, 0);
    assertEquals("pick(target=red_cube)@(412,260)", pick.toString());
    Map<String, String> args = new LinkedHashMap<>();
    args.put("target", "cube");
    args.put("into", "blue bin");
    AffordanceCall place = new AffordanceCall(0, "place", args, Optional.empty(), Optional.of(POINT), 0.5, 1.0, 0, 0);
    assertEquals("place(target=cube, into=blue bin) conf=0.50", place.toString());
    assertEquals("done()", AffordanceCall.of("done", Map.of()).toString());
    assertEquals("ask(question=Which one?) conf=0.33",
        new AffordanceCall(0, "ask", Map.of("question", "Which one?"), Optional.empty(), Optional.empty(), 1 / 3.0, 1, 0, 0)
            .toString());
  }

  @Test
  void withersChangeOneThing() {
    AffordanceCall c = new AffordanceCall(0, "pick", Map.of("target", "cube"), Optional.of(new Pixel(1, 2)), Optional.empty(),
        0.8, 0.7, 3, 4);
    AffordanceCall d = c.withCallId(9).withTargetPoint(POINT).withInstruction(5, 6);
    assertEquals(9, d.callId());
    assertEquals(Optional.of(POINT), d.targetPoint());
    assertEquals(5, d.instructionId());
    assertEquals(6, d.stampNanos());
    assertEquals(c.skill(), d.skill());
    assertEquals(c.args(), d.args());
    assertEquals(c.targetPixel(), d.targetPixel());
    assertEquals(c.confidence(), d.confidence());
    assertEquals(c.affordance(), d.affordance());
    assertNotEquals(c, d);
    assertEquals(Optional.empty(), d.withTargetPoint(null).targetPoint());
  }
}
