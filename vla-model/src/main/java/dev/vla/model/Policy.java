package dev.vla.model;

/**
 * Maps an observation to the next affordance call (LeRobot's small policy contract). Implementations
 * are used by one thread at a time (the vla node's); they may hold per-episode state, cleared by
 * {@link #reset}. Closing releases native resources (model sessions); a closed policy throws
 * {@link IllegalStateException}.
 */
public interface Policy extends AutoCloseable {
  /** Name as given on the command line: {@code vla}, {@code keyword}, {@code oracle}. */
  String name();

  /** Forgets everything about the current episode. */
  void reset();

  /** Decides the next call for the observation's instruction, given its history. */
  Decision decide(Observation observation);

  /** Drops any plan the policy queued internally (after a stop or a correction). */
  default void dropQueued() {}

  /** True when the policy reads simulator ground truth; its results are a ceiling, not a product figure. */
  default boolean readsGroundTruth() {
    return false;
  }

  @Override
  default void close() {}
}
