package dev.vla.launch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vla.affordances.AffordanceCall;
import dev.vla.launch.UserError;
import dev.vla.launch.VlaHome;
import dev.vla.launch.record.EpisodeBag;
import dev.vla.launch.record.EpisodeRecorder;
import dev.vla.ros.episode.EpisodeResult;
import dev.vla.ros.episode.EpisodeRunner;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.scenario.ScenarioException;
import dev.vla.sim.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vla eval}: every scenario of a folder through the whole stack, faster than real time. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {
      "Run every *.sdf in a folder through the whole stack in lock step (deterministic, faster than real time),",
      "print a table and optionally write a JSON report. Exit status 0 even when scenarios fail;",
      "non-zero only when the evaluation could not run."
    })
public final class EvalCommand implements Callable<Integer> {
  @Option(names = "--scenarios", paramLabel = "DIR", description = "Folder of scenario files. Default: scenarios/skeleton")
  Path scenarios;

  @Option(names = "--speech", description = {"Speak each utterance into /audio/audio through the speech stage",
      "(VAD, recogniser, stop fast path) instead of typing it."})
  boolean speech;

  @Option(names = "--voice", paramLabel = "ENGINE:NAME[:WPM]",
      description = "Voice for --speech (default: ${DEFAULT-VALUE}; e.g. espeak-ng:en-us:160).")
  String voice = SpeechSetup.DEFAULT_VOICE.toString();

  @Option(names = "--policy", paramLabel = "NAME", description = "Policy: keyword (default: the classical baseline), vla (the trained model; docs/model.md) or oracle (reads ground truth).")
  String policy = PolicyChoice.DEFAULT;

  @picocli.CommandLine.Mixin
  ModelOptions model = new ModelOptions();

  @Option(names = "--report", paramLabel = "FILE", description = "Write the JSON report here.")
  Path report;

  @Option(names = "--jobs", paramLabel = "N", description = "Episodes run in parallel (default: ${DEFAULT-VALUE}).")
  int jobs = 1;

  @Option(names = "--seed", description = "Base seed for sensor noise and lighting (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--record", paramLabel = "DIR", description = {"Also record every episode into DIR/<scenario>/,",
      "its rosbag2 bag (sim time) in DIR/<scenario>/bag/."})
  Path record;

  @Option(names = "--bag-camera-hz", paramLabel = "HZ", description = {"With --record: camera images in the bags, at most HZ",
      "per second of sim time (default: ${DEFAULT-VALUE}), 'all' for every frame, 0 for none."})
  String bagCameraHz = "2";

