package dev.vla.model.language;

import java.util.Optional;
import java.util.Set;

/**
 * A description of one thing in the scene: "the small red cube left of the green bin", "the ball that
 * is not red". Empty fields are unconstrained.
 */
public record ObjectQuery(Optional<String> category, Optional<String> color, Optional<String> size,
    Set<String> notColors, Set<String> notCategories, Optional<Relation> relation, boolean pronoun) {

  public ObjectQuery {
    notColors = Set.copyOf(notColors);
    notCategories = Set.copyOf(notCategories);
  }

  public static ObjectQuery any() {
    return new ObjectQuery(Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), Set.of(), Optional.empty(), false);
  }

  public boolean isEmpty() {
    return category.isEmpty() && color.isEmpty() && size.isEmpty() && notColors.isEmpty() && notCategories.isEmpty()
        && relation.isEmpty();
  }

  public ObjectQuery withColor(String c) {
    return new ObjectQuery(category, Optional.of(c), size, notColors, notCategories, relation, false);
  }

  public ObjectQuery withCategory(String c) {
    return new ObjectQuery(Optional.of(c), color, size, notColors, notCategories, relation, false);
  }

  public ObjectQuery withSize(String s) {
    return new ObjectQuery(category, color, Optional.of(s), notColors, notCategories, relation, false);
  }

  /** Words for a find call or a question: "small red cube". */
  public String words() {
    StringBuilder sb = new StringBuilder();
    size.ifPresent(s -> sb.append(s).append(' '));
    color.ifPresent(c -> sb.append(c).append(' '));
    sb.append(category.orElse("object"));
    return sb.toString();
  }

  /** A spatial relation to a reference object, or a superlative with no reference. */
  public record Relation(Kind kind, Optional<ObjectQuery> reference) {}

  /** Relations of the vocabulary. */
  public enum Kind { LEFT_OF, RIGHT_OF, BEHIND, IN_FRONT_OF, NEXT_TO, ON, IN, NEAREST, FARTHEST, LEFTMOST, RIGHTMOST }
}
