package dev.vla.launch.record;

import dev.vla.launch.UserError;
import dev.vla.ros.bag.BagException;
import dev.vla.ros.bag.BagRecorder;
import dev.vla.ros.bag.BagWriter;
import dev.vla.ros.nodes.Node;
import dev.vla.ros.transport.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An episode's rosbag2 bag, {@code <record dir>/bag/}, as the commands use it: opened before the
 * episode (so a problem with the directory is a message, not a lost run), joined to the run through
 * {@code EpisodeRunner.Extras}, closed after the run (after the stack has stopped the robot).
 */
public final class EpisodeBag implements AutoCloseable {
  /** The bag's place inside an episode's record directory. */
  public static final String DIR = "bag";

  private final BagWriter writer;
  private final BagRecorder.Config config;
  private BagRecorder recorder;

  private EpisodeBag(BagWriter writer, BagRecorder.Config config) {
    this.writer = writer;
    this.config = config;
  }

  /** {@code --bag-camera-hz}: a rate in Hz, {@code all} for every frame, 0 for none. */
  public static BagRecorder.Config cameraRate(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("all")) {
      return BagRecorder.Config.everyFrame();
    }
    double hz;
    try {
      hz = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      hz = Double.NaN;
    }
    if (!(hz >= 0) || Double.isInfinite(hz)) {
      throw new UserError("--bag-camera-hz must be a rate in Hz, 'all' or 0, got '" + value + "'");
    }
    return new BagRecorder.Config(hz);
  }

  /** What recorded a bag, for its metadata: the command, scenario, policy and seed, in that order. */
  public static Map<String, String> about(String command, String scenario, String policy, long seed) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("vla.command", command);
    m.put("vla.scenario", scenario);
    m.put("vla.policy", policy);
    m.put("vla.seed", Long.toString(seed));
    return m;
  }

  /** Says, before anything runs, whether a bag can be written at {@code recordDir}/bag. */
  public static void check(Path recordDir) {
    try {
      BagWriter.checkCreatable(recordDir.resolve(DIR));
    } catch (BagException e) {
      throw new UserError(e.getMessage());
    }
  }

  /**
   * Creates {@code recordDir}/bag and starts its writer.
   *
   * @param about what recorded it, written into the bag's metadata (custom_data)
   */
  public static EpisodeBag open(Path recordDir, BagRecorder.Config config, Map<String, String> about) {
    Map<String, String> data = new LinkedHashMap<>(about);
    data.put("vla.clock", "node clock: sim time in nanoseconds from the start of the episode");
    data.put("vla.camera_hz", Double.isInfinite(config.cameraHz()) ? "all"
        : String.format(Locale.ROOT, "%s", config.cameraHz()));
    try {
      return new EpisodeBag(BagWriter.create(recordDir.resolve(DIR), BagWriter.Options.defaults().withCustomData(data)),
          config);
    } catch (BagException e) {
      throw new UserError(e.getMessage());
    }
  }

  /** The recorder's node, subscribed on the run's transport; for {@code EpisodeRunner.Extras}. */
  public Node join(Transport transport) {
    if (recorder != null) {
      throw new IllegalStateException("the bag already records a run");
    }
    recorder = new BagRecorder(transport, writer, config);
    return recorder.node();
  }

  public Path dir() {
    return writer.dir();
  }

  /** Stops recording and closes the bag. Idempotent. */
  @Override
  public void close() {
    if (recorder != null) {
      recorder.close();
    }
    writer.close();
  }

  /**
   * Closes the bag and, if it holds no message, deletes it, and its record directory when nothing else
   * is in it: for a run that never started (bad input found after the bag was opened), which should
   * leave nothing behind. A bag with anything in it is kept.
   */
  public void discardIfEmpty() {
    close();
    if (writer.stats().committed() > 0) {
      return;
    }
    Path bagDir = dir();
    try (Stream<Path> files = Files.list(bagDir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(bagDir);
      Path record = bagDir.getParent();
      try (Stream<Path> rest = Files.list(record)) {
        if (rest.findAny().isEmpty()) {
          Files.deleteIfExists(record);
        }
      }
    } catch (IOException e) {
      // Nothing worse than an empty bag left behind.
    }
  }

  /** One line for the user, after {@link #close}: where, how much, how to look. */
  public String summary() {
    BagWriter.Stats s = writer.stats();
    long dropped = recorder != null ? recorder.dropped() : s.dropped();
    return String.format(Locale.ROOT, "%s/ (%d messages, %s%s; ros2 bag info %s)", dir(), s.committed(),
        megabytes(size(dir())), dropped > 0 ? ", " + dropped + " dropped" : "", dir());
  }

  private static long size(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
