package dev.vla.launch.bench;

import dev.vla.model.Policies;
import dev.vla.ros.episode.EpisodeResult;
import dev.vla.ros.episode.EpisodeRunner;
import dev.vla.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/** Whole evaluation episodes in lock step: sim time against wall time. */
public final class EpisodeBench {
  /** One episode's figures. */
  public record Row(String scenario, boolean success, double simSeconds, double wallSeconds) {
    public double speedup() {
      return simSeconds / wallSeconds;
    }
  }

  private EpisodeBench() {}

  public static List<Row> run(List<Scenario> scenarios, String policy) throws InterruptedException {
    List<Row> rows = new ArrayList<>();
    for (Scenario sc : scenarios) {
      EpisodeResult r = EpisodeRunner.run(sc, truth -> Policies.create(policy, truth), EpisodeRunner.Options.evaluation(1),
          new EpisodeRunner.Listener() {}, null);
      rows.add(new Row(sc.name(), r.success(), r.simSeconds(), r.wallSeconds()));
    }
    return rows;
  }
}
