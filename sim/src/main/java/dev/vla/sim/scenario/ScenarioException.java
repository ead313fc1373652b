package dev.vla.sim.scenario;

import java.nio.file.Path;

/**
 * A scenario file that cannot be used; the message names the file, the line and what was expected,
 * e.g. {@code kitchen.sdf:42: <vla:in> needs attribute 'container' (a model name)}.
 */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;
  private final Path file;
  private final int line;

  public ScenarioException(Path file, int line, String message) {
    super(file.getFileName() + (line > 0 ? ":" + line : "") + ": " + message);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }
}
