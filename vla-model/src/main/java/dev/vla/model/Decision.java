package dev.vla.model;

import dev.vla.affordances.AffordanceCall;
import java.util.Optional;

/**
 * What a policy decided: a call to make now, or nothing for the moment (keep waiting), with a short
 * explanation for the operator's log.
 */
public record Decision(Optional<AffordanceCall> call, String explanation) {
  public static Decision of(AffordanceCall call, String explanation) {
    return new Decision(Optional.of(call), explanation);
  }

  public static Decision idle(String explanation) {
    return new Decision(Optional.empty(), explanation);
  }
}
