package dev.vla.model.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How utterances are sorted into stop / wait / continue / correction / addition / instruction / chatter. */
class UtterancesTest {

  @ParameterizedTest(name = "\"{0}\" stops")
  @ValueSource(strings = {"stop", "Stop!", "STOP", "halt", "freeze", "stop now", "robot stop", "please stop",
      "hey robot stop", "stop stop stop", "halt!!", "Freeze, robot", "ok stop", "um stop",
      "stop the robot now please"}) // a stop word first stops however long the utterance
  void stopWordsStop(String text) {
    assertEquals(UtteranceKind.STOP, Utterances.classify(text));
  }

  @ParameterizedTest(name = "\"{0}\" stops (stop word in a short phrase)")
  @ValueSource(strings = {"now stop", "please halt now", "robot freeze now"})
  void aStopWordAnywhereInAShortPhraseStops(String text) {
    assertEquals(UtteranceKind.STOP, Utterances.classify(text));
  }

  @Test
  void shortPhrasesWithAStopWordStopEvenWhenTheyMeanOtherwise() {
    // Deliberately conservative: with three words or fewer any stop word stops the robot.
    assertEquals(UtteranceKind.STOP, Utterances.classify("don't stop"));
    assertEquals(UtteranceKind.STOP, Utterances.classify("the stop sign"));
  }

  @Test
  void aStopWordLateInALongUtteranceIsNotAStop() {
    // The speech stage catches these with containsStopWord instead.
    assertEquals(UtteranceKind.INSTRUCTION, Utterances.classify("put the stop sign in the bin"));
    assertEquals(UtteranceKind.INSTRUCTION, Utterances.classify("don't go there, stop"));
  }

  @ParameterizedTest(name = "\"{0}\" waits")
  @ValueSource(strings = {"wait", "Wait!", "pause", "hold on", "Hold on.", "hang on", "one moment", "just a moment",
      "wait a second", "please wait", "um hold on", "pause for now"})
  void waitPhrasesWait(String text) {
    assertEquals(UtteranceKind.WAIT, Utterances.classify(text));
  }

  @ParameterizedTest(name = "\"{0}\" is not a wait")
  @ValueSource(strings = {"wait for me here ok", "wait, put the cube in the bin"})
  void longUtterancesStartingWithWaitAreInstructions(String text) {
    assertEquals(UtteranceKind.INSTRUCTION, Utterances.classify(text));
  }

  @ParameterizedTest(name = "\"{0}\" continues")
  @ValueSource(strings = {"continue", "Continue.", "go on", "resume", "carry on", "keep going", "go ahead", "proceed",
      "ok continue", "okay continue", "please continue", "go on please"})
  void continuePhrasesContinue(String text) {
    assertEquals(UtteranceKind.CONTINUE, Utterances.classify(text));
  }

  @Test
  void goOnFollowedByAnInstructionIsAnInstruction() {
    assertEquals(UtteranceKind.INSTRUCTION, Utterances.classify("go on to the kitchen and pick up the cube"));
  }

  @ParameterizedTest(name = "\"{0}\" corrects")
  @ValueSource(strings = {"no, the green one", "no the green one", "No. The green one!", "sorry I meant the ball",
      "sorry, I meant the ball", "I meant the ball", "i mean the red bin", "actually the blue bin", "Actually, the blue bin",
      "nope, the red one", "not that one", "wrong one", "instead the cube", "rather the ball", "um no the green one"})
  void correctionsCorrect(String text) {
    assertEquals(UtteranceKind.CORRECTION, Utterances.classify(text));
  }

  @ParameterizedTest(name = "\"{0}\" adds")
  @ValueSource(strings = {"also close the drawer", "Also, close the drawer.", "then go to the kitchen",
      "and put the ball in the tray", "and then go to the kitchen", "and also open the drawer", "after that open the drawer",
      "afterwards go to the kitchen", "next pick up the ball", "when you're done close the drawer",
      "when you are done close the drawer"})
  void additionsAdd(String text) {
    assertEquals(UtteranceKind.ADDITION, Utterances.classify(text));
  }