  @Option(names = "--no-bag", description = "With --record: no rosbag2 bags.")
  boolean noBag;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (jobs < 1 || jobs > 64) {
      throw new UserError("--jobs must be 1..64, got " + jobs);
    }
    Path dir = VlaHome.requireExisting(scenarios != null ? scenarios : VlaHome.defaultScenarioSet(), "scenario folder");
    List<Scenario> set;
    try {
      set = ScenarioLoader.loadAll(dir);
    } catch (ScenarioException e) {
      throw new UserError(e.getMessage());
    }
    boolean bags = record != null && !noBag;
    var bagCamera = EpisodeBag.cameraRate(bagCameraHz);
    if (bags) {
      for (Scenario sc : set) {
        EpisodeBag.check(record.resolve(sc.name())); // before hours of evaluation, not after
      }
    }
    PrintStream out = System.out;
    out.println("vla eval: " + set.size() + " scenarios from " + dir + ", policy " + PolicyChoice.label(policy));
    var factory = PolicyChoice.factory(policy, model.config());
    // Each job thread listens with its own speech stage (loading one takes seconds; episodes reuse it).
    SpeechSetup first = speech ? SpeechSetup.load(voice, set, out) : null;
    List<SpeechSetup> setups = new java.util.concurrent.CopyOnWriteArrayList<>();
    if (first != null) {
      setups.add(first);
    }
    java.util.concurrent.atomic.AtomicBoolean firstTaken = new java.util.concurrent.atomic.AtomicBoolean();
    ThreadLocal<SpeechSetup> stageOfThread = ThreadLocal.withInitial(() -> {
      if (firstTaken.compareAndSet(false, true)) {
        return first;
      }
      SpeechSetup mine = SpeechSetup.copy(first, set);
      setups.add(mine);
      return mine;
    });
    List<EpisodeResult> results = new ArrayList<>();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try (ProgressBar bar = progress(set.size())) {
      List<Future<EpisodeResult>> futures = new ArrayList<>();
      for (Scenario sc : set) {
        futures.add(pool.submit(() -> {
          long s = seed * 1_000_003L + sc.name().hashCode();
          EpisodeRecorder[] rec = new EpisodeRecorder[1];
          EpisodeRunner.Options options = EpisodeRunner.Options.evaluation(s);
          if (speech) {
            options = options.withSpeech(stageOfThread.get().speech());
          }
          EpisodeResult r;
          try (EpisodeBag bag = bags ? EpisodeBag.open(record.resolve(sc.name()), bagCamera,
              EpisodeBag.about("vla eval", sc.name(), policy, s)) : null) {
            r = EpisodeRunner.run(sc, factory, options,
                new EpisodeRunner.Listener() {}, record == null ? null : (transport, episode) -> {
                  rec[0] = new EpisodeRecorder(transport, episode, record.resolve(sc.name()));
                  return bag == null ? List.of(rec[0]) : List.of(rec[0], bag.join(transport));
                });
          }
          if (rec[0] != null) {
            rec[0].write(r);
          }
          if (bar != null) {
            bar.step();
            bar.setExtraMessage(sc.name());
          }
          return r;
        }));
      }
      for (Future<EpisodeResult> f : futures) {
        results.add(f.get());
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
      setups.forEach(SpeechSetup::close);
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    printTable(out, results, wall);
    if (bags) {
      out.println("rosbag2: one bag per episode in " + record + "/<scenario>/" + EpisodeBag.DIR + "/ (ros2 bag info, ros2 bag play, Foxglove)");
    }
    if (report != null) {
      writeReport(report, results);
      out.println("report: " + report);
    }
    return 0;
  }

  private ProgressBar progress(int n) {
    if (quiet) {
      return null;
    }
    return new ProgressBarBuilder().setTaskName("eval " + policy).setInitialMax(n).setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
  }

  private void printTable(PrintStream out, List<EpisodeResult> results, double wall) {
    int width = Math.max(8, results.stream().mapToInt(r -> r.scenario().length()).max().orElse(8));
    out.println();
    out.printf(Locale.ROOT, "%-" + width + "s  %-7s  %7s  %5s  %s%n", "scenario", "result", "sim s", "calls", "failure");
    int ok = 0;
    double sim = 0;
    for (EpisodeResult r : results) {
      ok += r.success() ? 1 : 0;
      sim += r.simSeconds();
      String failure = r.success() ? "" : r.verdict().failure();
      out.printf(Locale.ROOT, "%-" + width + "s  %-7s  %7.1f  %5d  %s%n", r.scenario(), r.success() ? "ok" : "FAILED",
          r.simSeconds(), r.calls().size(), failure.length() > 110 ? failure.substring(0, 109) + "…" : failure);
    }
    Map<String, int[]> groups = byCategory(results);
    if (groups.size() > 1) {
      out.println();
      out.printf(Locale.ROOT, "%-14s %9s %8s%n", "category", "succeeded", "rate");
      groups.forEach((k, v) -> out.printf(Locale.ROOT, "%-14s %4d/%-4d %7.1f%%%n", k, v[0], v[1], 100.0 * v[0] / v[1]));
    }
    out.println();
    out.printf(Locale.ROOT, "%s: %d/%d succeeded (%.1f%%); %.0f s of sim time in %.0f s of wall time (%.1fx real time)%n",
        PolicyChoice.label(policy), ok, results.size(), 100.0 * ok / Math.max(1, results.size()), sim, wall, sim / wall);
  }

  /** Scenario names of the form {@code category_number} (generated sets) grouped by category: succeeded, total. */
  static Map<String, int[]> byCategory(List<EpisodeResult> results) {
    Map<String, int[]> groups = new java.util.TreeMap<>();
    for (EpisodeResult r : results) {
      String name = r.scenario();
      String group = name.matches("[a-z_]+_[0-9]+") ? name.substring(0, name.lastIndexOf('_')) : "other";
      int[] c = groups.computeIfAbsent(group, k -> new int[2]);
      c[0] += r.success() ? 1 : 0;
      c[1]++;
    }
    return groups;
  }

  private void writeReport(Path file, List<EpisodeResult> results) throws java.io.IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("policy", policy);
    root.put("policy_label", PolicyChoice.label(policy));
    root.put("reads_ground_truth", policy.equals("oracle"));
    if (policy.equals("vla")) {
      // Asked for; what ran after any fallback is in the log (docs/edge.md).
      root.put("provider", model.provider);
      root.put("precision", model.precision);
    }
    List<Map<String, Object>> list = new ArrayList<>();
    int ok = 0;
    for (EpisodeResult r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", r.scenario());
      m.put("success", r.success());
      m.put("duration_s", round(r.simSeconds()));
      List<Map<String, Object>> calls = new ArrayList<>();
      for (AffordanceCall c : r.calls()) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("skill", c.skill());
        cm.put("args", c.args());
        c.targetPixel().ifPresent(p -> cm.put("target_pixel", List.of(p.u(), p.v())));
        c.targetPoint().ifPresent(p -> cm.put("target_point", Map.of("frame_id", p.frameId(), "x", round(p.x()),
            "y", round(p.y()), "z", round(p.z()))));
        cm.put("confidence", c.confidence());
        cm.put("affordance", c.affordance());
        cm.put("t", round(c.stampNanos() / 1e9));
        calls.add(cm);
      }
      m.put("calls", calls);
      m.put("failure", r.success() ? null : r.verdict().failure());
      double stop = r.verdict().stopLatencySeconds();
      m.put("stop_latency_ms", Double.isNaN(stop) ? null : round(stop * 1000));
      m.put("ending", r.verdict().ending().name().toLowerCase(Locale.ROOT));
      m.put("wall_s", round(r.wallSeconds()));
      list.add(m);
      ok += r.success() ? 1 : 0;
    }
    root.put("scenarios", list);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("total", results.size());
    summary.put("succeeded", ok);
    summary.put("success_rate", results.isEmpty() ? 0.0 : round((double) ok / results.size()));
    root.put("summary", summary);
    Map<String, Object> categories = new LinkedHashMap<>();
    byCategory(results).forEach((k, v) -> categories.put(k, Map.of("succeeded", v[0], "total", v[1],
        "success_rate", round((double) v[0] / v[1]))));
    root.put("by_category", categories);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
