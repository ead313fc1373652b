package dev.vla.ros.episode;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Executor;
import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.SkillStatus;
import dev.vla.affordances.safety.SafetyLimits;
import dev.vla.affordances.skills.Skills;
import dev.vla.model.Policy;
import dev.vla.model.oracle.SceneTruth;
import dev.vla.ros.dds.DdsSettings;
import dev.vla.ros.dds.DdsTransport;
import dev.vla.ros.nodes.DiagnosticsNode;
import dev.vla.ros.nodes.ExecutorNode;
import dev.vla.ros.nodes.LockstepRunner;
import dev.vla.ros.nodes.Node;
import dev.vla.ros.nodes.SafetyNode;
import dev.vla.ros.nodes.SimBridgeNode;
import dev.vla.ros.nodes.SimTruth;
import dev.vla.ros.nodes.SpeechNode;
import dev.vla.ros.nodes.VlaNode;
import dev.vla.ros.transport.InMemoryTransport;
import dev.vla.ros.transport.SeverableTransport;
import dev.vla.ros.transport.Transport;
import dev.vla.sim.episode.Episode;
import dev.vla.sim.episode.Verdict;
import dev.vla.sim.render.Renderer;
import dev.vla.sim.render.RgbdFrame;
import dev.vla.sim.scenario.Model;
import dev.vla.sim.scenario.Region;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.world.Simulator;
import dev.vla.speech.SpeechStage;
import dev.vla.speech.Synthesiser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one scenario through the whole stack: the simulator as a robot, the vla node with a policy, and
 * the executor, all talking over topics, spun in lock step (deterministic, faster than real time) or
 * paced to the wall clock. The scenario's utterances and events are delivered when due; the episode
 * ends on {@code done}, {@code ask} or the timeout, and is then judged.
 */
public final class EpisodeRunner {
  /**
   * Run settings.
   *
   * @param seed seeds sensor noise and lighting
   * @param cameraHz camera rate (lower in evaluation: decisions only need a fresh frame)
   * @param sensorNoise camera noise and lighting jitter
   * @param realTime pace to the wall clock
   * @param dds put the nodes on a real ROS 2 graph with these settings; null keeps topics in memory,
   *     which is deterministic and what evaluation uses
   * @param speech speak the utterances into the speech stage instead of typing them; null types
   * @param modelTimeout wall time a decision may take before the robot is stopped (zero: none)
   * @param faults faults to inject, beside the scenario's own events
   */
  public record Options(long seed, double cameraHz, boolean sensorNoise, boolean realTime, DdsSettings dds,
      Speech speech, java.time.Duration modelTimeout, List<Fault> faults) {
    public Options {
      faults = List.copyOf(faults);
    }

    /** Lock step in memory, the camera at 10 Hz; the world waits for every decision. */
    public static Options evaluation(long seed) {
      return new Options(seed, 10, true, false, null, null, java.time.Duration.ZERO, List.of());
    }

    /** Real time over DDS (ROS_DOMAIN_ID), the camera at 15 Hz: what {@code ./vla run} does. */
    public static Options live(long seed) {
      return new Options(seed, 15, true, true, DdsSettings.defaults(), null, MODEL_TIMEOUT, List.of());
    }

    public Options withSpeech(Speech s) {
      return new Options(seed, cameraHz, sensorNoise, realTime, dds, s, modelTimeout, faults);
    }

    /** Injects these faults. */
    public Options withFaults(List<Fault> f) {
      return new Options(seed, cameraHz, sensorNoise, realTime, dds, speech, modelTimeout, f);
    }

    /**
     * Abandons decisions that take longer (wall time). In lock step the world waits for the model,
     * so a timeout there only matters to test it: a slow first decision (JIT, library loading) would
     * otherwise change the episode.
     */
    public Options withModelTimeout(java.time.Duration t) {
      return new Options(seed, cameraHz, sensorNoise, realTime, dds, speech, t, faults);
    }
  }

  /**
   * Spoken utterances.
   *
   * @param voice the simulated person's voice
   * @param stage the speech stage that listens (owned by the caller: it takes seconds to load, so
   *     episodes share one; it is reset at the start of each)
   */
  public record Speech(Synthesiser.Voice voice, SpeechStage stage) {}

  /** The ROS 2 node name of the whole controller when it runs in one process. */
  public static final String NODE_NAME = "vla_controller";

  /** What an observer hears while the episode runs, with the sim time in seconds; called on the runner thread. */
  public interface Listener {
    default void line(double t, String text) {}

    default void call(double t, AffordanceCall call, String explanation) {}

    default void status(double t, SkillStatus status) {}
  }

  /** Makes extra nodes (recorders, debug views) that join the run; they tick after the stack. */
  public interface Extras extends BiFunction<Transport, Episode, List<Node>> {}

  private static final long STEP_NANOS = 20_000_000L;
  /** How long a real-time decision may take before the robot is stopped and the node decides again. */
  public static final java.time.Duration MODEL_TIMEOUT = java.time.Duration.ofSeconds(1);
  /** How far beyond the scenario's furthest model, region or start pose the geofence lies. */
  static final double WORKSPACE_MARGIN = 2.0;

  private EpisodeRunner() {}

