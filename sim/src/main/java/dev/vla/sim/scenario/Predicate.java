package dev.vla.sim.scenario;

import java.util.Optional;

/** A success condition inside {@code <vla:expect>}; all must hold at the end of the episode. */
public sealed interface Predicate {
  int line();

  /** {@code <vla:in object= container=/>} */
  record In(String object, String container, int line) implements Predicate {}

  /** {@code <vla:on object= surface=/>} */
  record On(String object, String surface, int line) implements Predicate {}

  /** {@code <vla:holding object=/>} */
  record Holding(String object, int line) implements Predicate {}

  /** {@code <vla:not_holding/>} */
  record NotHolding(int line) implements Predicate {}

  /**
   * {@code <vla:near object="NAME|robot" target="NAME|x y" within="metres"/>}; exactly one of
   * {@code targetName} and {@code targetXy} is present.
   */
  record Near(String object, Optional<String> targetName, Optional<double[]> targetXy, double within, int line)
      implements Predicate {}

  /** {@code <vla:in_region object="NAME|robot" region=/>} */
  record InRegion(String object, String region, int line) implements Predicate {}

  /** {@code <vla:untouched object=/>}: never grasped, pushed or moved by the robot. */
  record Untouched(String object, int line) implements Predicate {}

  /**
   * {@code <vla:stopped_within seconds= after="say:N|event:N"/>}: base and arm velocity commands are
   * zero within {@code seconds} of that moment and stay zero until the next utterance or the end of
   * the event.
   */
  record StoppedWithin(double seconds, Trigger.Kind afterKind, int afterIndex, int line) implements Predicate {}

  /** {@code <vla:no_motion/>}: base and arm never moved (the head may). */
  record NoMotion(int line) implements Predicate {}

  /** {@code <vla:asked/>}: the controller asked for clarification. */
  record Asked(int line) implements Predicate {}

  /** {@code <vla:opened object=/>}: a drawer near its upper limit. */
  record Opened(String object, int line) implements Predicate {}

  /** {@code <vla:closed object=/>}: a drawer near its lower limit. */
  record Closed(String object, int line) implements Predicate {}

  /** {@code <vla:no_collision/>}: the base never hit anything. */
  record NoCollision(int line) implements Predicate {}
}
