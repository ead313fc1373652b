package dev.vla.model.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.model.language.Command.Action;
import dev.vla.model.language.ObjectQuery.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Phrasings of the scenario vocabulary and the steps the rule parser makes of them. Expected steps are
 * written compactly (see {@link #render}): {@code PUT obj[red cube] in[blue bin]}, {@code GO dest[]
 * region=kitchen}, {@code PICK obj[ball !red]}, {@code PICK obj[cube LEFT_OF[green bin]]}; steps are
 * separated by {@code ;}. Phrasings the parser gets wrong are listed, with what they should give, in
 * {@link #knownLimitations} rather than asserted.
 */
class RuleParserTest {

  /** One line per step: action, object, destination (named by its preposition), region, direction. */
  static String render(List<Command> steps) {
    return steps.stream().map(RuleParserTest::render).collect(Collectors.joining(" ; "));
  }

  static String render(Command c) {
    StringBuilder sb = new StringBuilder(c.action().name());
    c.object().ifPresent(o -> sb.append(" obj").append(render(o)));
    c.destination().ifPresent(d -> sb.append(' ').append(c.preposition().isEmpty() ? "dest" : c.preposition()).append(render(d)));
    if (c.destination().isEmpty() && !c.preposition().isEmpty()) {
      sb.append(" prep=").append(c.preposition());
    }
    c.region().ifPresent(r -> sb.append(" region=").append(r));
    c.direction().ifPresent(d -> sb.append(" dir=").append(d));
    return sb.toString();
  }

  /** Size, colour and category words in that order, then !excluded colours and categories, the relation, "it". */
  static String render(ObjectQuery q) {
    List<String> parts = new ArrayList<>();
    q.size().ifPresent(parts::add);
    q.color().ifPresent(parts::add);
    q.category().ifPresent(parts::add);
    new TreeSet<>(q.notColors()).forEach(c -> parts.add("!" + c));
    new TreeSet<>(q.notCategories()).forEach(c -> parts.add("!" + c));
    q.relation().ifPresent(r -> parts.add(r.kind() + r.reference().map(RuleParserTest::render).orElse("")));
    if (q.pronoun()) {
      parts.add("it");
    }
    return "[" + String.join(" ", parts) + "]";
  }

  static void check(String instruction, String expected) {
    assertEquals(expected, render(RuleParser.parse(instruction)), () -> "parsing \"" + instruction + "\"");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "put the red cube in the blue bin|PUT obj[red cube] in[blue bin]",
      "Put the RED cube in the BLUE bin!|PUT obj[red cube] in[blue bin]",
      "place the red cube into the blue bin|PUT obj[red cube] in[blue bin]",
      "drop the ball in the tray|PUT obj[ball] in[tray]",
      "put the green block inside the basket|PUT obj[green block] in[basket]",
      "move the red cube to the blue bin|PUT obj[red cube] in[blue bin]",
      "store the can in the box|PUT obj[can] in[box]",
      "toss the ball into the bin|PUT obj[ball] in[bin]",
      "put the orange cube on the white table|PUT obj[orange cube] on[white table]",
      "place the cube on the table|PUT obj[cube] on[table]",
      "set the green block onto the shelf|PUT obj[green block] on[shelf]",
      "put the cube on the tray|PUT obj[cube] on[tray]",
      "put the block on the shelves|PUT obj[block] on[shelf]",
      "please put the red cube in the blue bin|PUT obj[red cube] in[blue bin]",
      "put the red cube in the blue bin please|PUT obj[red cube] in[blue bin]",
      "could you drop the ball on the table|PUT obj[ball] on[table]",
      "can you put the green block onto the shelf|PUT obj[green block] on[shelf]",
      "could you please put the ball in the bin|PUT obj[ball] in[bin]",
      "would you kindly put the ball in the bin|PUT obj[ball] in[bin]",
      "I would like you to put the ball in the bin|PUT obj[ball] in[bin]",
      "hey robot, put the ball in the bin|PUT obj[ball] in[bin]",
      "um, okay, put the ball in the bin|PUT obj[ball] in[bin]",
      "put it in the bin|PUT obj[it] in[bin]",
      "put the cube|PICK obj[cube]"})
  void putPhrasings(String instruction, String expected) {
    check(instruction, expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "pick up the red cube|PICK obj[red cube]",
      "pick the red cube up|PICK obj[red cube]",
      "please pick up the purple ball|PICK obj[purple ball]",
      "grab the yellow cube|PICK obj[yellow cube]",
      "grab the black can|PICK obj[black can]",
      "take the yellow cylinder|PICK obj[yellow cylinder]",
      "get the red cube|PICK obj[red cube]",
      "lift the ball|PICK obj[ball]",
      "grasp the block|PICK obj[block]",
      "pick it up|PICK obj[it]",
      "i want you to pick up the cube|PICK obj[cube]",
      "bring me the red can|BRING obj[red can]",
      "hand me the green ball|BRING obj[green ball]",
      "give me the cube|BRING obj[cube]",
      "fetch the ball|BRING obj[ball]",
      "bring the red cube to me|BRING obj[red cube]",
      "bring the ball here|BRING obj[ball]",
      "bring it here|BRING obj[it]",
      "take it to me|BRING obj[it]",
      "take the cube to the blue bin|PUT obj[cube] in[blue bin]",
      "get the ball into the bin|PUT obj[ball] in[bin]"})
  void pickAndBringPhrasings(String instruction, String expected) {
    check(instruction, expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "go to the kitchen|GO dest[] region=kitchen",
      "drive to the kitchen|GO dest[] region=kitchen",
      "navigate to the kitchen|GO dest[] region=kitchen",
      "head over to the hallway|GO dest[] region=hallway",
      "drive to the workshop|GO dest[] region=workshop",
      "go to the living room|GO dest[] region=living_room",
      "go to the blue table|GO dest[blue table] region=blue_table",
      "go to the yellow table|GO dest[yellow table] region=yellow_table",
      "go to the table|GO dest[table] region=table",
      "head to the door|GO dest[door] region=door",
      "go towards the red bin|GO dest[red bin] region=red_bin"})
  void goPhrasings(String instruction, String expected) {
    check(instruction, expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "open the white drawer|OPEN obj[white drawer]",
      "open the orange drawer|OPEN obj[orange drawer]",
      "open the drawers|OPEN obj[drawer]",
      "close the white drawer|CLOSE obj[white drawer]",
      "close the white drawer please|CLOSE obj[white drawer]",
      "shut the drawer|CLOSE obj[drawer]",
      "close the doors|CLOSE obj[door]",
      "push the yellow ball to the left|PUSH obj[yellow ball] dir=left",
      "push the blue cube to the right|PUSH obj[blue cube] dir=right",
      "push the ball left|PUSH obj[ball] dir=left",
      "push the red cube forward|PUSH obj[red cube] dir=forward",
      "push the ball back|PUSH obj[ball] dir=backward",
      "slide the cube backward|PUSH obj[cube] dir=backward",
      "shove the cube away|PUSH obj[cube] dir=away",
      "nudge the cube left|PUSH obj[cube] dir=left",
      "push the red cube|PUSH obj[red cube]",
      "push the cube right of the bin to the left|PUSH obj[cube RIGHT_OF[bin]] dir=left",
      "look at the green bin|LOOK obj[green bin]",
      "look at the red cube|LOOK obj[red cube]",
      "face the red bin|LOOK obj[red bin]",
      "find the green ball|FIND obj[green ball]",
      "find me the red cube|FIND obj[red cube]",
      "search for the cube|FIND obj[cube]",
      "locate the ball|FIND obj[ball]",
      "where is the green ball|FIND obj[green ball]",
      "where's the cube|FIND obj[cube]",
      "where is the ball that is not red|FIND obj[ball !red]",
      "find the ball behind the bin|FIND obj[ball BEHIND[bin]]"})
  void otherVerbs(String instruction, String expected) {
    check(instruction, expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "pick up the purple cube|PICK obj[purple cube]",
      "pick up the violet ball|PICK obj[purple ball]",
      "pick up the orange can|PICK obj[orange can]",
      "pick up the white cylinder|PICK obj[white cylinder]",
      "pick up the black cube|PICK obj[black cube]",
      "pick up the small red cube|PICK obj[small red cube]",
      "pick up the little cube|PICK obj[small cube]",
      "pick up the tiny ball|PICK obj[small ball]",
      "pick up the smaller cube|PICK obj[small cube]",
      "pick up the big ball|PICK obj[large ball]",
      "pick up the large cube|PICK obj[large cube]",
      "pick up the biggest ball|PICK obj[large ball]",
      "put the cube in the large bin|PUT obj[cube] in[large bin]",
      "pick up the cubes|PICK obj[cube]",
      "pick up the blocks|PICK obj[block]",
      "pick up the balls|PICK obj[ball]",
      "pick up the cans|PICK obj[can]",
      "pick up the cylinders|PICK obj[cylinder]",
      "pick up the sphere|PICK obj[ball]",
      "put the block in the baskets|PUT obj[block] in[basket]",
      "put the block in the boxes|PUT obj[block] in[box]",
      "put the cube on the tables|PUT obj[cube] on[table]",
      "pick up the red red cube|PICK obj[red cube]",
      "pick up the thing|PICK obj[]"})
  void coloursSizesAndCategories(String instruction, String expected) {
    check(instruction, expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "pick up the ball that is not red|PICK obj[ball !red]",
      "pick up the ball that isn't red|PICK obj[ball !red]",
      "pick up the cube which is not green|PICK obj[cube !green]",
      "pick up the ball that is not red or blue|PICK obj[ball !blue !red]",
      "pick up the not red ball|PICK obj[ball !red]",
      "pick up the non red cube|PICK obj[cube !red]",
      "pick up any cube except the red one|PICK obj[cube !red]",
      "pick up the cube other than the red one|PICK obj[cube !red]",
      "pick up the red ball not the blue one|PICK obj[red ball !blue]",
      "pick up the ball not the cube|PICK obj[ball !cube]",
      "pick up the ball, not the cube|PICK obj[ball !cube]",
      "pick up the one that is not a cube|PICK obj[!cube]",
      "pick up the thing that is not a ball|PICK obj[!ball]",
      "put the ball that is not red in the yellow bin|PUT obj[ball !red] in[yellow bin]",
      "put the ball in the bin that is not red|PUT obj[ball] in[bin !red]"})
  void negation(String instruction, String expected) {
    check(instruction, expected);
  }

  @Test
  void negatedColourIsExcludedNotRequired() {
    ObjectQuery q = RuleParser.parse("pick up the ball that is not red").get(0).object().orElseThrow();
    assertEquals(Optional.of("ball"), q.category());
    assertEquals(Optional.empty(), q.color());
    assertEquals(Set.of("red"), q.notColors());
    assertEquals(Set.of(), q.notCategories());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "pick up the cube left of the green bin|PICK obj[cube LEFT_OF[green bin]]",
      "pick up the cube to the left of the green bin|PICK obj[cube LEFT_OF[green bin]]",
      "pick up the cube that is to the left of the bin|PICK obj[cube LEFT_OF[bin]]",
      "pick up the cube right of the bin|PICK obj[cube RIGHT_OF[bin]]",
      "grab the ball to the right of the red cube|PICK obj[ball RIGHT_OF[red cube]]",
      "pick up the red cube behind the blue bin|PICK obj[red cube BEHIND[blue bin]]",
      "pick up the cube in front of the red bin|PICK obj[cube IN_FRONT_OF[red bin]]",
      "pick up the cube next to the bin|PICK obj[cube NEXT_TO[bin]]",
      "bring me the cube next to the bin|BRING obj[cube NEXT_TO[bin]]",
      "take the cube next to the bin to me|BRING obj[cube NEXT_TO[bin]]",
      "pick up the cube near the bin|PICK obj[cube NEXT_TO[bin]]",
      "grab the cube beside the bin|PICK obj[cube NEXT_TO[bin]]",
      "grab the cube by the bin|PICK obj[cube NEXT_TO[bin]]",
      "pick up the ball closest to the bin|PICK obj[ball NEXT_TO[bin]]",
      "grab the ball nearest to the tray|PICK obj[ball NEXT_TO[tray]]",
      "pick up the cube on the table|PICK obj[cube ON[table]]",
      "pick up the cube that is on the table|PICK obj[cube ON[table]]",
      "bring me the ball on the table|BRING obj[ball ON[table]]",
      "pick up the cube in the tray|PICK obj[cube IN[tray]]",
      "fetch the cube in the tray|BRING obj[cube IN[tray]]",
      "pick up the ball that is in the tray|PICK obj[ball IN[tray]]",
      "pick up the nearest cube|PICK obj[cube NEAREST]",
      "pick up the closest cube|PICK obj[cube NEAREST]",
      "put the nearest white cylinder in the red bin|PUT obj[white cylinder NEAREST] in[red bin]",
      "pick up the farthest cube|PICK obj[cube FARTHEST]",
      "pick up the furthest ball|PICK obj[ball FARTHEST]",
      "look at the farthest bin|LOOK obj[bin FARTHEST]",
      "pick up the leftmost cube|PICK obj[cube LEFTMOST]",
      "pick up the cube on the left|PICK obj[cube LEFTMOST]",
      "hand me the cube on the left|BRING obj[cube LEFTMOST]",
      "pick up the left one|PICK obj[LEFTMOST]",
      "pick up the rightmost ball|PICK obj[ball RIGHTMOST]",
      "pick up the cube on the right|PICK obj[cube RIGHTMOST]",
      "pick up the right one|PICK obj[RIGHTMOST]",
      "put the red cube left of the green bin in the blue bin|PUT obj[red cube LEFT_OF[green bin]] in[blue bin]",
      "put the cube in the bin next to the table|PUT obj[cube] in[bin NEXT_TO[table]]",
      "put the ball in the bin behind the red cube|PUT obj[ball] in[bin BEHIND[red cube]]"})
  void relations(String instruction, String expected) {
    check(instruction, expected);
  }

  @Test
  void relationCarriesItsReferenceAsAQuery() {
    ObjectQuery q = RuleParser.parse("pick up the small cube to the left of the green bin").get(0).object().orElseThrow();
    assertEquals(Optional.of("cube"), q.category());
    assertEquals(Optional.of("small"), q.size());
    ObjectQuery.Relation r = q.relation().orElseThrow();
    assertEquals(Kind.LEFT_OF, r.kind());
    ObjectQuery ref = r.reference().orElseThrow();
    assertEquals(Optional.of("bin"), ref.category());
    assertEquals(Optional.of("green"), ref.color());
    assertTrue(ref.relation().isEmpty());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "put the yellow cube in the purple bin and then go to the kitchen"
          + "|PUT obj[yellow cube] in[purple bin] ; GO dest[] region=kitchen",
      "pick up the red cube and go to the kitchen|PICK obj[red cube] ; GO dest[] region=kitchen",
      "pick up the red cube then go to the kitchen|PICK obj[red cube] ; GO dest[] region=kitchen",
      "pick up the red cube, then go to the kitchen|PICK obj[red cube] ; GO dest[] region=kitchen",
      "pick up the red cube after that go to the kitchen|PICK obj[red cube] ; GO dest[] region=kitchen",
      "pick up the red cube. after that go to the kitchen|PICK obj[red cube] ; GO dest[] region=kitchen",
      "pick up the red cube. then go to the kitchen|PICK obj[red cube] ; GO dest[] region=kitchen",
      "pick up the cube; then go to the kitchen|PICK obj[cube] ; GO dest[] region=kitchen",
      "pick up the red cube. also go to the kitchen|PICK obj[red cube] ; GO dest[] region=kitchen",
      "put the red cube in the blue bin. also close the drawer|PUT obj[red cube] in[blue bin] ; CLOSE obj[drawer]",
      "go to the kitchen and then put the cube in the bin|GO dest[] region=kitchen ; PUT obj[cube] in[bin]",
      "bring me the ball and then go to the kitchen|BRING obj[ball] ; GO dest[] region=kitchen",
      "pick up the red cube and put it in the bin|PICK obj[red cube] ; PUT obj[it] in[bin]",
      "put the red cube in the blue bin then go to the kitchen and then open the drawer"
          + "|PUT obj[red cube] in[blue bin] ; GO dest[] region=kitchen ; OPEN obj[drawer]",
      "put the red ball and the blue cube in the bin|PUT obj[red ball] in[bin]",
      "pick up the cube and then|PICK obj[cube]",
      "pick up the ball after that|PICK obj[ball]"})
  void multiStep(String instruction, String expected) {
    check(instruction, expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "put the red cube in the blue bin. no, the green one|PUT obj[green cube] in[blue bin]",
      "put the red cube in the blue bin. no the green one|PUT obj[green cube] in[blue bin]",
      "put the red cube in the blue bin. no, the red bin|PUT obj[red cube] in[red bin]",
      "put the red cube in the blue bin. no, the green basket|PUT obj[red cube] in[green basket]",
      "put the red cube in the blue bin. actually the yellow bin|PUT obj[red cube] in[yellow bin]",
      "put the red cube in the blue bin. sorry I meant the ball|PUT obj[red ball] in[blue bin]",
      "put the red cube in the bin. sorry, I meant the green cube|PUT obj[green cube] in[bin]",
      "put the cube in the bin. i meant the ball|PUT obj[ball] in[bin]",
      "put the red cube in the blue bin. no, the small one|PUT obj[small red cube] in[blue bin]",
      "put the red cube in the blue bin. no, the one left of the bin|PUT obj[red cube LEFT_OF[bin]] in[blue bin]",
      "put the red cube in the blue bin. no, the green one. actually the yellow one|PUT obj[yellow cube] in[blue bin]",
      "put the cube in the bin. no, not the red one|PUT obj[cube !red] in[bin]",
      "put the ball in the bin. no, not the cube|PUT obj[ball !cube] in[bin]",
      "put the basket in the bin. no the red one|PUT obj[red basket] in[bin]",
      "pick up the red cube. actually the blue one|PICK obj[blue cube]",
      "pick up the red cube. no wait, the blue one|PICK obj[blue cube]",
      "pick up the cube. no, the ball|PICK obj[ball]",
      "bring me the cube. no, the green one|BRING obj[green cube]",
      "open the drawer. no, the white one|OPEN obj[white drawer]",
      "push the ball to the left. no, the cube|PUSH obj[cube] dir=left",
      "pick up the red cube and then go to the kitchen. no, the green one|PICK obj[green cube] ; GO dest[] region=kitchen"})
  void correctionsAmendTheEarlierStep(String instruction, String expected) {
    check(instruction, expected);
  }

  @Test
  void aCorrectionThatChangesTheColourDropsTheOldColourOnly() {
    Command c = RuleParser.parse("put the small red cube in the blue bin. no, the green one").get(0);
    ObjectQuery o = c.object().orElseThrow();
    assertEquals(Optional.of("green"), o.color());
    assertEquals(Optional.of("cube"), o.category());
    assertEquals(Optional.of("small"), o.size());
    assertEquals(Optional.of("blue"), c.destination().orElseThrow().color());
    assertEquals("in", c.preposition());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "pick up the red cube. stop|PICK obj[red cube]",
      "pick up the red cube. wait. continue|PICK obj[red cube]",
      "stop|''",
      "hold on|''",
      "go on|''",
      "''|''",
      "...|''",
      "'   '|''"})
  void controlWordsAndEmptySentencesAddNoSteps(String instruction, String expected) {
    check(instruction, expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "sing me a song about the weather|UNKNOWN",
      "throw the red cube at the window|UNKNOWN",
      "dance a jig|UNKNOWN",
      "sing|UNKNOWN",
      "don't pick up the cube|UNKNOWN",
      "the red cube|UNKNOWN",
      "pick up the red ball then the blue ball|PICK obj[red ball] ; UNKNOWN",
      "and then|UNKNOWN"})
  void unknownVerbsAreUnknown(String instruction, String expected) {
    check(instruction, expected);
  }

  @Test
  void aCorrectionBeforeAnyStepIsParsedAsItsOwnWords() {
    // Nothing to amend yet: "no, the green one" has no verb, so it is declined rather than guessed at.
    assertEquals(List.of(Action.UNKNOWN), RuleParser.parse("no, the green one").stream().map(Command::action).toList());
  }

  @Test
  void objectQueryWordsNameWhatToLookFor() {
    ObjectQuery q = RuleParser.parse("pick up the small red cube").get(0).object().orElseThrow();
    assertEquals("small red cube", q.words());
    assertEquals("object", ObjectQuery.any().words());
    assertTrue(ObjectQuery.any().isEmpty());
    assertEquals("red ball", ObjectQuery.any().withCategory("ball").withColor("red").words());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "walk to the kitchen|GO dest[] region=kitchen",
      "look for the red cube|FIND obj[red cube]",
      "pick up anything but the cube|PICK obj[!cube]"})
  void verbsAndNegationsAddedAfterReview(String instruction, String expected) {
    check(instruction, expected);
  }
}
