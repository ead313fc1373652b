package dev.vla.launch.cli;

import dev.vla.launch.UserError;
import dev.vla.model.Policies;
import dev.vla.model.Policy;
import dev.vla.model.oracle.SceneTruth;
import dev.vla.model.vla.InferenceConfig;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/** Policy names on the command line, their labels, and the factory the episode runner takes. */
final class PolicyChoice {
  /** The classical baseline stays the default until the trained model beats it on held-out scenarios (docs/model.md). */
  static final String DEFAULT = "keyword";

  private PolicyChoice() {}

  static Function<Supplier<SceneTruth>, Policy> factory(String name) {
    return factory(name, InferenceConfig.defaults());
  }

  /**
   * The factory for {@code name}; the vla model runs as {@code vla} says. The vla model is loaded here, up
   * front, so a missing one is one clear line before anything starts; the first episode gets that instance
   * (loading it twice cost start-up time).
   */
  static Function<Supplier<SceneTruth>, Policy> factory(String name, InferenceConfig vla) {
    if (!Policies.NAMES.contains(name)) {
      throw new UserError("unknown policy '" + name + "'; available: " + Policies.NAMES);
    }
    if (!name.equals("vla")) {
      return truth -> Policies.create(name, truth, vla);
    }
    AtomicReference<Policy> loaded = new AtomicReference<>();
    try {
      loaded.set(Policies.create(name, () -> null, vla));
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    return truth -> {
      Policy first = loaded.getAndSet(null);
      return first != null ? first : Policies.create(name, truth, vla);
    };
  }

  /** How reports and progress output name the policy, honest about what it reads. */
  static String label(String name) {
    return switch (name) {
      case "oracle" -> "oracle (reads simulator ground truth: a ceiling, not a product figure)";
      case "keyword" -> "keyword (classical baseline: rule parser + OpenCV colour segmentation)";
      case "vla" -> "vla (the trained vision-language-action model, ONNX Runtime)";
      default -> name;
    };
  }
}
