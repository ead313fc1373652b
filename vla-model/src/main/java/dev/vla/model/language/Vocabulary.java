package dev.vla.model.language;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The scenario vocabulary of DESIGN §3 and the words people use for it. */
public final class Vocabulary {
  public static final List<String> CATEGORIES = List.of("cube", "block", "ball", "cylinder", "can", "bin", "tray",
      "basket", "box", "table", "shelf", "drawer", "door");
  public static final List<String> COLORS = List.of("red", "green", "blue", "yellow", "orange", "purple", "white", "black");
  public static final List<String> SIZES = List.of("small", "large");
  public static final List<String> CONTAINERS = List.of("bin", "tray", "basket", "box");
  public static final List<String> SURFACES = List.of("table", "shelf");

  private static final Map<String, String> CATEGORY_WORDS = Map.ofEntries(
      Map.entry("cube", "cube"), Map.entry("cubes", "cube"),
      Map.entry("block", "block"), Map.entry("blocks", "block"),
      Map.entry("ball", "ball"), Map.entry("balls", "ball"), Map.entry("sphere", "ball"),
      Map.entry("cylinder", "cylinder"), Map.entry("cylinders", "cylinder"),
      Map.entry("can", "can"), Map.entry("cans", "can"),
      Map.entry("bin", "bin"), Map.entry("bins", "bin"),
      Map.entry("tray", "tray"), Map.entry("trays", "tray"),
      Map.entry("basket", "basket"), Map.entry("baskets", "basket"),
      Map.entry("box", "box"), Map.entry("boxes", "box"),
      Map.entry("table", "table"), Map.entry("tables", "table"),
      Map.entry("shelf", "shelf"), Map.entry("shelves", "shelf"),
      Map.entry("drawer", "drawer"), Map.entry("drawers", "drawer"),
      Map.entry("door", "door"), Map.entry("doors", "door"));

  private static final Map<String, String> COLOR_WORDS = Map.of(
      "red", "red", "green", "green", "blue", "blue", "yellow", "yellow", "orange", "orange",
      "purple", "purple", "violet", "purple", "white", "white", "black", "black");

  private static final Map<String, String> SIZE_WORDS = Map.of(
      "small", "small", "little", "small", "tiny", "small", "smaller", "small", "smallest", "small",
      "large", "large", "big", "large", "bigger", "large", "biggest", "large", "larger", "large");

  private Vocabulary() {}

  public static Optional<String> category(String word) {
    return Optional.ofNullable(CATEGORY_WORDS.get(word));
  }

  public static Optional<String> color(String word) {
    return Optional.ofNullable(COLOR_WORDS.get(word));
  }

  public static Optional<String> size(String word) {
    return Optional.ofNullable(SIZE_WORDS.get(word));
  }

  public static boolean isContainer(String category) {
    return CONTAINERS.contains(category);
  }
}
