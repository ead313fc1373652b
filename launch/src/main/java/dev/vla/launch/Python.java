package dev.vla.launch;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Python that has Debian's PyTorch: {@code VLA_PYTHON} when set, else the system interpreter
 * (a user's pyenv or virtualenv {@code python3} earlier on the PATH usually lacks it), else {@code python3}.
 */
public final class Python {
  private Python() {}

  public static String command() {
    String env = System.getenv("VLA_PYTHON");
    if (env != null && !env.isBlank()) {
      return env;
    }
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }
}
