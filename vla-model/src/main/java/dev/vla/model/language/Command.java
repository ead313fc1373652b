package dev.vla.model.language;

import java.util.Optional;

/**
 * One step of a parsed instruction: what to do, to what, and where.
 *
 * @param action the verb
 * @param object what to act on
 * @param destination where to put it, or where to go
 * @param preposition {@code in} or {@code on} for a destination
 * @param region a named region to go to
 * @param direction a direction word (push)
 */
public record Command(Action action, Optional<ObjectQuery> object, Optional<ObjectQuery> destination,
    String preposition, Optional<String> region, Optional<String> direction) {

  /** Verbs the rule parser understands. */
  public enum Action { PUT, PICK, BRING, GO, OPEN, CLOSE, PUSH, LOOK, FIND, UNKNOWN }
}
