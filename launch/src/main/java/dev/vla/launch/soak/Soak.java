package dev.vla.launch.soak;

import dev.vla.launch.bench.Percentiles;
import dev.vla.model.Decision;
import dev.vla.model.Observation;
import dev.vla.model.Policy;
import dev.vla.model.oracle.SceneTruth;
import dev.vla.ros.Topics;
import dev.vla.ros.episode.EpisodeResult;
import dev.vla.ros.episode.EpisodeRunner;
import dev.vla.ros.episode.Fault;
import dev.vla.ros.msg.Twist;
import dev.vla.ros.nodes.Node;
import dev.vla.ros.transport.Transport;
import dev.vla.sim.episode.Episode;
import dev.vla.sim.scenario.Say;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.scenario.Trigger;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Runs random scenarios back to back for a while, with random interruptions (wait/continue, stop and
 * say again) and random faults (emergency stop, executor crash, robot peer lost, model failing or
 * stalled), each through the whole stack in lock step. Samples heap (after a full collection),
 * resident memory, threads, open file handles and decision latency at a fixed interval, so leaks and
 * drift show as trends. Nothing an episode throws stops the soak: it is counted as a crash with its
 * message.
 */
public final class Soak {
  /**
   * Settings.
   *
   * @param length how long to run (wall time)
   * @param pool the scenarios to draw from
   * @param policy makes the policy of each episode
   * @param seed seeds the draws, sensor noise and lighting
   * @param sampleEvery resource and latency samples this often
   */
  public record Settings(Duration length, List<Scenario> pool, Function<Supplier<SceneTruth>, Policy> policy, long seed,
      Duration sampleEvery) {}

  /** How fast the robot stopped after a fault that must stop it, in sim milliseconds; NaN when it never moved. */
  public record FaultStop(String fault, double zeroCommandMs, double atRestMs) {}

  /** One episode. */
  public record EpisodeRecord(int index, double startedS, String scenario, List<String> interruptions, List<String> faults,
      boolean success, String failure, double simSeconds, double wallSeconds, List<FaultStop> stops, String crash) {}

  /** One sample of the process. */
  public record Sample(double t, int episodes, int succeeded, int crashes, long heapAfterGcMb, long rssMb, int threads,
      long openFiles, double decideP50Ms, double decideP99Ms, long decisions) {}

  /** Everything the soak saw. */
  public record Result(List<EpisodeRecord> episodes, List<Sample> samples, Percentiles decide, double wallSeconds) {}

  private final Settings settings;
  private final Consumer<String> progress;
  private final Histogram decideAll = Percentiles.histogram();
  private final Histogram decideInterval = Percentiles.histogram();

  public Soak(Settings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
  }

  public Result run() {
    List<EpisodeRecord> episodes = new ArrayList<>();
    List<Sample> samples = new ArrayList<>();
    long t0 = System.nanoTime();
    long end = t0 + settings.length().toNanos();
    long nextSample = t0;
    Random rng = new Random(settings.seed());
    int i = 0;
    while (System.nanoTime() < end) {
      if (System.nanoTime() >= nextSample) {
        Sample s = sample((System.nanoTime() - t0) / 1e9, episodes);
        samples.add(s);
        progress.accept(describe(s));
        nextSample += settings.sampleEvery().toNanos();
      }
      episodes.add(episode(i++, rng, (System.nanoTime() - t0) / 1e9));
    }
    Sample last = sample((System.nanoTime() - t0) / 1e9, episodes);
    samples.add(last);
    progress.accept(describe(last));
    return new Result(episodes, samples, Percentiles.of("decision (policy.decide, wall)", decideAll),
        (System.nanoTime() - t0) / 1e9);
  }

