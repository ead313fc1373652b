package dev.vla.launch.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vla.model.Policies;
import dev.vla.model.Policy;
import dev.vla.model.perception.Tensorizer;
import dev.vla.model.perception.WordPiece;
import dev.vla.model.vla.ModelSpec;
import dev.vla.ros.episode.EpisodeResult;
import dev.vla.ros.episode.EpisodeRunner;
import dev.vla.sim.episode.Episode;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.scenario.ScenarioLoader;
import dev.vla.sim.scenario.gen.Grammar;
import dev.vla.sim.scenario.gen.TaskScenes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs the oracle through random training tasks and writes every decision of every successful
 * episode as a training sample. Also writes the word-piece vocabulary (from training phrasings only)
 * and {@code spec.json}. Jobs run episodes in parallel and write their own shards.
 */
public final class DatasetGenerator {
  /** How often each request category is drawn, in a fixed order (episode categories depend on it). */
  public static final Map<String, Double> WEIGHTS = weights();

  private static Map<String, Double> weights() {
    Map<String, Double> w = new LinkedHashMap<>();
    w.put("basic", 0.30);
    w.put("relations", 0.18);
    w.put("negation", 0.10);
    w.put("multistep", 0.09);
    w.put("correction", 0.11);
    w.put("ambiguity", 0.07);
    w.put("absent", 0.07);
    w.put("nonsense", 0.08);
    return java.util.Collections.unmodifiableMap(w);
  }

  /** What a run produced. */
  public record Summary(int episodes, int succeeded, int samples, Map<String, int[]> perCategory, Path out) {}

  private final Path out;
  private final int jobs;
  private final int shardSize;
  private final Grammar.Split split;
  private final Path vocabFile;
  private final Set<String> categories;

  /**
   * @param vocabFile an existing vocabulary to use, or null to build one from training phrasings
   */
  public DatasetGenerator(Path out, int jobs, int shardSize, Grammar.Split split, Path vocabFile) {
    this(out, jobs, shardSize, split, vocabFile, WEIGHTS.keySet());
  }

  /**
   * @param categories the request categories to draw episodes from (a subset of {@link #WEIGHTS}' keys),
   *     in their relative proportions
   */
  public DatasetGenerator(Path out, int jobs, int shardSize, Grammar.Split split, Path vocabFile,
      Set<String> categories) {
    if (categories.isEmpty() || !WEIGHTS.keySet().containsAll(categories)) {
      throw new IllegalArgumentException("categories must be a non-empty subset of " + WEIGHTS.keySet() + ", got "
          + categories);
    }
    this.categories = Set.copyOf(categories);
    this.out = out;
    this.jobs = jobs;
    this.shardSize = shardSize;
    this.split = split;
    this.vocabFile = vocabFile;
  }

  /** Category for an episode seed, drawn by {@link #WEIGHTS}. */
  static String category(long seed) {
    return category(seed, WEIGHTS.keySet());
  }

