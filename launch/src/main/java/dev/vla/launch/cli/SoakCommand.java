package dev.vla.launch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vla.launch.UserError;
import dev.vla.launch.VlaHome;
import dev.vla.launch.soak.Soak;
import dev.vla.launch.soak.SoakPlot;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.scenario.ScenarioException;
import dev.vla.sim.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vla soak}: random scenarios, interruptions and faults back to back, watching for leaks and drift. */
@Command(name = "soak", mixinStandardHelpOptions = true,
    description = {
      "Run random scenarios back to back through the whole stack (lock step) for a while, with random",
      "interruptions (wait/continue, stop and say again) and faults (emergency stop, executor crash and restart,",
      "the robot's DDS peer lost, the model failing or stalling). Reports successes, failures with reasons,",
      "how fast the robot stopped after each fault, decision latency, heap after GC, resident memory, threads",
      "and open files over time, and whether any of them grows. Writes soak.json and soak.png."
    })
public final class SoakCommand implements Callable<Integer> {
  @Option(names = "--minutes", description = "How long to run (default: ${DEFAULT-VALUE}).")
  double minutes = 30;

  @Option(names = "--scenarios", paramLabel = "DIR", description = "Folders to draw scenarios from (repeatable). Default: scenarios/skeleton and scenarios/heldout.")
  List<Path> scenarios;

  @Option(names = "--policy", paramLabel = "NAME", description = "keyword (default), vla or oracle.")
  String policy = PolicyChoice.DEFAULT;

