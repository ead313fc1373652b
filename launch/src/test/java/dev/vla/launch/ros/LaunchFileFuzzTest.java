package dev.vla.launch.ros;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
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
 * The shipped launch files, mutated (characters, markup, substitutions, conditions, paths with NUL and
 * other characters no file system takes), and hostile launch arguments: {@link LaunchFile#load} gives the
 * actions or a {@link LaunchException} naming the file, never another exception; substitutions that grow
 * without end and XML bombs are refused without building them.
 */
class LaunchFileFuzzTest {
  static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
  static final Path LAUNCH = ROOT.resolve("ros2/vla_controller/launch");
  static final List<String> FILES = List.of("sim.launch.xml", "controller.launch.xml", "robot.launch.xml",
      "gazebo.launch.xml");
  static final Path DIR = tempDir();
  static final Function<String, Path> SHARES = pkg -> pkg.startsWith("vla_") ? ROOT.resolve("ros2").resolve(pkg) : null;
  static final List<String> TOKENS = List.of("<", ">", "/>", "</node>", "<node pkg=\"p\" exec=\"e\"/>", "<group>",
      "</group>", "<let name=\"x\" value=\"$(var x)\"/>", "<include file=\"\"/>", "<include file=\"/dev/zero\"/>",
      "<include file=\"$(dirname)\"/>", "<include file=\"sim.launch.xml\"/>", "<param from=\"\u0000\"/>",
      "<arg name=\"\"/>", " if=\"maybe\"", " unless=\"$(var policy)\"", " scoped=\"false\"", "$(", "$()", "$(var)",
      "$(var nope)", "$(env)", "$(env A B C)", "$(env HOME)", "$(find-pkg-share)", "$(find-pkg-share nav2)",
      "$(dirname x)", "$(eval 1+1)", "$(var $(var policy))", "&", "&amp;", "&#0;", "<![CDATA[", "\u0000", "\ud800",
      "\"", "'", "\n", "é");
  static final Map<String, String> ENV = Map.of("HOME", "/home/robot", "EMPTY", "");

  static Path tempDir() {
    try {
      return Files.createTempDirectory("launch-fuzz-");
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

  /** Writes the shipped files into the scratch folder with {@code name} replaced by {@code content}; loads {@code name}. */
  static String loadOrRefuse(String name, byte[] content, Map<String, String> args) {
    try {
      for (String f : FILES) {
        Files.copy(LAUNCH.resolve(f), DIR.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      Files.write(DIR.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      List<LaunchFile.Action> actions = LaunchFile.load(DIR.resolve(name), args, SHARES, ENV);
      assertNotNull(actions);
      return "loaded";
    } catch (LaunchException e) {
      assertNotNull(e.getMessage());
      assertTrue(FILES.stream().anyMatch(e.getMessage()::contains) || e.getMessage().contains(DIR.toString()),
          "the refusal names a file: " + e.getMessage());
      assertFalse(e.getMessage().isBlank());
      return "refused";
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      throw new AssertionError("launch file load threw " + e + " instead of a LaunchException", e);
    }
  }

  @Property(tries = 300)
  void mutatedLaunchFilesLoadOrAreRefusedWithTheFile(@ForAll @IntRange(min = 0, max = 3) int which, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3) int edits) throws IOException {
    Random rng = new Random(seed);
    String name = FILES.get(which);
    String text = Files.readString(LAUNCH.resolve(name), StandardCharsets.UTF_8);
    for (int i = 0; i < edits; i++) {
      text = TextMutator.mutate(text, rng, TOKENS);
    }
    Statistics.collect(loadOrRefuse(name, text.getBytes(StandardCharsets.UTF_8), Map.of("world", "/tmp/w.sdf")));
  }

  @Provide
  Arbitrary<String> hostileValues() {
    return Arbitraries.oneOf(Arbitraries.of("", " ", "\u0000", "a\u0000b", "$(var policy)", "$(", ")", "$(env HOME",
        "../../../../etc/passwd", "/dev/zero", "\ud800", "x".repeat(100_000), "true", "1", "TRUE", "yes"),
        Arbitraries.strings().all().ofMaxLength(40));
  }

  /** Hostile launch arguments (paths with NUL, substitutions, 100 kB): actions or a LaunchException. */
  @Property(tries = 150)
  void hostileLaunchArgumentsLoadOrAreRefused(@ForAll @IntRange(min = 0, max = 3) int which,
      @ForAll("hostileValues") String params, @ForAll("hostileValues") String speech, @ForAll("hostileValues") String world)
      throws IOException {
    String name = FILES.get(which);
    Statistics.collect(loadOrRefuse(name, Files.readAllBytes(LAUNCH.resolve(name)),
        Map.of("params_file", params, "speech", speech, "world", world, "policy", params)));
  }

  /** A value doubled by each of 40 lets: 16 TB if built; refused once it passes the limit. */
  @Example
  void substitutionsThatGrowWithoutEndAreRefused() {
    StringBuilder xml = new StringBuilder("<launch>\n  <let name=\"a\" value=\"0123456789abcdef\"/>\n");
    for (int i = 0; i < 40; i++) {
      xml.append("  <let name=\"a\" value=\"$(var a)$(var a)\"/>\n");
    }
    xml.append("  <executable cmd=\"$(var a)\" name=\"x\"/>\n</launch>\n");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    String outcome = loadOrRefuse("sim.launch.xml", xml.toString().getBytes(StandardCharsets.UTF_8), Map.of());
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(outcome.equals("refused"), outcome);
    assertTrue(allocated < 64L << 20, "refusing allocated " + allocated + " bytes");
    try {
      LaunchFile.load(DIR.resolve("sim.launch.xml"), Map.of(), SHARES, ENV);
      fail("refused above");
    } catch (LaunchException e) {
      assertTrue(e.getMessage().contains("characters"), e.getMessage());
    }
  }

  /** Paths no file system takes (a NUL in an include or params file) are a LaunchException, not InvalidPathException. */
  @Example
  void pathsWithNulAreRefusedAsLaunchErrors() {
    for (String xml : List.of("<launch><include file=\"a&#0;b\"/></launch>",
        "<launch><arg name=\"p\" default=\"\"/><node pkg=\"vla_controller\" exec=\"vla_node\" name=\"sim\">"
            + "<param from=\"$(var p)\"/></node></launch>")) {
      String outcome = loadOrRefuse("sim.launch.xml", xml.getBytes(StandardCharsets.UTF_8), Map.of("p", "x\u0000y"));
      assertTrue(outcome.equals("refused") || xml.contains("&#0;"), xml);
    }
  }

  @Provide
  Arbitrary<String> bombs() {
    return Arbitraries.of(
        "<!DOCTYPE launch [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
            + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
            + "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>",
        "<!DOCTYPE launch [<!ENTITY h SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE launch [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>",
        "<!DOCTYPE launch SYSTEM \"http://127.0.0.1:9/launch.dtd\">",
        "<?xml-stylesheet href=\"http://127.0.0.1:9/x.xsl\"?>");
  }

  @Property(tries = 5)
  void xmlBombsAreRefusedWithoutExpanding(@ForAll("bombs") String prolog) throws IOException {
    String text = Files.readString(LAUNCH.resolve("sim.launch.xml"), StandardCharsets.UTF_8);
    int root = text.indexOf("<launch>");
    String bomb = prolog + text.substring(root).replaceFirst("default=\"keyword\"", "default=\"keyword&h;\"");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    String outcome = loadOrRefuse("sim.launch.xml", bomb.getBytes(StandardCharsets.UTF_8), Map.of());
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(outcome.equals("refused"), "a prolog with entities or stylesheets was accepted: " + prolog);
    assertTrue(allocated < 64L << 20, "refusing allocated " + allocated + " bytes");
  }
}
