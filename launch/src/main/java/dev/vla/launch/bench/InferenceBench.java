package dev.vla.launch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vla.launch.dataset.Npy;
import dev.vla.model.Observation;
import dev.vla.model.perception.ModelInput;
import dev.vla.model.perception.Proposals;
import dev.vla.model.perception.Tensorizer;
import dev.vla.model.vla.VlaPolicy;
import dev.vla.ros.nodes.Observations;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.world.Simulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Batch-1 latency of the vla model: ONNX Runtime alone, pre-processing alone (proposals and tensors),
 * and a whole decision, on a real camera frame of a scenario; then the same model in PyTorch eager
 * on the same inputs, in a Python process, for the ratio.
 */
public final class InferenceBench {
  /** Results; {@code torch} is null when PyTorch could not be run (the reason is in {@code torchNote}). */
  public record Result(Percentiles onnx, Percentiles preprocess, Percentiles decision, JsonNode torch, String torchNote,
      long residentBytes) {}

  private InferenceBench() {}

  public static Result run(VlaPolicy policy, Scenario scenario, int iterations, Path modelDir, Path trainingDir,
      int threads) throws IOException, InterruptedException {
    Simulator sim = new Simulator(scenario, Simulator.Config.defaults(1));
    Observation obs = Observations.of(sim, scenario.task().says().isEmpty() ? "put the red cube in the blue bin"
        : scenario.task().says().get(0).text());
    Tensorizer tensorizer = policy.tensorizer();
    ModelInput input = tensorizer.tensors(obs);
    for (int i = 0; i < 100; i++) {
      policy.model().run(input);
    }
    Histogram onnx = Percentiles.histogram();
    for (int i = 0; i < iterations; i++) {
      long t0 = System.nanoTime();
      policy.model().run(input);
      onnx.recordValue((System.nanoTime() - t0) / 1000);
    }
    Histogram pre = Percentiles.histogram();
    Histogram whole = Percentiles.histogram();
    for (int i = 0; i < Math.max(50, iterations / 10); i++) {
      long t0 = System.nanoTime();
      tensorizer.tensors(obs, Proposals.find(obs));
      pre.recordValue((System.nanoTime() - t0) / 1000);
      t0 = System.nanoTime();
      policy.decide(obs);
      whole.recordValue((System.nanoTime() - t0) / 1000);
    }
    JsonNode torch = null;
    String note;
    if (modelDir == null || !Files.exists(modelDir.resolve("vla.pt"))) {
      note = "no vla.pt next to the model: PyTorch comparison skipped";
    } else {
      Path inputs = Files.createTempDirectory("vla-bench");
      try {
        save(inputs, input);
        List<String> cmd = new ArrayList<>(List.of(dev.vla.launch.Python.command(), trainingDir.resolve("bench_torch.py").toString(),
            "--model", modelDir.toString(), "--inputs", inputs.toString(), "--iterations", String.valueOf(iterations),
            "--threads", String.valueOf(threads)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor(600, TimeUnit.SECONDS) && p.exitValue() == 0) {
          String last = out.strip().lines().reduce((a, b) -> b).orElse("{}");
          torch = new ObjectMapper().readTree(last);
          note = "PyTorch " + torch.path("torch").asText() + " eager, " + threads + " threads";
        } else {
          note = "PyTorch run failed: " + out.lines().reduce((a, b) -> b).orElse("");
        }
      } finally {
        try (var s = Files.list(inputs)) {
          for (Path f : s.toList()) {
            Files.delete(f);
          }
        }
        Files.delete(inputs);
      }
    }
    return new Result(Percentiles.of("ONNX Runtime " + policy.model().provider() + ", batch 1", onnx),
        Percentiles.of("pre-processing (proposals + tensors)", pre),
        Percentiles.of("whole decision (pre + model + decode)", whole), torch, note, residentBytes());
  }

  private static void save(Path dir, ModelInput in) throws IOException {
    int k = Proposals.MAX;
    Npy.write(dir.resolve("in_image.npy"), "<f4", new int[] {1, 4, Tensorizer.IMAGE_H, Tensorizer.IMAGE_W},
        Npy.floats(in.imageFloats()));
    Npy.write(dir.resolve("in_crops.npy"), "<f4", new int[] {1, k, 3, Tensorizer.CROP, Tensorizer.CROP},
        Npy.floats(in.cropFloats()));
    Npy.write(dir.resolve("in_objects.npy"), "<f4", new int[] {1, k, Tensorizer.OBJECT_FEATURES}, Npy.floats(in.objects()));
    Npy.write(dir.resolve("in_mask.npy"), "<f4", new int[] {1, k}, Npy.floats(in.objectMask()));
    Npy.write(dir.resolve("in_text.npy"), "<i8", new int[] {1, Tensorizer.TEXT}, Npy.longs(in.text()));
    Npy.write(dir.resolve("in_state.npy"), "<f4", new int[] {1, Tensorizer.STATE}, Npy.floats(in.state()));
  }

  /** Resident set size of this process (Linux), 0 when unknown. */
  public static long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }
}
