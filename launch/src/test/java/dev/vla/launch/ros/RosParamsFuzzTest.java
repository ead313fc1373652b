package dev.vla.launch.ros;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * ROS 2 params files, mutated and random (YAML syntax soup, anchors and aliases, deep nesting, bytes):
 * {@link RosParams} loads them or refuses with an IllegalArgumentException naming the file, never another
 * exception; reading any loaded parameter as a number gives a value in range or names the parameter.
 */
class RosParamsFuzzTest {
  static final Path SHIPPED = Path.of(System.getProperty("user.dir")).getParent()
      .resolve("ros2/vla_controller/config/vla_controller.yaml");
  static final Path DIR = tempDir();
  static final List<String> NODES = List.of("sim", "vla", "executor", "speech", "audio");
  static final List<String> YAML_TOKENS = List.of(":", ": ", "-", "- ", "[", "]", "{", "}", ",", "?", "&a ", "*a", "!!str ",
      "!!binary ", "!!python/object ", "%YAML 1.1\n", "---\n", "...\n", "|\n", ">\n", "\t", "\n", "\n  ", "\n    ", "#", "'",
      "\"", "\\", "\u0000", "\ufeff", "\ud800", "~", "null", "true", "yes", "on", ".nan", ".inf", "0x1F", "1e999", "<<: *a",
      "ros__parameters", "ros__parameters:", "/**:", "sim:", "camera_rate: ", "seed: ", "policy: ", "{a: [1, {b: c}]}");

  static Path tempDir() {
    try {
      return Files.createTempDirectory("params-fuzz-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterContainer
  static void clean() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.deleteIfExists(DIR);
  }

  /** Loads {@code content} for every node and reads every parameter as a number and as text. */
  static String loadAndRead(byte[] content) {
    Path file = DIR.resolve("params.yaml");
    String outcome = "loaded";
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String node : NODES) {
      RosParams p = new RosParams(node);
      try {
        p.load(file);
      } catch (IllegalArgumentException e) {
        assertTrue(e.getMessage() != null && e.getMessage().contains(file.toString()), "refusal names the file: "
            + e.getMessage());
        assertFalse(e.getMessage().endsWith(": "), "refusal says why: " + e.getMessage());
        outcome = "refused";
        continue;
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("params file load threw " + e + " instead of IllegalArgumentException", e);
      }
      for (String name : p.unused()) {
        try {
          double v = p.number(name, 0, -1e6, 1e6);
          assertTrue(v >= -1e6 && v <= 1e6);
        } catch (IllegalArgumentException e) {
          assertTrue(e.getMessage().startsWith(node + "." + name + " must be"), e.getMessage());
        }
        assertTrue(p.string(name, "") != null);
      }
    }
    return outcome;
  }

  @Property(tries = 500)
  void mutatedParamsFilesLoadOrAreRefusedWithTheFile(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int edits)
      throws IOException {
    Random rng = new Random(seed);
    String text = Files.readString(SHIPPED, StandardCharsets.UTF_8);
    for (int i = 0; i < edits; i++) {
      text = TextMutator.mutate(text, rng, YAML_TOKENS);
    }
    Statistics.collect(loadAndRead(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Provide
  Arbitrary<String> yamlSoup() {
    return Arbitraries.of(YAML_TOKENS).list().ofMaxSize(60).map(t -> String.join("", t));
  }

  @Property(tries = 400)
  void randomYamlLoadsOrIsRefusedWithTheFile(@ForAll("yamlSoup") String text) {
    Statistics.collect(loadAndRead(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Property(tries = 150)
  void randomBytesAreRefusedWithTheFile(@ForAll byte[] bytes) {
    loadAndRead(bytes);
  }

  @Provide
  Arbitrary<String> bombs() {
    StringBuilder laughs = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      laughs.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
          .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*")
          .append(p).append(",*").append(p).append("]\n");
    }
    String nestedMaps = "sim:\n  ros__parameters:\n    " + "{a: ".repeat(5_000) + "1" + "}".repeat(5_000) + "\n";
    String nestedLists = "sim: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
    StringBuilder indented = new StringBuilder("sim:\n  ros__parameters:\n");
    for (int i = 0; i < 400; i++) {
      indented.append("  ".repeat(i + 2)).append("k").append(i).append(":\n");
    }
    String manyKeys = "sim:\n  ros__parameters:\n" + "    k: 1\n".repeat(20_000);
    return Arbitraries.of(laughs.toString(), "sim:\n  ros__parameters:\n    x: *j\n" + laughs, nestedMaps, nestedLists,
        indented.toString(), manyKeys, "sim:\n  ros__parameters:\n    big: \"" + "x".repeat(100_000) + "\"\n");
  }

  /**
   * YAML bombs, deep nesting and long scalars: refused or loaded, without expanding aliases or exhausting
   * stack or memory. (SnakeYAML's reader copies its buffer as it grows, so a scalar of n characters churns
   * about 2n²/1000 bytes of garbage: 1.3 GB for 800 KB, bounded by the 1 MiB file limit; the long scalar
   * here is 100 KB so that five loads stay well under the bound below.)
   */
  @Property(tries = 7)
  void yamlBombsDoNotExpand(@ForAll("bombs") String bomb) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    Statistics.collect(loadAndRead(bomb.getBytes(StandardCharsets.UTF_8)));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < 512L << 20, "loading a " + bomb.length() + "-byte bomb allocated " + allocated + " bytes");
  }

  @Example
  void aFileOverTheLimitIsRefusedUnread() throws IOException {
    byte[] big = new byte[(1 << 20) + 1];
    java.util.Arrays.fill(big, (byte) 'x');
    Path file = DIR.resolve("big.yaml");
    Files.write(file, big);
    try {
      new RosParams("sim").load(file);
      throw new AssertionError("a params file over 1 MiB was read");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains("larger than 1 MiB"), e.getMessage());
    }
  }
}