  private EpisodeRecord episode(int index, Random rng, double startedS) {
    Scenario base = settings.pool().get(rng.nextInt(settings.pool().size()));
    List<Say> says = new ArrayList<>(base.task().says());
    List<String> interruptions = new ArrayList<>();
    String firstText = says.isEmpty() ? null : says.get(0).text();
    double first = says.isEmpty() ? 0.5 : firstAt(says.get(0));
    if (firstText != null && rng.nextDouble() < 0.35) {
      double t = first + 1.0 + 3.0 * rng.nextDouble();
      if (rng.nextBoolean()) {
        double back = t + 0.5 + 1.5 * rng.nextDouble();
        says.add(new Say(says.size(), new Trigger.At(t), "wait", 0));
        says.add(new Say(says.size(), new Trigger.At(back), "continue", 0));
        interruptions.add(String.format(Locale.ROOT, "wait at %.1f s, continue at %.1f s", t, back));
      } else {
        says.add(new Say(says.size(), new Trigger.At(t), "stop", 0));
        says.add(new Say(says.size(), new Trigger.At(t + 1.0), firstText, 0));
        interruptions.add(String.format(Locale.ROOT, "stop at %.1f s, said again at %.1f s", t, t + 1.0));
      }
    }
    List<Fault> faults = new ArrayList<>();
    if (rng.nextDouble() < 0.5) {
      double t = first + 0.5 + 4.5 * rng.nextDouble();
      Fault f = switch (rng.nextInt(5)) {
        case 0 -> new Fault.EmergencyStop(t, 1.5);
        case 1 -> new Fault.ExecutorCrash(t, 0.5 + 1.5 * rng.nextDouble());
        case 2 -> new Fault.PeerLoss(t, 0.3 + 1.7 * rng.nextDouble());
        case 3 -> new Fault.ModelFailure(t, 0.5 + 1.5 * rng.nextDouble());
        default -> new Fault.SlowModel(t, 0.3, 1.2);
      };
      faults.add(f);
      if (f instanceof Fault.EmergencyStop && firstText != null) {
        says.add(new Say(says.size(), new Trigger.At(t + 2.0), firstText, 0)); // the operator asks again after the reset
      }
    }
    Scenario sc = base.withSays(says);
    MotionWatch[] watch = new MotionWatch[1];
    long wall0 = System.nanoTime();
    try {
      EpisodeRunner.Options options = EpisodeRunner.Options.evaluation(settings.seed() * 1_000_003L + index)
          .withFaults(faults).withModelTimeout(EpisodeRunner.MODEL_TIMEOUT);
      EpisodeResult r = EpisodeRunner.run(sc, truth -> new Timed(settings.policy().apply(truth)), options,
          new EpisodeRunner.Listener() {}, (transport, episode) -> {
            watch[0] = new MotionWatch(transport, episode);
            return List.of(watch[0]);
          });
      List<FaultStop> stops = new ArrayList<>();
      for (Fault f : faults) {
        // A robot link lost for less than the base's own command timeout plus braking need not stop it.
        boolean mustStop = f instanceof Fault.EmergencyStop || f instanceof Fault.ExecutorCrash
            || f instanceof Fault.PeerLoss l && l.duration() >= 1.0;
        if (mustStop) {
          stops.add(watch[0].stopAfter(f.kind(), f.at()));
        }
      }
      return new EpisodeRecord(index, startedS, sc.name(), interruptions, faults.stream().map(this::label).toList(),
          r.success(), r.success() ? "" : r.verdict().failure(), r.simSeconds(), (System.nanoTime() - wall0) / 1e9, stops, "");
    } catch (RuntimeException | Error e) {
      if (e instanceof OutOfMemoryError) {
        throw (OutOfMemoryError) e; // nothing sensible to measure after this
      }
      return new EpisodeRecord(index, startedS, sc.name(), interruptions, faults.stream().map(this::label).toList(), false,
          "crashed", 0, (System.nanoTime() - wall0) / 1e9, List.of(), e.toString());
    }
  }

  private String label(Fault f) {
    return String.format(Locale.ROOT, "%s: %s at %.1f s", f.kind(), f.describe(), f.at());
  }

  private static double firstAt(Say s) {
    return s.trigger() instanceof Trigger.At at ? at.seconds() : 0.5;
  }

