package dev.vla.model.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the speech stage hands over, the language code answers and never throws. */
class LanguageProperties {
  /** Words the parser reacts to, plus punctuation that splits sentences and clauses. */
  static final List<String> WORDS = List.of("put", "place", "pick", "up", "take", "bring", "me", "hand", "go", "to", "drive",
      "open", "close", "push", "look", "at", "find", "where", "is", "where's", "s", "the", "a", "red", "green", "blue",
      "white", "small", "big", "cube", "ball", "sphere", "bin", "tray", "table", "drawer", "in", "into", "on", "onto",
      "inside", "left", "right", "of", "front", "behind", "next", "near", "by", "beside", "nearest", "closest", "farthest",
      "leftmost", "rightmost", "not", "isn't", "non", "other", "than", "except", "that", "which", "it", "them", "one", "and",
      "then", "after", "also", "no", "nope", "actually", "sorry", "i", "meant", "instead", "stop", "wait", "continue",
      "please", "um", "ok", "here", "kitchen", "forward", "back", "away", "towards", ".", ",", "!", "?", ";", "'", "");

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(300),
        Arbitraries.strings().ascii().ofMaxLength(300),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars(" .!?;").ofMaxLength(50),
        Arbitraries.of(WORDS).list().ofMaxSize(25).map(w -> String.join(" ", w)),
        Arbitraries.of(WORDS).list().ofMaxSize(25).map(w -> String.join("", w)));
  }

  @Provide
  Arbitrary<String> longText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofLength(10_000),
        Arbitraries.of(WORDS).list().ofSize(2_000).map(w -> String.join(" ", w)));
  }

  @Property(tries = 2000)
  void parseNeverThrows(@ForAll("anyText") String text) {
    List<Command> steps = RuleParser.parse(text);
    assertNotNull(steps);
    for (Command c : steps) {
      assertNotNull(c.action());
      assertNotNull(c.preposition());
      assertTrue(c.preposition().isEmpty() || c.preposition().equals("in") || c.preposition().equals("on"), c.toString());
      c.object().ifPresent(o -> assertNotNull(o.words()));
    }
  }

  @Property(tries = 2000)
  void classifyNeverThrows(@ForAll("anyText") String text) {
    assertNotNull(Utterances.classify(text));
    assertNotNull(Utterances.strippedOpener(text));
    Utterances.containsStopWord(text);
  }

  @Property(tries = 20)
  void longInputsAreHandled(@ForAll("longText") String text) {
    assertNotNull(RuleParser.parse(text));
    assertNotNull(Utterances.classify(text));
  }

  @Property(tries = 500)
  void aStopWordAloneAlwaysStops(@ForAll("stopWords") String word, @ForAll("fillers") String filler,
      @ForAll("punctuation") String punctuation) {
    assertEquals(UtteranceKind.STOP, Utterances.classify(filler + " " + word + punctuation));
    assertTrue(Utterances.containsStopWord(filler + " " + word + punctuation));
  }

  @Provide
  Arbitrary<String> stopWords() {
    return Arbitraries.of(Utterances.STOP_WORDS).flatMap(w -> Arbitraries.of(w, w.toUpperCase(java.util.Locale.ROOT),
        Character.toUpperCase(w.charAt(0)) + w.substring(1)));
  }

  @Provide
  Arbitrary<String> fillers() {
    return Arbitraries.of("", "um", "uh,", "hey robot", "please", "ok", "robot,");
  }

  @Provide
  Arbitrary<String> punctuation() {
    return Arbitraries.of("", "!", ".", "!!!", "?", " now", " please");
  }
}
