package dev.vla.launch;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository (or install) root: {@code VLA_HOME} as set by the {@code ./vla} launcher, else the working directory. */
public final class VlaHome {
  private VlaHome() {}

  public static Path root() {
    String home = System.getenv("VLA_HOME");
    return home != null && !home.isBlank() ? Path.of(home) : Path.of("").toAbsolutePath();
  }

  /**
   * Where runs, soaks and their recordings go unless a command is told otherwise: {@code VLA_RUNS} when set
   * (an installed archive sets it when its own folder is read-only), else {@code runs/} under the root.
   */
  public static Path runs() {
    String runs = System.getenv("VLA_RUNS");
    return runs != null && !runs.isBlank() ? Path.of(runs) : root().resolve("runs");
  }

  /** The scenario {@code ./vla run} uses when none is given. */
  public static Path defaultScenario() {
    return root().resolve("scenarios/demo/red_cube_blue_bin.sdf");
  }

  /** The scenario set {@code ./vla eval} uses when none is given. */
  public static Path defaultScenarioSet() {
    return root().resolve("scenarios/skeleton");
  }

  /**
   * Fails with one clear line, before any work starts, when {@code dir} cannot be made or written: the
   * nearest folder that exists must be writable. Recordings are never lost at the end of a run.
   */
  public static Path requireWritable(Path dir, String what) {
    Path existing = dir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      throw new UserError("cannot write " + what + " to " + dir + ": " + (existing == null ? "no such folder"
          : existing + (Files.isDirectory(existing) ? " is not writable" : " is not a folder"))
          + "; choose another folder (or set VLA_RUNS)");
    }
    return dir;
  }

  public static Path requireExisting(Path p, String what) {
    if (!Files.exists(p)) {
      throw new UserError(what + " " + p + " does not exist");
    }
    return p;
  }
}