  @Option(names = "--seed", description = "Seed of the draws (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--sample-seconds", paramLabel = "S", description = "Sample resources and latency this often (default: ${DEFAULT-VALUE}).")
  double sampleSeconds = 60;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write soak.json and soak.png. Default: runs/soak_<time>/")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!(minutes > 0 && minutes <= 7 * 24 * 60)) {
      throw new UserError("--minutes must be in (0, 10080], got " + minutes);
    }
    if (!(sampleSeconds >= 1)) {
      throw new UserError("--sample-seconds must be at least 1, got " + sampleSeconds);
    }
    List<Path> dirs = scenarios != null ? scenarios
        : List.of(VlaHome.root().resolve("scenarios/skeleton"), VlaHome.root().resolve("scenarios/heldout"));
    List<Scenario> pool = new ArrayList<>();
    for (Path d : dirs) {
      try {
        pool.addAll(ScenarioLoader.loadAll(VlaHome.requireExisting(d, "scenario folder")));
      } catch (ScenarioException e) {
        throw new UserError(e.getMessage());
      }
    }
    if (pool.isEmpty()) {
      throw new UserError("no scenarios in " + dirs);
    }
    Path dir = out != null ? out : VlaHome.runs().resolve("soak_"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")));
    Files.createDirectories(VlaHome.requireWritable(dir, "the soak report"));
    PrintStream o = System.out;
    o.printf(Locale.ROOT, "vla soak: %.1f min, %d scenarios from %s, policy %s, seed %d%n", minutes, pool.size(), dirs,
        PolicyChoice.label(policy), seed);
    Soak.Result r = new Soak(new Soak.Settings(Duration.ofMillis(Math.round(minutes * 60_000)), pool,
        PolicyChoice.factory(policy), seed, Duration.ofMillis(Math.round(sampleSeconds * 1000))), o::println).run();
    Map<String, Object> summary = summarise(r, o);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("policy", policy);
    report.put("minutes", minutes);
    report.put("seed", seed);
    report.put("summary", summary);
    report.put("samples", r.samples());
    report.put("episodes", r.episodes());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("soak.json").toFile(), report);
    SoakPlot.write(r, dir.resolve("soak.png"));
    o.println("report: " + dir.resolve("soak.json") + ", plot: " + dir.resolve("soak.png"));
    return 0;
  }

  private static Map<String, Object> summarise(Soak.Result r, PrintStream o) {
    List<Soak.EpisodeRecord> eps = r.episodes();
    long ok = eps.stream().filter(Soak.EpisodeRecord::success).count();
    long crashed = eps.stream().filter(e -> !e.crash().isEmpty()).count();
    double sim = eps.stream().mapToDouble(Soak.EpisodeRecord::simSeconds).sum();
    o.printf(Locale.ROOT, "%n%d episodes in %.1f min (%.0f s of sim time): %d succeeded, %d failed, %d crashed%n",
        eps.size(), r.wallSeconds() / 60, sim, ok, eps.size() - ok - crashed, crashed);
    Map<String, Object> byCondition = new LinkedHashMap<>();
    o.println("success by condition:");
    condition(byCondition, o, "no interruption, no fault", eps.stream().filter(e -> e.interruptions().isEmpty() && e.faults().isEmpty()).toList());
    condition(byCondition, o, "interrupted (wait/stop)", eps.stream().filter(e -> !e.interruptions().isEmpty()).toList());
    for (String kind : List.of("emergency stop", "executor crash", "robot peer lost", "model failing", "model stalled")) {
      condition(byCondition, o, "fault: " + kind, eps.stream().filter(e -> e.faults().stream().anyMatch(f -> f.startsWith(kind))).toList());
    }
    Map<String, Long> reasons = eps.stream().filter(e -> !e.success())
        .collect(Collectors.groupingBy(e -> e.crash().isEmpty() ? firstClause(e.failure()) : "crashed: " + e.crash(),
            LinkedHashMap::new, Collectors.counting()));
    o.println("failures by reason:");
    reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
        .forEach(e -> o.printf(Locale.ROOT, "  %4d  %s%n", e.getValue(), e.getKey()));
    Map<String, Object> faults = faultStops(eps, o);
    r.decide().print(o);
    Map<String, Object> trends = trends(r.samples(), o);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("episodes", eps.size());
    s.put("succeeded", ok);
    s.put("crashed", crashed);
    s.put("sim_seconds", sim);
    s.put("wall_seconds", r.wallSeconds());
    s.put("success_by_condition", byCondition);
    s.put("failures_by_reason", reasons);
    s.put("fault_stops", faults);
    s.put("decide_ms", r.decide());
    s.put("trends", trends);
    return s;
  }

  private static void condition(Map<String, Object> out, PrintStream o, String name, List<Soak.EpisodeRecord> eps) {
    long ok = eps.stream().filter(Soak.EpisodeRecord::success).count();
    o.printf(Locale.ROOT, "  %-28s %4d/%-4d %s%n", name, ok, eps.size(),
        eps.isEmpty() ? "" : String.format(Locale.ROOT, "(%.0f%%)", 100.0 * ok / eps.size()));
    out.put(name, Map.of("episodes", eps.size(), "succeeded", ok));
  }

  private static String firstClause(String failure) {
    String f = failure == null ? "" : failure.replaceAll("\\(.*?\\)", "").trim();
    int semi = f.indexOf(';');
    return semi > 0 ? f.substring(0, semi) : f;
  }

  /** Per fault that must stop a moving robot: how many, and the slowest zero command and standstill. */
  private static Map<String, Object> faultStops(List<Soak.EpisodeRecord> eps, PrintStream o) {
    Map<String, List<Soak.FaultStop>> byKind = new LinkedHashMap<>();
    for (Soak.EpisodeRecord e : eps) {
      for (Soak.FaultStop f : e.stops()) {
        byKind.computeIfAbsent(f.fault(), k -> new ArrayList<>()).add(f);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    o.println("faults that must stop the robot (sim time from the fault):");
    for (var e : byKind.entrySet()) {
      List<Soak.FaultStop> moving = e.getValue().stream().filter(f -> !Double.isNaN(f.zeroCommandMs())).toList();
      double maxZero = moving.stream().mapToDouble(Soak.FaultStop::zeroCommandMs).max().orElse(Double.NaN);
      double maxRest = moving.stream().mapToDouble(Soak.FaultStop::atRestMs).max().orElse(Double.NaN);
      long neverRest = moving.stream().filter(f -> Double.isNaN(f.atRestMs())).count();
      o.printf(Locale.ROOT, "  %-28s %3d injected, %3d while moving: zero command within %.0f ms, base at rest within %.0f ms%s%n",
          e.getKey(), e.getValue().size(), moving.size(), maxZero, maxRest, neverRest > 0 ? ", " + neverRest + " never at rest" : "");
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("injected", e.getValue().size());
      m.put("while_moving", moving.size());
      m.put("max_zero_command_ms", maxZero);
      m.put("max_at_rest_ms", maxRest);
      m.put("never_at_rest", neverRest);
      out.put(e.getKey(), m);
    }
    return out;
  }

  /**
   * Growth between the first and the last third of the run, the first sample (start-up) left out:
   * heap after GC, resident memory, threads, open files, decision p99.
   */
  private static Map<String, Object> trends(List<Soak.Sample> samples, PrintStream o) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Soak.Sample> s = samples.size() > 1 ? samples.subList(1, samples.size()) : samples;
    if (s.size() < 3) {
      o.println("trends: too few samples (run longer or sample more often)");
      return out;
    }
    int third = Math.max(1, s.size() / 3);
    List<Soak.Sample> early = s.subList(0, third);
    List<Soak.Sample> late = s.subList(s.size() - third, s.size());
    o.println("trends (mean of the first third -> mean of the last third of the samples):");
    trend(out, o, "heap after GC, MB", early, late, x -> x.heapAfterGcMb(), 0.20, 16);
    trend(out, o, "resident memory, MB", early, late, x -> x.rssMb(), 0.20, 64);
    trend(out, o, "threads", early, late, x -> x.threads(), 0.0, 3);
    trend(out, o, "open files", early, late, x -> x.openFiles(), 0.0, 8);
    trend(out, o, "decision p99, ms", early, late, x -> Double.isNaN(x.decideP99Ms()) ? 0 : x.decideP99Ms(), 0.5, 20);
    return out;
  }

  private static void trend(Map<String, Object> out, PrintStream o, String name, List<Soak.Sample> early,
      List<Soak.Sample> late, java.util.function.ToDoubleFunction<Soak.Sample> f, double relative, double absolute) {
    double a = early.stream().mapToDouble(f).average().orElse(Double.NaN);
    double b = late.stream().mapToDouble(f).average().orElse(Double.NaN);
    boolean grows = b - a > Math.max(absolute, relative * Math.abs(a));
    o.printf(Locale.ROOT, "  %-22s %9.1f -> %9.1f  %s%n", name, a, b, grows ? "GROWS" : "steady");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("early", a);
    m.put("late", b);
    m.put("grows", grows);
    out.put(name, m);
  }
}
