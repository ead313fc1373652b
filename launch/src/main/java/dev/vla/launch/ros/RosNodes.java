package dev.vla.launch.ros;

import dev.vla.affordances.Executor;
import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.safety.SafetyLimits;
import dev.vla.affordances.skills.Skills;
import dev.vla.launch.VlaHome;
import dev.vla.model.Policies;
import dev.vla.model.Policy;
import dev.vla.model.vla.InferenceConfig;
import dev.vla.model.vla.VlaPolicy;
import dev.vla.ros.Topics;
import dev.vla.ros.nodes.AudioSourceNode;
import dev.vla.ros.nodes.CameraNode;
import dev.vla.ros.nodes.ExecutorNode;
import dev.vla.ros.nodes.Node;
import dev.vla.ros.nodes.SafetyNode;
import dev.vla.ros.nodes.SimBridgeNode;
import dev.vla.ros.nodes.SpeechNode;
import dev.vla.ros.nodes.VlaNode;
import dev.vla.ros.transport.Transport;
import dev.vla.sim.episode.Episode;
import dev.vla.sim.scenario.Region;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.scenario.ScenarioException;
import dev.vla.sim.scenario.ScenarioLoader;
import dev.vla.sim.world.Simulator;
import dev.vla.speech.CommandGrammar;
import dev.vla.speech.SpeechStage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The controller's nodes by name, built from their ROS parameters. Each can run alone
 * ({@code vla node NAME}) or several in one process ({@code vla launch}).
 *
 * <ul>
 *   <li>{@code sim}: the embedded simulator as a robot. Parameters: {@code scenario} (file),
 *       {@code camera_rate} (Hz, default 15), {@code seed}.
 *   <li>{@code vla}: the policy. Parameters: {@code policy} ({@code vla} or {@code keyword}),
 *       {@code scenario} (optional: a scenario file whose named regions {@code navigate} may use),
 *       {@code model_timeout} (seconds a decision may take before the robot is stopped; 1, 0 = none).
 *   <li>{@code executor}: runs the skills; its commands reach the actuators through the safety
 *       supervisor ({@link SafetyNode}), which runs in the same process on its own thread. Parameters
 *       {@code safety.*}: see {@link #safetyLimits}.
 *   <li>{@code camera}: a colour camera through OpenCV. Parameters: {@code device} (index, path, video
 *       file or URL; required), {@code rate} (Hz, 15), {@code width} (0: as delivered), {@code hfov}
 *       (radians, 1.2), {@code frame_id}.
 *   <li>{@code speech}: {@code /audio/audio} to {@code /vla/instruction}. Parameters: {@code places}
 *       (comma-separated names the robot can go to; default: common rooms), {@code scenario}
 *       (optional: its regions become places).
 *   <li>{@code audio}: publishes {@code /audio/audio}. Parameters: {@code device} ({@code default}:
 *       the computer's microphone; or a WAV file, played once).
 * </ul>
 */
public final class RosNodes {
  public static final List<String> NAMES = List.of("sim", "vla", "executor", "camera", "speech", "audio");

  private RosNodes() {}

  /**
   * Builds node {@code kind}.
   *
   * @throws IllegalArgumentException for an unknown node or a bad parameter, with the reason
   */
  public static List<Node> create(String kind, Transport transport, RosParams params, Consumer<String> log) {
    if (kind.equals("executor")) {
      // The executor never drives the actuators itself: its safety supervisor runs beside it, on its own thread.
      SafetyLimits limits = safetyLimits(params);
      return List.of(new ExecutorNode(transport, Skills.standardRegistry(), RobotGeometry.standard(),
          Executor.Config.defaults(), s -> log.accept("executor: " + s)),
          new SafetyNode(transport, limits, RobotGeometry.standard(), log));
    }
    return List.of(createOne(kind, transport, params, log));
  }

  /**
   * The {@code safety.*} parameters of the executor node: speed and acceleration limits, the geofence
   * ({@code "xmin,ymin,xmax,ymax"} in metres in {@code map}, or {@code ""} for none) and the deadlines.
   */
  static SafetyLimits safetyLimits(RosParams p) {
    RobotGeometry g = RobotGeometry.standard();
    SafetyLimits d = SafetyLimits.defaults(g);
    String fence = p.string("safety.geofence", "-10,-10,10,10").trim();
    double[] box = null;
    if (!fence.isEmpty()) {
      String[] parts = fence.split(",");
      box = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        try {
          box[i] = Double.parseDouble(parts[i].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("executor.safety.geofence must be \"xmin,ymin,xmax,ymax\" in metres or \"\", got '"
              + fence + "'");
        }
      }
    }
    return new SafetyLimits(
        p.number("safety.max_linear_speed", d.maxLinearSpeed(), 0.01, g.maxLinearSpeed()),
        p.number("safety.max_angular_speed", d.maxAngularSpeed(), 0.01, g.maxAngularSpeed()),
        p.number("safety.max_linear_accel", d.maxLinearAccel(), 0.01, 20),
        p.number("safety.max_angular_accel", d.maxAngularAccel(), 0.01, 50),
        p.number("safety.max_joint_speed", d.maxJointSpeed(), 0.01, g.maxJointSpeed()),
        box,
        p.number("safety.geofence_lookahead", d.geofenceLookahead(), 0, 5),
        p.number("safety.obstacle_stop_distance", d.obstacleStopDistance(), 0, 2),
        p.number("safety.obstacle_stop_time", d.obstacleStopTime(), 0.05, 5),
        seconds(p, "safety.command_timeout", d.commandTimeout()),
        seconds(p, "safety.camera_timeout", d.cameraTimeout()),
        seconds(p, "safety.odom_timeout", d.odomTimeout()));
  }

  private static Duration seconds(RosParams p, String name, Duration fallback) {
    return Duration.ofNanos(Math.round(p.number(name, fallback.toNanos() / 1e9, 0, 60) * 1e9));
  }

  private static Node createOne(String kind, Transport transport, RosParams params, Consumer<String> log) {
    return switch (kind) {
      case "sim" -> {
        String file = params.string("scenario", "");
        Scenario sc = scenario(file.isBlank() ? VlaHome.defaultScenario().toString() : file);
        double rate = params.number("camera_rate", 15, 0.1, 60);
        long seed = (long) params.number("seed", 1, 0, Long.MAX_VALUE);
        Simulator sim = new Simulator(sc, new Simulator.Config(seed, 0.01, 0.5, true));
        yield new SimBridgeNode(transport, new Episode(sim), new SimBridgeNode.Config(rate), log);
      }
      case "vla" -> {
        String name = params.string("policy", "keyword");
        if (!name.equals("vla") && !name.equals("keyword")) {
          throw new IllegalArgumentException("vla.policy must be vla or keyword, got '" + name
              + "' (oracle reads the simulator's ground truth and runs only inside vla run and vla eval)");
        }
        String regionsFrom = params.string("scenario", "");
        Map<String, double[]> regions = new LinkedHashMap<>();
        if (!regionsFrom.isEmpty()) {
          for (Region r : scenario(regionsFrom).regions()) {
            regions.put(r.name(), new double[] {r.cx(), r.cy()});
          }
        }
        InferenceConfig model = InferenceConfig.defaults().on(params.string("provider", "cpu"),
            params.string("precision", "fp32"));
        Policy policy = Policies.create(name, () -> null, model);
        if (policy instanceof VlaPolicy v) {
          // What actually runs: a GPU provider this ONNX Runtime lacks has fallen back to the CPU.
          log.accept("vla: model on " + v.model().description());
        }
        double timeout = params.number("model_timeout", 1.0, 0, 60);
        yield new VlaNode(transport, policy, VlaNode.Config.defaults(regions)
            .withModelTimeout(Duration.ofNanos(Math.round(timeout * 1e9))), e -> log.accept("vla: " + e.text()));
      }
      case "camera" -> new CameraNode(transport, new CameraNode.Config(params.string("device", ""),
          params.number("rate", 15, 0.1, 120), (int) params.number("width", 0, 0, 8192),
          params.number("hfov", 1.2, 0.1, 3.1), params.string("frame_id", Topics.CAMERA_OPTICAL)));
      case "speech" -> {
        List<String> places = new ArrayList<>(CommandGrammar.DEFAULT_PLACES);
        for (String p : params.string("places", "").split(",")) {
          if (!p.isBlank()) {
            places.add(p.trim());
          }
        }
        String regionsFrom = params.string("scenario", "");
        if (!regionsFrom.isEmpty()) {
          scenario(regionsFrom).regions().forEach(r -> places.add(r.name()));
        }
        yield SpeechNode.owning(transport, SpeechStage.standard(places), log);
      }
      case "audio" -> {
        String device = params.string("device", "default");
        try {
          yield new AudioSourceNode(transport, device.equals("default") ? new AudioSourceNode.Microphone()
              : new AudioSourceNode.File(Path.of(device)));
        } catch (java.io.IOException e) {
          throw new IllegalArgumentException("audio.device: " + e.getMessage());
        }
      }
      default -> throw new IllegalArgumentException("unknown node '" + kind + "'; available: " + String.join(", ", NAMES));
    };
  }

  private static Scenario scenario(String file) {
    try {
      return ScenarioLoader.load(VlaHome.requireExisting(Path.of(file), "scenario"));
    } catch (ScenarioException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }
}
