package dev.vla.launch.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.model.Policies;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A few seconds of soak: episodes with interruptions and faults run, are measured and plotted; nothing crashes. */
class SoakTest {
  @Test
  void aShortSoakRunsEpisodesSamplesTheProcessAndPlotsIt(@TempDir Path tmp) throws Exception {
    Path dir = Path.of("..", "scenarios", "skeleton");
    List<Scenario> pool = new ArrayList<>();
    for (String name : List.of("01_floor_to_bin_1.sdf", "45_stop_1.sdf", "21_pick_up_3.sdf")) {
      pool.add(ScenarioLoader.load(dir.resolve(name)));
    }
    List<String> lines = new ArrayList<>();
    Soak.Result r = new Soak(new Soak.Settings(Duration.ofSeconds(8), pool, truth -> Policies.create("keyword", truth), 7,
        Duration.ofSeconds(3)), lines::add).run();
    assertTrue(r.episodes().size() >= 2, "episodes: " + r.episodes().size());
    assertTrue(r.samples().size() >= 3, "samples at the start, every 3 s and at the end");
    assertEquals(lines.size(), r.samples().size());
    assertTrue(r.episodes().stream().allMatch(e -> e.crash().isEmpty()), r.episodes().toString());
    assertTrue(r.samples().stream().allMatch(s -> s.threads() > 0 && s.rssMb() > 0 && s.openFiles() > 0));
    assertTrue(r.decide().count() > 0);
    for (Soak.EpisodeRecord e : r.episodes()) {
      for (Soak.FaultStop f : e.stops()) {
        assertTrue(Double.isNaN(f.zeroCommandMs()) || f.zeroCommandMs() <= 300, f.toString());
      }
    }
    Path png = tmp.resolve("soak.png");
    SoakPlot.write(r, png);
    assertTrue(Files.size(png) > 10_000);
  }
}
