package dev.vla.model.vla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the model: what the operator sees when it is missing or broken, and the provider fallback. */
class VlaPolicyLoadTest {
  static InferenceConfig config(Optional<Path> dir, String provider) {
    return new InferenceConfig(dir, provider, 1, 0.2, 0.05);
  }

  @Test
  void aMissingModelFolderSaysWhichFileAndHowToGetOne(@TempDir Path dir) {
    VlaPolicy.ModelUnavailableException e = assertThrows(VlaPolicy.ModelUnavailableException.class,
        () -> VlaPolicy.load(config(Optional.of(dir.resolve("nowhere")), "cpu")));
    assertTrue(e.getMessage().contains("vla.onnx") && e.getMessage().contains("docs/model.md"), e.getMessage());
  }

  @Test
  void aCorruptModelFileIsOneClearMessage(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("vla.onnx"), "not a model");
    Files.copy(VlaPolicy.class.getResourceAsStream(VlaPolicy.RESOURCE + "vocab.txt"), dir.resolve("vocab.txt"));
    VlaPolicy.ModelUnavailableException e = assertThrows(VlaPolicy.ModelUnavailableException.class,
        () -> VlaPolicy.load(config(Optional.of(dir), "cpu")));
    assertTrue(e.getMessage().startsWith("ONNX Runtime cannot load the model"), e.getMessage());
  }

  @Test
  void anUnavailableGpuProviderFallsBackToTheCpu() throws Exception {
    // The CPU-only ONNX Runtime jar has neither CUDA nor TensorRT: the policy must still run.
    try (VlaPolicy p = VlaPolicy.load(config(Optional.empty(), "cuda"))) {
      assertEquals("cpu", p.model().provider());
    }
  }

  @Test
  void anUnknownProviderIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config(Optional.empty(), "npu"));
    assertTrue(e.getMessage().contains("npu"), e.getMessage());
  }
}
