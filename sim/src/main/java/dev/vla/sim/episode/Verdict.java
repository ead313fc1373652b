package dev.vla.sim.episode;

import dev.vla.sim.scenario.Predicate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of an episode: each predicate with whether it held and why.
 *
 * @param stopLatencySeconds for a scenario with {@code stopped_within}: time from the utterance or
 *     event to the first control tick with no motion commanded; NaN otherwise
 */
public record Verdict(boolean success, List<Check> checks, Episode.Ending ending, double endTimeSeconds,
    double stopLatencySeconds) {
  /** One predicate's result. */
  public record Check(Predicate predicate, boolean holds, String explanation) {}

  public Verdict {
    checks = List.copyOf(checks);
  }

  /** The failed predicates' explanations, joined; empty on success. */
  public String failure() {
    return checks.stream().filter(c -> !c.holds()).map(Check::explanation).collect(Collectors.joining("; "));
  }
}
