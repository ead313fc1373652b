package dev.vla.model;

import dev.vla.model.baseline.KeywordPolicy;
import dev.vla.model.oracle.OraclePolicy;
import dev.vla.model.oracle.SceneTruth;
import dev.vla.model.vla.InferenceConfig;
import dev.vla.model.vla.VlaPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Makes policies by the names the command line uses. */
public final class Policies {
  /** Every policy name, the product's first. */
  public static final List<String> NAMES = List.of("vla", "keyword", "oracle");

  private Policies() {}

  /**
   * The policy called {@code name}. {@code truth} is read only by the oracle. The vla model comes from
   * {@code VLA_MODEL_DIR} when set, else the one shipped in the jar.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones, or a model that
   *     cannot be loaded, saying why
   */
  public static Policy create(String name, Supplier<SceneTruth> truth) {
    return create(name, truth, InferenceConfig.defaults());
  }

  /** As {@link #create(String, Supplier)}, the vla policy running as {@code vla} says (provider, precision). */
  public static Policy create(String name, Supplier<SceneTruth> truth, InferenceConfig vla) {
    return switch (name) {
      case "vla" -> vla(vla);
      case "oracle" -> new OraclePolicy(truth);
      case "keyword" -> new KeywordPolicy();
      default -> throw new IllegalArgumentException("unknown policy '" + name + "'; known policies: " + NAMES);
    };
  }

  /** The vla policy with {@code config}; the model folder defaults to {@code VLA_MODEL_DIR}. */
  public static Policy vla(InferenceConfig config) {
    InferenceConfig c = config;
    String dir = System.getenv("VLA_MODEL_DIR");
    if (c.modelDir().isEmpty() && dir != null && !dir.isBlank()) {
      c = c.from(Path.of(dir));
    }
    try {
      return VlaPolicy.load(c);
    } catch (VlaPolicy.ModelUnavailableException e) {
      throw new IllegalArgumentException("the vla policy is not available: " + e.getMessage(), e);
    }
  }
}
