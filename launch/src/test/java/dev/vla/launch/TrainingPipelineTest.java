package dev.vla.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.model.Decision;
import dev.vla.model.Observation;
import dev.vla.model.vla.InferenceConfig;
import dev.vla.model.vla.VlaPolicy;
import dev.vla.ros.nodes.Observations;
import dev.vla.sim.scenario.ScenarioLoader;
import dev.vla.sim.world.Simulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model pipeline end to end at smoke size, so it cannot rot: a few dataset episodes, a few
 * training steps in Python, ONNX export, and the exported model loaded and run by the Java policy.
 */
class TrainingPipelineTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void datasetTrainExportAndJavaInference(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    int code = Main.commandLine().execute("dataset", "--episodes", "6", "--jobs", "1", "--out", data.toString(),
        "--shard-size", "20");
    assertEquals(0, code);
    assertTrue(Files.exists(data.resolve("vocab.txt")) && Files.exists(data.resolve("spec.json")));
    try (var shards = Files.list(data)) {
      assertTrue(shards.anyMatch(p -> p.getFileName().toString().endsWith("_skill.npy")), "shards written");
    }

    Path model = dir.resolve("model");
    ProcessBuilder pb = new ProcessBuilder(Python.command(), ROOT.resolve("vla-model/training/train.py").toString(),
        "--data", data.toString(), "--out", model.toString(), "--size", "tiny", "--max-steps", "6",
        "--eval-every", "3", "--batch", "8").redirectErrorStream(true);
    pb.environment().put("OPENBLAS_NUM_THREADS", "1");
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "training timed out");
    assertEquals(0, p.exitValue(), "training failed (./vla setup installs python3-torch):\n" + log);
    assertTrue(log.contains("exported"), log);
    for (String f : new String[] {"vla.onnx", "vocab.txt", "spec.json", "metrics.json", "golden/out_skill.npy"}) {
      assertTrue(Files.exists(model.resolve(f)), f);
    }

    var config = new InferenceConfig(Optional.of(model), "cpu", 1, 0.0, 0.0);
    try (VlaPolicy policy = VlaPolicy.load(config)) {
      Simulator sim = new Simulator(ScenarioLoader.load(ROOT.resolve("scenarios/demo/red_cube_blue_bin.sdf")),
          Simulator.Config.defaults(1));
      Observation obs = Observations.of(sim, "put the red cube in the blue bin");
      Decision d = policy.decide(obs);
      assertTrue(d.call().isPresent(), "the model decides something: " + d.explanation());
      assertTrue(dev.vla.affordances.skills.Skills.NAMES.contains(d.call().get().skill()));
    }
  }
}
