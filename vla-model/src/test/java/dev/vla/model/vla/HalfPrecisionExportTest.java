package dev.vla.model.vla;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code training/to_fp16.py} still makes, from the shipped model, exactly the shipped fp16 variant. */
class HalfPrecisionExportTest {
  @Test
  void theShippedFp16VariantIsWhatTheScriptMakes(@TempDir Path dir) throws Exception {
    // Debian's python3 has python3-onnx (scripts/setup.sh --test); a pyenv python3 on the PATH usually does not.
    String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    Path out = dir.resolve("vla-fp16.onnx");
    Process p = new ProcessBuilder(python, "training/to_fp16.py", "model/vla.onnx", out.toString())
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(120, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), "to_fp16.py failed (needs python3-onnx):\n" + log);
    assertArrayEquals(Files.readAllBytes(Path.of("model/vla-fp16.onnx")), Files.readAllBytes(out),
        "model/vla-fp16.onnx differs from what to_fp16.py makes from model/vla.onnx: regenerate it");
  }
}
