package dev.vla.speech;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CommandGrammarTest {
  /** The words of the grammar's right-hand sides. */
  static Set<String> words(String jsgf) {
    Set<String> out = new TreeSet<>();
    for (String line : jsgf.split("\n")) {
      int eq = line.indexOf('=');
      String rhs = eq >= 0 ? line.substring(eq + 1) : line.startsWith("  |") ? line : "";
      for (String w : rhs.replaceAll("<[^>]*>", " ").replaceAll("[|()\\[\\];]", " ").trim().split("\\s+")) {
        if (!w.isEmpty()) {
          out.add(w);
        }
      }
    }
    return out;
  }

  @Test
  void everyWordHasAPronunciationInSphinxsDictionary() throws Exception {
    Set<String> dict = new HashSet<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        CommandGrammarTest.class.getResourceAsStream("/edu/cmu/sphinx/models/en-us/cmudict-en-us.dict"),
        StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        dict.add(line.split("\\s")[0]);
      }
    }
    Set<String> words = words(CommandGrammar.commands(List.of("kitchen", "living room")));
    assertTrue(words.size() > 150, "the grammar has " + words.size() + " words");
    Set<String> missing = new TreeSet<>(words);
    missing.removeAll(dict);
    assertTrue(missing.isEmpty(), "words Sphinx cannot pronounce (it would silently drop them): " + missing);
  }

  @Test
  void placesAreTakenFromTheMapAndBadNamesAreDropped() {
    String g = CommandGrammar.commands(List.of("Charging_Station", "lab; public <x> = y", ""));
    assertTrue(g.contains("<place> = charging station;"), g);
    assertFalse(g.contains("public <x>"), "a place name cannot inject grammar rules");
    assertTrue(CommandGrammar.commands(List.of()).contains("kitchen"), "default places when none are known");
    assertTrue(g.contains("<go> ([the] <place> | <np>)"), "the robot goes to places and to things (\"go to the blue table\")");
  }

  @Test
  void theVocabularyAndTheStopWordsAreInIt() {
    Set<String> words = words(CommandGrammar.commands(List.of()));
    for (String w : List.of("stop", "halt", "freeze", "wait", "continue", "red", "purple", "cylinder", "drawer", "behind",
        "isn't", "nearest", "also", "actually")) {
      assertTrue(words.contains(w), w);
    }
  }
}
