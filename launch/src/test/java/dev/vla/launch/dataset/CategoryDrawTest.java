package dev.vla.launch.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which request category an episode seed gets, over all categories and over a chosen few. */
class CategoryDrawTest {
  static Map<String, Integer> counts(Set<String> allowed, int n) {
    Map<String, Integer> c = new HashMap<>();
    for (long s = 0; s < n; s++) {
      c.merge(DatasetGenerator.category(s, allowed), 1, Integer::sum);
    }
    return c;
  }

  @Test
  void everyCategoryIsDrawnInItsProportion() {
    int n = 40_000;
    Map<String, Integer> c = counts(DatasetGenerator.WEIGHTS.keySet(), n);
    DatasetGenerator.WEIGHTS.forEach((k, w) ->
        assertEquals(w, c.getOrDefault(k, 0) / (double) n, 0.01, k));
  }

  @Test
  void aChosenFewKeepTheirRelativeProportions() {
    int n = 20_000;
    Map<String, Integer> c = counts(Set.of("ambiguity", "nonsense"), n);
    assertEquals(Set.of("ambiguity", "nonsense"), c.keySet());
    // 0.07 : 0.08 of the full mix
    assertEquals(0.07 / 0.15, c.get("ambiguity") / (double) n, 0.015);
  }

  @Test
  void seedsGetTheCategoriesTheShippedTrainingDataRecorded() {
    // From datasets/train1's metadata (seeds 1-12): the shipped model's data can be regenerated.
    String[] recorded = {"negation", "multistep", "basic", "relations", "relations", "correction", "relations",
        "multistep", "correction", "basic", "relations", "negation"};
    for (int i = 0; i < recorded.length; i++) {
      assertEquals(recorded[i], DatasetGenerator.category(i + 1), "seed " + (i + 1));
    }
  }

  @Test
  void unknownCategoriesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        new DatasetGenerator(Path.of("x"), 1, 10, dev.vla.sim.scenario.gen.Grammar.Split.TRAIN, null, Set.of("dancing")));
    assertTrue(e.getMessage().contains("dancing"), e.getMessage());
  }
}
