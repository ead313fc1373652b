package dev.vla.model;

import dev.vla.affordances.AffordanceCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order in which to look for something not in view, from how many {@code find} calls came just
 * before: near the base and far across the room without turning, then a full turn in 50° steps,
 * looking at the default tilt and near the base at each heading. Sixteen views, then give up. Read off the history alone, so a learned policy can
 * follow it too.
 */
public final class SearchPlan {
  /** Views before giving up: near, far, then seven turns of two views each. */
  public static final int VIEWS = 16;

  private SearchPlan() {}

  /** Consecutive {@code find} calls at the end of the history. */
  public static int findsSoFar(List<HistoryStep> history) {
    int n = 0;
    for (int i = history.size() - 1; i >= 0 && history.get(i).call().skill().equals("find"); i--) {
      n++;
    }
    return n;
  }

  /** Arguments of the next {@code find} (without the description), or empty when the search is over. */
  public static Optional<Map<String, String>> next(List<HistoryStep> history) {
    int n = findsSoFar(history);
    if (n >= VIEWS) {
      return Optional.empty();
    }
    Map<String, String> args = new LinkedHashMap<>();
    boolean turn = n >= 2 && n % 2 == 0;
    args.put("direction", turn ? "left" : "here");
    args.put("range", n == 1 ? "far" : turn ? "mid" : "near");
    return Optional.of(args);
  }

  /** A find call for {@code description}, or empty when the search is over. */
  public static Optional<AffordanceCall> nextCall(String description, List<HistoryStep> history) {
    return next(history).map(a -> {
      Map<String, String> args = new LinkedHashMap<>();
      args.put("description", description);
      args.putAll(a);
      return AffordanceCall.of("find", args);
    });
  }
}
