package dev.vla.model.vla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import dev.vla.model.Policies;
import dev.vla.model.Policy;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The half-precision variant ({@code vla-fp16.onnx}, made by {@code training/to_fp16.py}) against the
 * float32 model's recorded outputs: the same decisions on every recorded input, logits within a bound.
 */
class HalfPrecisionModelTest {
  /** Largest logit difference allowed: float16 keeps about three decimal digits. */
  static final double TOLERANCE = 0.05;
  /** Below this a logit is a masked choice (the model adds -1e4 for absent objects and regions). */
  static final float MASKED = -1000;

  @Test
  void theFp16VariantDecidesAsTheFp32ModelOnTheRecordedInputs() throws Exception {
    InferenceConfig half = InferenceConfig.defaults().on("cpu", "fp16");
    assertEquals("vla-fp16.onnx", half.modelFile());
    try (Policy policy = Policies.vla(half)) {
      OnnxModel model = ((VlaPolicy) policy).model();
      Map<String, OnnxTensor> inputs = new HashMap<>();
      try {
        long batch = 0;
        for (String name : GoldenModelTest.INPUTS) {
          NpyReader.Array a = GoldenModelTest.golden("in_" + name);
          batch = a.shape()[0];
          inputs.put(name, a.longs() != null
              ? OnnxTensor.createTensor(model.environment(), LongBuffer.wrap(a.longs()), a.shape())
              : OnnxTensor.createTensor(model.environment(), FloatBuffer.wrap(a.floats()), a.shape()));
        }
        ModelOutput out = model.run(inputs);
        double worst = 0;
        for (String name : GoldenModelTest.OUTPUTS) {
          float[] expected = GoldenModelTest.golden("out_" + name).floats();
          float[] actual = out.get(name);
          assertEquals(expected.length, actual.length, name);
          for (int i = 0; i < expected.length; i++) {
            if (expected[i] < MASKED) {
              // Masked choices (an additive -1e4) stay masked; float16 resolves 8 units there.
              assertTrue(actual[i] < MASKED, name + "[" + i + "] is no longer masked: " + actual[i]);
            } else {
              worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            }
          }
          if (name.equals("skill") || name.equals("pointer")) {
            int width = (int) (expected.length / batch);
            for (int b = 0; b < batch; b++) {
              assertEquals(argmax(expected, b * width, width), argmax(actual, b * width, width),
                  name + " decision of recorded input " + b);
            }
          }
        }
        System.out.println("fp16 vs fp32, largest difference of an unmasked output on the recorded inputs: " + worst);
        assertTrue(worst < TOLERANCE, "largest difference " + worst);
      } finally {
        inputs.values().forEach(OnnxTensor::close);
      }
    }
  }

  @Test
  void tensorRtKeepsTheFp32FileAndBuildsItsOwnHalfPrecisionEngine() {
    assertEquals("vla.onnx", InferenceConfig.defaults().on("tensorrt", "fp16").modelFile());
    assertEquals("vla.onnx", InferenceConfig.defaults().on("cuda", "fp32").modelFile());
    assertEquals("vla-fp16.onnx", InferenceConfig.defaults().on("cuda", "fp16").modelFile());
  }

  @Test
  void anUnavailableTensorRtFallsBackToTheCpuAndSaysWhatRuns() throws Exception {
    // TensorRT's fp16 is a flag on the float32 file: the CPU then runs that file in float32, and says so.
    try (VlaPolicy p = VlaPolicy.load(InferenceConfig.defaults().on("tensorrt", "fp16"))) {
      assertEquals("cpu", p.model().provider());
      assertEquals("cpu (vla.onnx, fp32)", p.model().description());
    }
    try (VlaPolicy p = VlaPolicy.load(InferenceConfig.defaults().on("cuda", "fp16"))) {
      assertEquals("cpu (vla-fp16.onnx, fp16)", p.model().description());
    }
  }

  @Test
  void aMissingFp16FileNamesItAndTheCommandThatMakesIt(@TempDir Path dir) throws Exception {
    Files.copy(VlaPolicy.class.getResourceAsStream(VlaPolicy.RESOURCE + "vla.onnx"), dir.resolve("vla.onnx"));
    Files.copy(VlaPolicy.class.getResourceAsStream(VlaPolicy.RESOURCE + "vocab.txt"), dir.resolve("vocab.txt"));
    var e = assertThrows(VlaPolicy.ModelUnavailableException.class,
        () -> VlaPolicy.load(InferenceConfig.defaults().on("cpu", "fp16").from(dir)));
    assertTrue(e.getMessage().contains("vla-fp16.onnx") && e.getMessage().contains("to_fp16.py"), e.getMessage());
    assertTrue(e.getMessage().contains("precision fp32"), e.getMessage());
  }

  @Test
  void anUnknownPrecisionIsRefusedByName() {
    var e = assertThrows(IllegalArgumentException.class, () -> InferenceConfig.defaults().on("cpu", "int4"));
    assertTrue(e.getMessage().contains("vla.precision") && e.getMessage().contains("int4"), e.getMessage());
  }

  private static int argmax(float[] v, int from, int n) {
    int best = from;
    for (int i = from; i < from + n; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best - from;
  }
}
