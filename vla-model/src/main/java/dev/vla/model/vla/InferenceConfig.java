package dev.vla.model.vla;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How the model runs and when it is trusted.
 *
 * @param modelDir folder with {@code vla.onnx}, {@code vocab.txt} and {@code spec.json}; empty = the model
 *     shipped inside the jar
 * @param provider execution provider: {@code cpu}, {@code cuda} or {@code tensorrt} (falls back to CPU,
 *     saying why, when unavailable)
 * @param threads intra-op threads on CPU
 * @param minConfidence below this the policy asks instead of acting
 * @param minAffordance below this predicted chance of success the policy asks instead of acting
 */
public record InferenceConfig(Optional<Path> modelDir, String provider, int threads, double minConfidence,
    double minAffordance) {
  public static final List<String> PROVIDERS = List.of("cpu", "cuda", "tensorrt");

  public InferenceConfig {
    if (!PROVIDERS.contains(provider)) {
      throw new IllegalArgumentException("vla.provider must be one of " + PROVIDERS + ", got '" + provider + "'");
    }
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("vla.threads must be 1..64, got " + threads);
    }
    if (!(minConfidence >= 0 && minConfidence <= 1) || !(minAffordance >= 0 && minAffordance <= 1)) {
      throw new IllegalArgumentException("vla.min_confidence and vla.min_affordance must be in [0, 1]");
    }
  }

  public static InferenceConfig defaults() {
    return new InferenceConfig(Optional.empty(), "cpu", 2, 0.2, 0.05);
  }
}
