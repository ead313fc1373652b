package dev.vla.launch.cli;

import dev.vla.launch.UserError;
import dev.vla.model.vla.InferenceConfig;
import picocli.CommandLine.Option;

/** Where and how the vla model runs: {@code --provider} and {@code --precision} (docs/edge.md, "GPU execution"). */
final class ModelOptions {
  @Option(names = "--provider", paramLabel = "NAME", description = "With --policy vla: cpu (default), cuda or "
      + "tensorrt; an unavailable GPU provider falls back to the CPU and says why.")
  String provider = "cpu";

  @Option(names = "--precision", paramLabel = "P", description = "With --policy vla: fp32 (default) or fp16 "
      + "(TensorRT: a half-precision engine; CUDA and CPU: the vla-fp16.onnx variant).")
  String precision = "fp32";

  InferenceConfig config() {
    try {
      return InferenceConfig.defaults().on(provider, precision);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage().replace("vla.provider", "--provider").replace("vla.precision", "--precision"));
    }
  }
}
