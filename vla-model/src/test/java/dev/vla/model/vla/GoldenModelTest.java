package dev.vla.model.vla;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import dev.vla.model.Policies;
import dev.vla.model.Policy;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped model in ONNX Runtime Java reproduces PyTorch's outputs for inputs recorded at training
 * time ({@code golden/}), within 1e-4: export, graph optimisation and the Java engine change nothing.
 */
class GoldenModelTest {
  static final List<String> INPUTS = List.of("image", "crops", "objects", "mask", "text", "state");
  static final List<String> OUTPUTS = List.of("skill", "pointer", "offset", "push_dir", "find_dir", "find_range",
      "nav_mode", "place_mode", "ask_kind", "region", "obj_color", "obj_category", "affordance");

  static NpyReader.Array golden(String name) throws Exception {
    try (InputStream in = GoldenModelTest.class.getResourceAsStream("/golden/" + name + ".npy")) {
      assertNotNull(in, "golden/" + name + ".npy is shipped with the model");
      return NpyReader.read(in);
    }
  }

  @Test
  void javaOnnxRuntimeMatchesPyTorchWithin1e4() throws Exception {
    try (Policy policy = Policies.vla(InferenceConfig.defaults())) {
      OnnxModel model = ((VlaPolicy) policy).model();
      Map<String, OnnxTensor> inputs = new HashMap<>();
      try {
        for (String name : INPUTS) {
          NpyReader.Array a = golden("in_" + name);
          inputs.put(name, a.longs() != null
              ? OnnxTensor.createTensor(model.environment(), LongBuffer.wrap(a.longs()), a.shape())
              : OnnxTensor.createTensor(model.environment(), FloatBuffer.wrap(a.floats()), a.shape()));
        }
        ModelOutput out = model.run(inputs);
        double worst = 0;
        for (String name : OUTPUTS) {
          float[] expected = golden("out_" + name).floats();
          float[] actual = out.get(name);
          assertEquals(expected.length, actual.length, name);
          for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
          }
          assertArrayEquals(expected, actual, 1e-4f, name);
        }
        assertTrue(worst < 1e-4, "largest difference " + worst);
      } finally {
        inputs.values().forEach(OnnxTensor::close);
      }
    }
  }
}