  /** Category for an episode seed, drawn by {@link #WEIGHTS} among {@code allowed} only. */
  static String category(long seed, Set<String> allowed) {
    // With every category the draw is exactly the one that made the shipped datasets (no rescaling).
    double total = allowed.containsAll(WEIGHTS.keySet()) ? 1.0
        : WEIGHTS.entrySet().stream().filter(e -> allowed.contains(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
    // Random's first draw barely varies between adjacent seeds; SplittableRandom's does.
    double r = new java.util.SplittableRandom(seed).nextDouble() * total;
    String first = null;
    for (Map.Entry<String, Double> e : WEIGHTS.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        continue;
      }
      first = first == null ? e.getKey() : first;
      r -= e.getValue();
      if (r <= 0) {
        return e.getKey();
      }
    }
    return first;
  }

  /** The vocabulary: words of training phrasings, of history lines, and of the scenario vocabulary. */
  static WordPiece vocabulary() {
    List<String> corpus = new ArrayList<>();
    TaskScenes scenes = new TaskScenes(Grammar.Split.TRAIN, false);
    for (long s = 0; s < 3000; s++) {
      TaskScenes.Task t = scenes.generate(category(s), 9_000_000L + s);
      if (t != null) {
        corpus.add(t.instruction());
      }
    }
    for (String skill : ModelSpec.SKILLS) {
      corpus.add(skill.replace('_', ' ') + " ok failed rejected cancelled");
    }
    corpus.add(String.join(" ", ModelSpec.FIND_DIRECTIONS) + " " + String.join(" ", ModelSpec.FIND_RANGES) + " "
        + String.join(" ", ModelSpec.PUSH_DIRECTIONS));
    corpus.add(String.join(" ", ModelSpec.COLORS) + " " + String.join(" ", ModelSpec.CATEGORIES));
    return WordPiece.build(corpus, 1, 400);
  }

  public Summary run(long firstSeed, int episodes) throws IOException, InterruptedException, java.util.concurrent.ExecutionException {
    Files.createDirectories(out);
    WordPiece vocab = vocabFile != null ? WordPiece.load(vocabFile) : vocabulary();
    vocab.save(out.resolve("vocab.txt"));
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("spec.json").toFile(),
        ModelSpec.asMap());
    Tensorizer tensorizer = new Tensorizer(vocab);
    AtomicInteger succeeded = new AtomicInteger();
    AtomicInteger samples = new AtomicInteger();
    Map<String, int[]> perCategory = new TreeMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("dataset").setInitialMax(episodes)
        .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
        .build()) {
      List<Future<?>> futures = new ArrayList<>();
      for (int j = 0; j < jobs; j++) {
        int job = j;
        futures.add(pool.submit(() -> {
          List<Sample> buffer = new ArrayList<>();
          int shard = 0;
          TaskScenes scenes = new TaskScenes(split, false);
          for (long e = firstSeed + job; e < firstSeed + episodes; e += jobs) {
            String category = category(e, categories);
            TaskScenes.Task task = scenes.generate(category, e);
            bar.step();
            if (task == null) {
              continue;
            }
            List<Sample> got = episode(task, e, tensorizer);
            synchronized (perCategory) {
              int[] c = perCategory.computeIfAbsent(category, k -> new int[3]);
              c[0]++;
              if (got != null) {
                c[1]++;
                c[2] += got.size();
              }
            }
            if (got != null) {
              succeeded.incrementAndGet();
              samples.addAndGet(got.size());
              buffer.addAll(got);
              if (buffer.size() >= shardSize) {
                ShardWriter.write(out, String.format("j%02d_s%04d", job, shard++), buffer);
                buffer.clear();
              }
            }
            bar.setExtraMessage(samples.get() + " samples");
          }
          if (!buffer.isEmpty()) {
            ShardWriter.write(out, String.format("j%02d_s%04d", job, shard), buffer);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    Summary summary = new Summary(episodes, succeeded.get(), samples.get(), perCategory, out);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("summary.json").toFile(), summary);
    return summary;
  }

  /** The samples of one episode, or null when the oracle did not succeed (its labels are not trusted). */
  private List<Sample> episode(TaskScenes.Task task, long seed, Tensorizer tensorizer) throws IOException, InterruptedException {
    Path file = Files.createTempFile("vla-task-", ".sdf");
    Scenario scenario;
    try {
      Files.writeString(file, task.sdf());
      scenario = ScenarioLoader.load(file);
    } catch (dev.vla.sim.scenario.ScenarioException e) {
      throw new IllegalStateException("generated scenario does not load: " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(file);
    }
    Episode[] episode = new Episode[1];
    RecordingTeacher[] teacher = new RecordingTeacher[1];
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("episode", seed);
    meta.put("category", task.category());
    meta.put("compositional", task.compositional());
    EpisodeResult r = EpisodeRunner.run(scenario, truth -> {
      Policy oracle = Policies.create("oracle", truth);
      teacher[0] = new RecordingTeacher(oracle, tensorizer, () -> episode[0], meta);
      return teacher[0];
    }, EpisodeRunner.Options.evaluation(seed), new EpisodeRunner.Listener() {}, (transport, e) -> {
      episode[0] = e;
      return List.of();
    });
    return r.success() ? teacher[0].samples() : null;
  }
}
