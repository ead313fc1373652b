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
 * @param precision {@code fp32}, or {@code fp16}: TensorRT builds a half-precision engine from the float32
 *     file; CUDA and the CPU run {@code vla-fp16.onnx} (docs/model.md, "Precision variants")
 */
public record InferenceConfig(Optional<Path> modelDir, String provider, int threads, double minConfidence,
    double minAffordance, String precision) {
  public static final List<String> PROVIDERS = List.of("cpu", "cuda", "tensorrt");
  public static final List<String> PRECISIONS = List.of("fp32", "fp16");

  public InferenceConfig {
    if (!PROVIDERS.contains(provider)) {
      throw new IllegalArgumentException("vla.provider must be one of " + PROVIDERS + ", got '" + provider + "'");
    }
    if (!PRECISIONS.contains(precision)) {
      throw new IllegalArgumentException("vla.precision must be one of " + PRECISIONS + ", got '" + precision + "'");
    }
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("vla.threads must be 1..64, got " + threads);
    }
    if (!(minConfidence >= 0 && minConfidence <= 1) || !(minAffordance >= 0 && minAffordance <= 1)) {
      throw new IllegalArgumentException("vla.min_confidence and vla.min_affordance must be in [0, 1]");
    }
  }

  /** Full precision. */
  public InferenceConfig(Optional<Path> modelDir, String provider, int threads, double minConfidence,
      double minAffordance) {
    this(modelDir, provider, threads, minConfidence, minAffordance, "fp32");
  }

  public static InferenceConfig defaults() {
    return new InferenceConfig(Optional.empty(), "cpu", 2, 0.2, 0.05);
  }

  /** This configuration running on {@code provider} at {@code precision}. */
  public InferenceConfig on(String provider, String precision) {
    return new InferenceConfig(modelDir, provider, threads, minConfidence, minAffordance, precision);
  }

  /** This configuration with the model from {@code dir}. */
  public InferenceConfig from(Path dir) {
    return new InferenceConfig(Optional.of(dir), provider, threads, minConfidence, minAffordance, precision);
  }

  /**
   * The model file this configuration runs: the half-precision variant where the provider computes with the
   * file's own types (CPU, CUDA); TensorRT reduces precision itself when building its engine.
   */
  public String modelFile() {
    return precision.equals("fp16") && !provider.equals("tensorrt") ? "vla-fp16.onnx" : "vla.onnx";
  }
}