  /** The supervisor's defaults with the geofence around the scenario's world: what a site survey would give. */
  public static SafetyLimits safetyLimits(Scenario scenario) {
    double[] box = {scenario.robotStart().x(), scenario.robotStart().y(), scenario.robotStart().x(), scenario.robotStart().y()};
    for (Model m : scenario.models()) {
      grow(box, m.pose().x(), m.pose().y());
    }
    for (Region r : scenario.regions()) {
      grow(box, r.cx() - r.width() / 2, r.cy() - r.height() / 2);
      grow(box, r.cx() + r.width() / 2, r.cy() + r.height() / 2);
    }
    return SafetyLimits.defaults(RobotGeometry.standard()).withGeofence(new double[] {box[0] - WORKSPACE_MARGIN,
        box[1] - WORKSPACE_MARGIN, box[2] + WORKSPACE_MARGIN, box[3] + WORKSPACE_MARGIN});
  }

  private static void grow(double[] box, double x, double y) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }

  public static EpisodeResult run(Scenario scenario, Function<Supplier<SceneTruth>, Policy> policyFactory,
      Options options, Listener listener, Extras extras) {
    Simulator sim = new Simulator(scenario, new Simulator.Config(options.seed(), 0.01, 0.5, options.sensorNoise()));
    Episode episode = new Episode(sim);
    Renderer truthRenderer = new Renderer(sim.camera());
    RgbdFrame truthFrame = new RgbdFrame(sim.camera().width(), sim.camera().height());
    Supplier<SceneTruth> truth = () -> new SimTruth(episode, truthRenderer, truthFrame);
    List<AffordanceCall> calls = new ArrayList<>();
    Map<String, double[]> regions = new LinkedHashMap<>();
    for (Region r : scenario.regions()) {
      regions.put(r.name(), new double[] {r.cx(), r.cy()});
    }
    long wall0 = System.nanoTime();
    try (Transport transport = options.dds() != null ? new DdsTransport(NODE_NAME, options.dds()) : new InMemoryTransport();
        Policy policy = policyFactory.apply(truth)) {
      Speech speech = options.speech();
      VlaNode.Config vlaConfig = VlaNode.Config.defaults(regions).withModelTimeout(options.modelTimeout());
      FaultyPolicy model = new FaultyPolicy(policy);
      SeverableTransport robotLink = new SeverableTransport(transport);
      SeverableTransport executorLink = new SeverableTransport(transport);
      SimBridgeNode simNode = new SimBridgeNode(robotLink, episode, new SimBridgeNode.Config(options.cameraHz(),
          speech == null ? null : speech.voice(), options.seed()), text -> listener.line(sim.time(), text));
      VlaNode vla = new VlaNode(transport, options.faults().isEmpty() ? policy : model, vlaConfig, e -> {
        if (e.call().isPresent() && e.kind().equals("call")) {
          calls.add(e.call().get());
          listener.call(sim.time(), e.call().get(), e.text());
        } else {
          listener.line(sim.time(), "vla: " + e.text());
        }
      });
      Function<Transport, ExecutorNode> executors = t -> new ExecutorNode(t, Skills.standardRegistry(),
          RobotGeometry.standard(), Executor.Config.defaults(), s -> listener.status(sim.time(), s));
      ExecutorNode executor = executors.apply(executorLink);
      SafetyNode safety = new SafetyNode(transport, safetyLimits(scenario), RobotGeometry.standard(),
          text -> listener.line(sim.time(), text));
      List<Node> nodes = new ArrayList<>(List.of(simNode, vla, executor, safety));
      if (speech != null) {
        speech.stage().reset();
        nodes.add(new SpeechNode(transport, speech.stage(), text -> listener.line(sim.time(), text)));
      }
      nodes.add(new DiagnosticsNode(transport, List.copyOf(nodes), NODE_NAME));
      if (extras != null) {
        nodes.addAll(extras.apply(transport, episode));
      }
      FaultInjector faults = null;
      if (!options.faults().isEmpty()) {
        faults = new FaultInjector(transport, options.faults(), sim::time, text -> listener.line(sim.time(), text), model,
            robotLink, executorLink, executor, executors);
        nodes.add(faults);
      }
      try {
        LockstepRunner runner = new LockstepRunner(nodes, STEP_NANOS);
        if (faults != null) {
          faults.runOn(runner);
        }
        long limit = Math.round((scenario.task().timeoutSeconds() + 1.0) * 1e9);
        runner.runUntil(episode::finished, limit, options.realTime());
      } catch (InterruptedException e) {
        // The operator stopped the run (Ctrl-C): close the nodes, so the executor stops the robot and
        // publishes zero velocity last, and report the episode as it stands.
        listener.line(sim.time(), "interrupted: stopping the robot");
      } finally {
        if (faults != null) {
          faults.closeRestarted();
          if (model.overlaps() > 0) {
            listener.line(sim.time(), "faults: the policy was reset while a decision ran on it, " + model.overlaps()
                + " times (it is not thread-safe)");
          }
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
          nodes.get(i).close();
        }
      }
      Verdict verdict = episode.judge();
      return new EpisodeResult(scenario.name(), policy.name(), verdict, calls, episode.endTime(),
          (System.nanoTime() - wall0) / 1e9);
    }
  }
}