  private Sample sample(double t, List<EpisodeRecord> episodes) {
    System.gc(); // heap after a full collection: growth then means objects kept, not garbage not yet collected
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    Histogram h;
    synchronized (decideInterval) {
      h = decideInterval.copy();
      decideInterval.reset();
    }
    long n = h.getTotalCount();
    return new Sample(t, episodes.size(), (int) episodes.stream().filter(EpisodeRecord::success).count(),
        (int) episodes.stream().filter(e -> !e.crash().isEmpty()).count(), heap, rssMb(),
        ManagementFactory.getThreadMXBean().getThreadCount(), openFiles(),
        n == 0 ? Double.NaN : h.getValueAtPercentile(50) / 1000.0, n == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1000.0, n);
  }

  private static String describe(Sample s) {
    return String.format(Locale.ROOT, "[%5.0f s] %d episodes (%d ok, %d crashed) | decide p50 %.1f ms p99 %.1f ms (n=%d) | heap %d MB, RSS %d MB | threads %d, open files %d",
        s.t(), s.episodes(), s.succeeded(), s.crashes(), s.decideP50Ms(), s.decideP99Ms(), s.decisions(), s.heapAfterGcMb(),
        s.rssMb(), s.threads(), s.openFiles());
  }

  /** Resident set size of this process from /proc, in MB; -1 where there is no /proc. */
  static long rssMb() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
      return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) >> 10).orElse(-1L);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Open file descriptors of this process; -1 where there is no /proc. */
  static long openFiles() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The policy, with each decision's wall time recorded. */
  private final class Timed implements Policy {
    private final Policy inner;

    Timed(Policy inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public void reset() {
      inner.reset();
    }

    @Override
    public Decision decide(Observation observation) {
      long t = System.nanoTime();
      try {
        return inner.decide(observation);
      } finally {
        long micros = Math.max(0, (System.nanoTime() - t) / 1000);
        synchronized (decideInterval) {
          decideInterval.recordValue(Math.min(micros, decideInterval.getHighestTrackableValue()));
          decideAll.recordValue(Math.min(micros, decideAll.getHighestTrackableValue()));
        }
      }
    }

    @Override
    public void dropQueued() {
      inner.dropQueued();
    }

    @Override
    public boolean readsGroundTruth() {
      return inner.readsGroundTruth();
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  /** What went out on /cmd_vel and how fast the simulated base moved, in sim time. */
  static final class MotionWatch extends Node {
    private final Episode episode;
    private final List<double[]> commands = new ArrayList<>(); // {t, 1 if zero}
    private final List<double[]> speed = new ArrayList<>();

    MotionWatch(Transport t, Episode episode) {
      super("soak_watch", t);
      this.episode = episode;
      subscribeImmediate(Topics.CMD_VEL, (Twist m) -> commands.add(new double[] {episode.sim().time(),
          m.linear().x() == 0 && m.angular().z() == 0 ? 1 : 0}));
    }

    @Override
    public Duration period() {
      return hz(50);
    }

    @Override
    protected void onTick(long nowNanos) {
      var s = episode.sim().robotState();
      speed.add(new double[] {episode.sim().time(), Math.abs(s.linearVelocity()) + Math.abs(s.angularVelocity())});
    }

    /**
     * After a fault at {@code at} with the base moving: how long until the commanded velocity (the
     * newest /cmd_vel) was zero, and until the base stood still.
     */
    FaultStop stopAfter(String fault, double at) {
      boolean moving = speed.stream().anyMatch(s -> Math.abs(s[0] - at) < 0.03 && s[1] > 0.02);
      if (!moving) {
        return new FaultStop(fault, Double.NaN, Double.NaN);
      }
      // The command in force when the fault struck (none yet: zero), then the first zero one after it.
      boolean zeroBefore = true;
      double zero = Double.NaN;
      for (double[] c : commands) {
        if (c[0] < at) {
          zeroBefore = c[1] == 1;
        } else if (c[1] == 1) {
          zero = c[0];
          break;
        }
      }
      if (zeroBefore) {
        zero = at;
      }
      double rest = Double.NaN;
      for (double[] s : speed) {
        if (s[0] >= at && s[1] <= 1e-9) {
          rest = s[0];
          break;
        }
      }
      return new FaultStop(fault, (zero - at) * 1000, (rest - at) * 1000);
    }
  }
}
