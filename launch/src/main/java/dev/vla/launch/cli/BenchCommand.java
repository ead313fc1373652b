package dev.vla.launch.cli;

import dev.vla.launch.UserError;
import dev.vla.launch.VlaHome;
import dev.vla.launch.bench.EpisodeBench;
import dev.vla.launch.bench.InferenceBench;
import dev.vla.launch.bench.LiveStackBench;
import dev.vla.launch.bench.Percentiles;
import dev.vla.launch.bench.PipelineBench;
import dev.vla.launch.bench.RenderBench;
import dev.vla.launch.bench.SpeechSetBench;
import dev.vla.launch.bench.SpokenBench;
import dev.vla.launch.bench.TransportBench;
import dev.vla.ros.dds.DdsSettings;
import dev.vla.model.vla.InferenceConfig;
import dev.vla.model.vla.VlaPolicy;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.scenario.ScenarioException;
import dev.vla.sim.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vla bench}: latency benchmarks; each prints percentiles. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmarks; each prints percentiles. Figures are kept in docs/benchmarks.md.",
        "Close other heavy programs first: these are timings on this machine."},
    subcommands = {BenchCommand.Inference.class, BenchCommand.Render.class, BenchCommand.Executor.class,
        BenchCommand.Stop.class, BenchCommand.Episode.class, BenchCommand.Transport.class,
        BenchCommand.Pipeline.class, BenchCommand.Speech.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Scenario load(Path file) {
    try {
      return ScenarioLoader.load(VlaHome.requireExisting(file != null ? file : VlaHome.defaultScenario(), "scenario"));
    } catch (ScenarioException e) {
      throw new UserError(e.getMessage());
    }
  }

  static void header(PrintStream out, String what) {
    out.println("vla bench " + what + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
  }

  /** Model inference latency, Java ONNX Runtime against PyTorch eager. */
  @Command(name = "inference", mixinStandardHelpOptions = true,
      description = {"Batch-1 latency of the vla model in ONNX Runtime Java (target p99 <= 15 ms on 2 CPU cores),",
          "pre-processing and a whole decision on a camera frame of the demo scenario, and the same model in",
          "PyTorch eager on the same inputs (needs python3-torch and the model's vla.pt)."})
  static final class Inference implements Callable<Integer> {
    @Option(names = "--iterations", description = "Runs to time (default: ${DEFAULT-VALUE}).")
    int iterations = 2000;

    @Option(names = "--threads", description = "Intra-op threads for both engines (default: ${DEFAULT-VALUE}).")
    int threads = 2;

    @Option(names = "--provider", description = "cpu, cuda or tensorrt (default: ${DEFAULT-VALUE}).")
    String provider = "cpu";

    @Option(names = "--precision", description = "fp32 or fp16 (default: ${DEFAULT-VALUE}; fp16 times vla-fp16.onnx "
        + "on the CPU and CUDA, a half-precision engine on TensorRT).")
    String precision = "fp32";

    @Option(names = "--model", paramLabel = "DIR", description = "Model folder (default: vla-model/model).")
    Path model;

    @Override
    public Integer call() throws Exception {
      header(System.out, "inference");
      Path dir = model != null ? model : VlaHome.root().resolve("vla-model/model");
      InferenceConfig defaults = InferenceConfig.defaults();
      InferenceConfig config;
      try {
        config = new InferenceConfig(Optional.of(dir), provider, threads, defaults.minConfidence(),
            defaults.minAffordance(), precision);
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      }
      VlaPolicy policy;
      try {
        policy = VlaPolicy.load(config);
      } catch (VlaPolicy.ModelUnavailableException e) {
        throw new UserError(e.getMessage());
      }
      try (policy) {
        var r = InferenceBench.run(policy, load(null), iterations, dir, VlaHome.root().resolve("vla-model/training"),
            threads);
        System.out.printf(Locale.ROOT, "model: %s, %.1f MB, %s%n", dir.resolve(config.modelFile()),
            Files.size(dir.resolve(config.modelFile())) / 1e6, config.precision());
        r.onnx().print(System.out);
        r.preprocess().print(System.out);
        r.decision().print(System.out);
        if (r.torch() != null) {
          double p50 = r.torch().path("p50_ms").asDouble();
          double p99 = r.torch().path("p99_ms").asDouble();
          System.out.printf(Locale.ROOT, "%-44s n=%-6d p50 %7.3f ms  p99 %7.3f ms%n", "PyTorch eager, batch 1", iterations,
              p50, p99);
          System.out.printf(Locale.ROOT, "ONNX Runtime is %.1fx faster than PyTorch eager at p50, %.1fx at p99%n",
              p50 / r.onnx().p50(), p99 / r.onnx().p99());
        }
        System.out.println(r.torchNote());
        System.out.printf(Locale.ROOT, "resident memory of this process: %.0f MB%n", r.residentBytes() / 1e6);
      }
      return 0;
    }
  }

  /** Renders the head camera. */
  @Command(name = "render", mixinStandardHelpOptions = true,
      description = "Render VGA RGB-D frames of a scenario (target p99 <= 10 ms).")
  static final class Render implements Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario to render (default: the demo).")
    Path scenario;

    @Option(names = "--frames", description = "Frames to time (default: ${DEFAULT-VALUE}).")
    int frames = 2000;

    @Override
    public Integer call() {
      header(System.out, "render");
      RenderBench.run(load(scenario), frames).forEach(p -> p.print(System.out));
      return 0;
    }
  }

  /** Executor control-loop jitter with the live stack. */
  @Command(name = "executor", mixinStandardHelpOptions = true,
      description = {"Run the whole stack live (one thread per node, wall clock) and measure the executor's",
          "50 Hz tick lateness while the robot works (target jitter p99 <= 2 ms)."})
  static final class Executor implements Callable<Integer> {
    @Option(names = "--seconds", description = "How long to run (default: ${DEFAULT-VALUE}).")
    double seconds = 30;

    @Override
    public Integer call() throws Exception {
      header(System.out, "executor");
      LiveStackBench.Result r = LiveStackBench.run(load(null), seconds, 0);
      r.executorJitter().print(System.out);
      r.simJitter().print(System.out);
      return 0;
    }
  }

  /** Typed stop latency. */
  @Command(name = "stop", mixinStandardHelpOptions = true,
      description = {"Type \"stop\" on /vla/instruction while the robot drives and time it until the executor",
          "publishes a zero /cmd_vel (target p99 <= 20 ms); then say \"stop\" into /audio/audio (real time, 20 ms",
          "chunks) while it drives and time it from the end of the word (target p95 <= 250 ms)."})
  static final class Stop implements Callable<Integer> {
    @Option(names = "--stops", description = "Typed stops to time (default: ${DEFAULT-VALUE}).")
    int stops = 100;

    @Option(names = "--spoken", description = "Spoken stops to time; 0 skips them (default: ${DEFAULT-VALUE}).")
    int spoken = 30;

    @Option(names = "--voice", paramLabel = "ENGINE:NAME[:WPM]", description = "Voice of the spoken stops (default: ${DEFAULT-VALUE}).")
    String voice = SpeechSetup.DEFAULT_VOICE.toString();

    @Option(names = "--transport", paramLabel = "KIND", description = {"in-memory (default): the stack's own topics;",
        "dds: the stop typed by another ROS 2 participant and the zero /cmd_vel seen there."})
    String transport = "in-memory";

    @Override
    public Integer call() throws Exception {
      if (!transport.equals("in-memory") && !transport.equals("dds")) {
        throw new UserError("--transport must be in-memory or dds");
      }
      header(System.out, "stop (" + transport + ")");
      LiveStackBench.Result r = LiveStackBench.run(load(null), 0, stops,
          transport.equals("dds") ? DdsFromEnvironment.read() : null);
      r.typedStop().print(System.out);
      if (r.stopsMissed() > 0) {
        System.out.println("STOPS WITHOUT A ZERO COMMAND within 200 ms: " + r.stopsMissed());
      }
      r.executorJitter().print(System.out);
      if (spoken > 0) {
        Scenario demo = load(null);
        try (SpeechSetup speech = SpeechSetup.load(voice, List.of(demo), System.out)) {
          SpokenBench.Result s = SpokenBench.run(demo, speech.speech().stage(), speech.speech().voice(), spoken);
          s.spokenStop().print(System.out);
          System.out.println("spoken stops that brought no zero /cmd_vel within 1.5 s: " + s.missedStops()
              + "; instructions not acted on within 3 s: " + s.missedInstructions());
        }
      }
      return 0;
    }
  }

  /** The speech stage: test-set accuracy, live latency, real-time factor and memory. */
  @Command(name = "speech", mixinStandardHelpOptions = true,
      description = {"The speech test set (command forms x synthetic voices x clean / 20 dB / 10 dB SNR) through the",
          "speech stage: command accuracy, word error rate, false stops, real-time factor; noise-only clips; then",
          "the live stack: end of a spoken instruction -> first motion command (target p95 <= 500 ms); resident memory."})
  static final class Speech implements Callable<Integer> {
    @Option(names = "--utterances", description = "Utterances per voice and noise level (default: ${DEFAULT-VALUE}).")
    int utterances = 54;

    @Option(names = "--voices", split = ",", paramLabel = "V,V", description = "Voices, ENGINE:NAME[:WPM] (default: 4 flite and 4 espeak-ng voices).")
    List<String> voices = SpeechSetBench.DEFAULT_VOICES;

    @Option(names = "--trials", description = "Live instruction trials; 0 skips them (default: ${DEFAULT-VALUE}).")
    int trials = 20;

    @Option(names = "--errors", description = "List every utterance the stage got wrong.")
    boolean errors;

    @Option(names = "--seed", description = "Seed of the test set (default: ${DEFAULT-VALUE}).")
    long seed = 11;

    @Override
    public Integer call() throws Exception {
      if (utterances < 0 || utterances > 10_000 || trials < 0 || trials > 1000) {
        throw new UserError("--utterances must be 0..10000 and --trials 0..1000");
      }
      header(System.out, "speech");
      Scenario demo = load(null);
      try (SpeechSetup speech = SpeechSetup.load(SpeechSetup.DEFAULT_VOICE.toString(), List.of(demo), System.out)) {
        long rssLoaded = InferenceBench.residentBytes();
        if (utterances > 0) {
          try {
            SpeechSetBench.run(speech.speech().stage(), voices, utterances, seed, errors, System.out);
          } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
          }
          SpeechSetBench.noiseOnly(speech.speech().stage(), 20, System.out);
        }
        if (trials > 0) {
          SpokenBench.Result r = SpokenBench.run(demo, speech.speech().stage(), speech.speech().voice(), trials);
          r.instructionToMotion().print(System.out);
          System.out.println("instructions not acted on within 3 s: " + r.missedInstructions());
        }
        System.out.printf(Locale.ROOT, "resident memory: %.0f MB with the speech stage loaded, %.0f MB at the end%n",
            rssLoaded / 1e6, InferenceBench.residentBytes() / 1e6);
      }
      return 0;
    }
  }

  /** DDS transport of camera frames. */
  @Command(name = "transport", mixinStandardHelpOptions = true,
      description = {"VGA rgb8 frames at 30 Hz over DDS from one participant to another: publish -> subscriber callback",
          "latency and lost frames (target p99 <= 5 ms, nothing lost). Measured with both participants in one JVM",
          "and with the subscriber in a separate process."})
  static final class Transport implements Callable<Integer> {
    @Option(names = "--frames", description = "Frames to send in each run (default: ${DEFAULT-VALUE}).")
    int frames = 900;

    @Option(names = "--rate", description = "Frames per second (default: ${DEFAULT-VALUE}).")
    double rate = 30;

    @Option(names = "--sink", paramLabel = "SECONDS", hidden = true, description = "Run as the subscriber process.")
    Double sink;

    @Override
    public Integer call() throws Exception {
      if (frames < 1 || frames > 1_000_000 || !(rate > 0 && rate <= 1000)) {
        throw new UserError("--frames must be 1..1000000 and --rate 0..1000 per second");
      }
      if (sink != null) {
        TransportBench.sink(DdsFromEnvironment.read(), sink, frames, System.out);
        return 0;
      }
      header(System.out, "transport");
      DdsSettings dds = DdsFromEnvironment.read();
      TransportBench.inProcess(dds, 640, 480, rate, frames).print(System.out);
      TransportBench.crossProcess(dds, 640, 480, rate, frames).print(System.out);
      Percentiles.of("publish call (serialise + hand to DDS)", TransportBench.PUBLISH_MICROS).print(System.out);
      return 0;
    }
  }

  /** Frame to call over DDS. */
  @Command(name = "pipeline", mixinStandardHelpOptions = true,
      description = {"Camera frame published -> affordance call received, with the simulated robot on one DDS participant",
          "and the vla and executor nodes on another (target p99 <= 50 ms). Each trial lets one fresh frame through",
          "after an instruction and times the call that answers it."})
  static final class Pipeline implements Callable<Integer> {
    @Option(names = "--trials", description = "Decisions to time (default: ${DEFAULT-VALUE}).")
    int trials = 100;

    @Option(names = "--policy", description = "Policy: vla (default) or keyword.")
    String policy = "vla";

    @Option(names = "--say", paramLabel = "TEXT", description = "Instruction to decide on (default: ${DEFAULT-VALUE}).")
    String instruction = "pick up the red cube";

    @Override
    public Integer call() throws Exception {
      if (trials < 1 || trials > 100_000) {
        throw new UserError("--trials must be 1..100000");
      }
      if (!policy.equals("vla") && !policy.equals("keyword")) {
        throw new UserError("--policy must be vla or keyword: the pipeline bench times what runs on a robot");
      }
      header(System.out, "pipeline");
      Scenario sc = load(null);
      try (dev.vla.model.Policy p = PolicyChoice.factory(policy).apply(null)) {
        PipelineBench.Result r = PipelineBench.run(DdsFromEnvironment.read(), sc, p, instruction, trials);
        r.latency().print(System.out);
        if (r.unanswered() > 0) {
          System.out.println("trials without a call within 3 s: " + r.unanswered());
        }
      }
      return 0;
    }
  }

  /** Whole episodes, sim time against wall time. */
  @Command(name = "episode", mixinStandardHelpOptions = true,
      description = "Run scenarios in lock step and compare sim time with wall time (eval runs faster than real time).")
  static final class Episode implements Callable<Integer> {
    @Option(names = "--scenarios", paramLabel = "DIR", description = "Scenario folder (default: scenarios/skeleton).")
    Path dir;

    @Option(names = "--policy", description = "Policy (default: ${DEFAULT-VALUE}).")
    String policy = PolicyChoice.DEFAULT;

    @Option(names = "--limit", description = "At most this many scenarios (default: ${DEFAULT-VALUE}).")
    int limit = 10;

    @Override
    public Integer call() throws Exception {
      header(System.out, "episode");
      try (dev.vla.model.Policy check = PolicyChoice.factory(policy).apply(() -> null)) {
        check.name(); // a missing model is one clear line before any episode runs
      }
      List<Scenario> set;
      try {
        set = ScenarioLoader.loadAll(VlaHome.requireExisting(dir != null ? dir : VlaHome.defaultScenarioSet(), "folder"));
      } catch (ScenarioException e) {
        throw new UserError(e.getMessage());
      }
      List<EpisodeBench.Row> rows = EpisodeBench.run(set.subList(0, Math.min(limit, set.size())), policy);
      double sim = 0;
      double wall = 0;
      for (EpisodeBench.Row r : rows) {
        System.out.printf(Locale.ROOT, "%-24s %-7s sim %6.1f s  wall %5.2f s  %5.1fx real time%n", r.scenario(),
            r.success() ? "ok" : "FAILED", r.simSeconds(), r.wallSeconds(), r.speedup());
        sim += r.simSeconds();
        wall += r.wallSeconds();
      }
      System.out.printf(Locale.ROOT, "total: %.1f s of sim time in %.1f s of wall time: %.1fx real time (one job, %s)%n",
          sim, wall, sim / wall, policy);
      return 0;
    }
  }

}
