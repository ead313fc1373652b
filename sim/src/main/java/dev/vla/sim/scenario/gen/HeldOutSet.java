package dev.vla.sim.scenario.gen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The held-out evaluation set: the same eight request categories as training, but new random layouts
 * (a seed range training never uses), phrasings reserved from training, corrections spoken as a second
 * utterance, and about a third of referents drawn from the colour x category pairs training never
 * refers to. File names say the category: {@code relations_10000042.sdf}.
 */
public final class HeldOutSet {
  /** Training draws seeds below this; the held-out set at or above it. */
  public static final long FIRST_SEED = 10_000_000L;

  private HeldOutSet() {}

  public static List<Path> write(Path dir, long seed, int perCategory) throws IOException {
    Files.createDirectories(dir);
    TaskScenes scenes = new TaskScenes(Grammar.Split.HELDOUT, true);
    List<Path> out = new ArrayList<>();
    for (String category : TaskScenes.CATEGORIES) {
      long s = FIRST_SEED + seed * 100_000L;
      int made = 0;
      while (made < perCategory) {
        TaskScenes.Task t = scenes.generate(category, s++);
        if (t == null) {
          continue;
        }
        Path f = dir.resolve(t.name() + ".sdf");
        Files.writeString(f, t.sdf());
        out.add(f);
        made++;
      }
    }
    return out;
  }
}