  @ParameterizedTest(name = "\"{0}\" is an instruction")
  @ValueSource(strings = {"put the red cube in the blue bin", "pick up the ball", "Go to the kitchen!", "open the white drawer",
      "please pick up the purple ball", "sing me a song about the weather", "nothing", "notable cube", "northern bin",
      "stopwatch", "pauses", "another cube", "andromeda", "theory"})
  void everythingElseWithWordsIsAnInstruction(String text) {
    // Opener matching is by whole words: "notable", "stopwatch", "andromeda" and "theory" open with
    // "no", "stop", "and" and "the"(n) but are none of those words.
    assertEquals(UtteranceKind.INSTRUCTION, Utterances.classify(text));
  }

  @ParameterizedTest(name = "\"{0}\" is chatter")
  @ValueSource(strings = {"", " ", "   ", "...", "?!", "-- --", "a", "x y z", "123", "1 2 3", "um", "uh", "hmm", "ok", "okay",
      "please", "robot", "um um", "uh, um", "well", "Um...", "hey robot"})
  void emptyPunctuationAndFillersAreChatter(String text) {
    assertEquals(UtteranceKind.CHATTER, Utterances.classify(text));
  }

  @Test
  void nullIsChatter() {
    assertEquals(UtteranceKind.CHATTER, Utterances.classify(null));
    assertEquals("", Utterances.normalise(null));
  }

  @Test
  void aBareNoIsACorrectionWithNothingInIt() {
    assertEquals(UtteranceKind.CORRECTION, Utterances.classify("no"));
    assertEquals("no", Utterances.strippedOpener("no"));
  }

  @ParameterizedTest(name = "containsStopWord(\"{0}\") = {1}")
  @CsvSource(delimiter = '|', value = {
      "stop|true",
      "please STOP now|true",
      "put the cube down, halt!|true",
      "freeze|true",
      "don't go there, stop|true",
      "stopwatch|false",
      "unstoppable|false",
      "wait|false",
      "put the red cube in the blue bin|false",
      "''|false",
      "halting|false"})
  void containsStopWordLooksAtWholeWordsAnywhere(String text, boolean expected) {
    assertEquals(expected, Utterances.containsStopWord(text));
  }

  @ParameterizedTest(name = "strippedOpener(\"{0}\") = \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      "also close the drawer|close the drawer",
      "And also, close the drawer.|close the drawer",
      "and then go to the kitchen|go to the kitchen",
      "then go to the kitchen|go to the kitchen",
      "and put the ball in the tray|put the ball in the tray",
      "after that open the drawer|open the drawer",
      "afterwards open the drawer|open the drawer",
      "when you're done close the drawer|close the drawer",
      "when you are done close the drawer|close the drawer",
      "next pick up the ball|pick up the ball",
      "no, the green one|the green one",
      "No no, the green one|the green one",
      "nope, the red one|the red one",
      "sorry, I meant the ball|the ball",
      "I meant the ball|the ball",
      "i mean the ball|the ball",
      "Actually, the blue bin!|the blue bin",
      "instead the cube|the cube",
      "rather the cube|the cube",
      "um, also close the drawer|close the drawer",
      "put the red cube in the blue bin|put the red cube in the blue bin",
      "not that one|not that one",
      "''|''"})
  void strippedOpenerKeepsTheInstructionPart(String text, String expected) {
    assertEquals(expected, Utterances.strippedOpener(text));
  }

  @Test
  void normaliseLowerCasesDropsPunctuationAndCollapsesSpaces() {
    assertEquals("put the red cube in the bin", Utterances.normalise("  Put the RED cube,   in the bin!! "));
    assertEquals("where's the ball", Utterances.normalise("Where's the ball?"));
    assertEquals("caf", Utterances.normalise("café"));
  }

  @Test
  void stopWordsAreTheDocumentedThree() {
    assertEquals(java.util.Set.of("stop", "halt", "freeze"), Utterances.STOP_WORDS);
    for (String w : Utterances.STOP_WORDS) {
      assertTrue(Utterances.containsStopWord(w));
    }
    assertFalse(Utterances.containsStopWord("wait"));
  }
}
