package dev.vla.ros.episode;

import dev.vla.affordances.AffordanceCall;
import dev.vla.sim.episode.Verdict;
import java.util.List;

/**
 * One scenario run: the judgement, the calls the policy made, how long it took in sim and wall time.
 *
 * @param scenario scenario name
 * @param policy policy name
 * @param verdict the success predicates' judgement
 * @param calls affordance calls in the order they were published
 * @param simSeconds episode length in sim time
 * @param wallSeconds how long it took to run
 */
public record EpisodeResult(String scenario, String policy, Verdict verdict, List<AffordanceCall> calls,
    double simSeconds, double wallSeconds) {
  public EpisodeResult {
    calls = List.copyOf(calls);
  }

  public boolean success() {
    return verdict.success();
  }
}
