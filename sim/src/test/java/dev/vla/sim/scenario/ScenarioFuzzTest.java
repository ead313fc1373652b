package dev.vla.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vla.sim.world.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The bundled scenarios, mutated: characters deleted, duplicated and swapped, numbers replaced by NaN,
 * infinities, 1e308 and -1, elements dropped and duplicated, unknown {@code vla:} elements and attributes
 * added, markup noise; and XML bombs. The loader accepts a still-valid file or throws a
 * {@link ScenarioException} whose message names the file and the problem, never another exception; bombs
 * are refused without expanding anything. An accepted file builds a simulator that steps with a finite state.
 */
class ScenarioFuzzTest {
  static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent().resolve("scenarios");
  static final List<String> BUNDLED = bundled();
  static final Path DIR = tempDir();
  static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?(e-?\\d+)?");
  static final Pattern ELEMENT = Pattern.compile("<(vla:)?[a-z_]+[^<>]*/>|<(vla:)?([a-z_]+)[^<>]*>[^<>]*</(vla:)?\\3>");
  static final Pattern VLA_TAG = Pattern.compile("<vla:[a-z_]+");
  static final List<String> BAD_NUMBERS = List.of("NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1e999", "-1", "0",
      "-0", "4.9e-324", "", " ", "1 2", "0x10", "1,5", "١٢", "1e", "+", "--1", "1.2.3", "99999999999999999999", "NaN NaN NaN");
  static final List<String> NOISE = List.of("<", ">", "&", "&amp;", "&bogus;", "]]>", "<!--", "\u0000", "\u0001", "\ufffe",
      "\ud800", "<vla:", "\"", "'", "</model>", "<model>", "<![CDATA[x]]>", "<?pi?>", "é", "\n");

  static List<String> bundled() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      List<Path> paths = files.filter(p -> p.toString().endsWith(".sdf")).sorted().toList();
      List<String> out = new ArrayList<>();
      // Every skeleton scenario and the demo, and one held-out scenario of each family.
      for (Path p : paths) {
        String name = p.getFileName().toString();
        if (!p.toString().contains("heldout") || name.endsWith("_10300000.sdf")) {
          out.add(Files.readString(p, StandardCharsets.UTF_8));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("scenario-fuzz-");
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

  /** One mutation of {@code text}, chosen and placed by {@code rng}. */
  static String mutate(String text, Random rng) {
    int n = text.length();
    int at = rng.nextInt(n);
    switch (rng.nextInt(9)) {
      case 0: { // delete a run of characters
        int len = 1 + rng.nextInt(20);
        return text.substring(0, at) + text.substring(Math.min(n, at + len));
      }
      case 1: { // duplicate a run
        int len = 1 + rng.nextInt(40);
        return text.substring(0, Math.min(n, at + len)) + text.substring(at);
      }
      case 2: { // swap two characters
        int b = rng.nextInt(n);
        char[] c = text.toCharArray();
        char t = c[at];
        c[at] = c[b];
        c[b] = t;
        return new String(c);
      }
      case 3: { // a number replaced by a bad one
        List<int[]> numbers = matches(NUMBER, text);
        int[] m = numbers.get(rng.nextInt(numbers.size()));
        return text.substring(0, m[0]) + BAD_NUMBERS.get(rng.nextInt(BAD_NUMBERS.size())) + text.substring(m[1]);
      }
      case 4: { // an element dropped
        List<int[]> elements = matches(ELEMENT, text);
        int[] m = elements.get(rng.nextInt(elements.size()));
        return text.substring(0, m[0]) + text.substring(m[1]);
      }
      case 5: { // an element duplicated
        List<int[]> elements = matches(ELEMENT, text);
        int[] m = elements.get(rng.nextInt(elements.size()));
        return text.substring(0, m[1]) + text.substring(m[0], m[1]) + text.substring(m[1]);
      }
      case 6: { // an unknown vla: element after some element
        List<int[]> elements = matches(ELEMENT, text);
        int[] m = elements.get(rng.nextInt(elements.size()));
        String bogus = rng.nextBoolean() ? "<vla:bogus/>" : "<vla:object category=\"cube\"><vla:in/></vla:object>";
        return text.substring(0, m[1]) + bogus + text.substring(m[1]);
      }
      case 7: { // an unknown or repeated attribute on a vla: element
        List<int[]> tags = matches(VLA_TAG, text);
        int[] m = tags.get(rng.nextInt(tags.size()));
        String attr = List.of(" colour=\"red\"", " at=\"1\"", " at=\"NaN\"", " timeout=\"-1\"", " xmlns:vla=\"urn:x\"",
            " vla:size=\"small\"", " name=\"\"").get(rng.nextInt(7));
        return text.substring(0, m[1]) + attr + text.substring(m[1]);
      }
      default: { // markup noise
        return text.substring(0, at) + NOISE.get(rng.nextInt(NOISE.size())) + text.substring(at);
      }
    }
  }

  static List<int[]> matches(Pattern p, String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(new int[] {m.start(), m.end()});
    }
    return out;
  }

  /** Loads {@code text} from a file of its own; a Scenario or a ScenarioException that names the file and the problem. */
  static Scenario loadOrRefuse(String text, String name) {
    return loadOrRefuse(text.getBytes(StandardCharsets.UTF_8), name);
  }

  static Scenario loadOrRefuse(byte[] content, String name) {
    Path file = DIR.resolve(name);
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return ScenarioLoader.load(file);
    } catch (ScenarioException e) {
      assertEquals(file, e.file());
      assertTrue(e.getMessage().matches("(?s)" + Pattern.quote(name) + "(:\\d+)?: .{8,}"), "unspecific: " + e.getMessage());
      return null;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("the loader threw " + e + " instead of a ScenarioException", e);
    }
  }

  @Property(tries = 700)
  void mutatedScenariosLoadOrAreRefusedWithAReason(@ForAll @IntRange(min = 0, max = 10_000) int which,
      @ForAll @IntRange(min = 1, max = 3) int mutations, @ForAll long seed) {
    Random rng = new Random(seed);
    String text = BUNDLED.get(which % BUNDLED.size());
    for (int i = 0; i < mutations; i++) {
      text = mutate(text, rng);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (rng.nextInt(8) == 0) { // bytes that are not UTF-8: a lone continuation byte, a truncated sequence, 0xFF
      int at = rng.nextInt(bytes.length);
      byte[] bad = List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF, (byte) 0xFE},
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}).get(rng.nextInt(4));
      byte[] out = new byte[bytes.length + bad.length];
      System.arraycopy(bytes, 0, out, 0, at);
      System.arraycopy(bad, 0, out, at, bad.length);
      System.arraycopy(bytes, at, out, at + bad.length, bytes.length - at);
      bytes = out;
    }
    Scenario s = loadOrRefuse(bytes, "mutated.sdf");
    Statistics.collect(s == null ? "refused" : "accepted");
    if (s != null) {
      Simulator sim = new Simulator(s, Simulator.Config.defaults(1));
      sim.step(0.05);
      assertTrue(Double.isFinite(sim.worldPose().x()) && Double.isFinite(sim.worldPose().y()), "robot pose is finite");
    }
  }

  /**
   * One number of a bundled scenario replaced by a huge finite one: refused, or accepted into a world the
   * simulator steps through with the robot driving and every pose finite.
   */
  @Property(tries = 150)
  void hugeNumbersAreRefusedOrSimulatedFinitely(@ForAll @IntRange(min = 0, max = 10_000) int which,
      @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll("hugeNumbers") String value) {
    String text = BUNDLED.get(which % BUNDLED.size());
    List<int[]> numbers = matches(NUMBER, text);
    int[] m = numbers.get(position % numbers.size());
    Scenario s = loadOrRefuse(text.substring(0, m[0]) + value + text.substring(m[1]), "huge.sdf");
    Statistics.collect(s == null ? "refused" : "accepted");
    if (s != null) {
      Simulator sim = new Simulator(s, Simulator.Config.defaults(1));
      for (int i = 0; i < 20; i++) {
        sim.commandBase(0.5, 0.3);
        sim.step(0.05);
      }
      assertTrue(Double.isFinite(sim.worldPose().x()) && Double.isFinite(sim.worldPose().y())
          && Double.isFinite(sim.worldPose().yaw()), "robot pose " + sim.worldPose());
      for (var body : sim.bodies()) {
        for (double c : body.pose().rowMajor()) {
          assertTrue(Double.isFinite(c), "pose of a body: " + java.util.Arrays.toString(body.pose().rowMajor()));
        }
      }
    }
  }

  @Provide
  Arbitrary<String> hugeNumbers() {
    return Arbitraries.of("1e308", "-1e308", "1.7976931348623157e308", "1e300", "-1e300", "1e154", "1e38", "4.9e-324",
        "1e-300");
  }

  @Provide
  Arbitrary<String> bombs() {
    String laughs = "<!DOCTYPE sdf [\n <!ENTITY a \"lol\">\n"
        + " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
        + " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
        + " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
        + " <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n <!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n]>\n";
    return Arbitraries.of(
        laughs, // billion laughs, used in a say below
        "<!DOCTYPE sdf [<!ENTITY i SYSTEM \"file:///etc/passwd\">]>\n", // external entity
        "<!DOCTYPE sdf [<!ENTITY i SYSTEM \"http://127.0.0.1:9/x\">]>\n",
        "<!DOCTYPE sdf [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p; <!ENTITY i \"x\">]>\n", // parameter entity
        "<!DOCTYPE sdf SYSTEM \"http://127.0.0.1:9/sdf.dtd\">\n", // external DTD
        "<!DOCTYPE sdf [<!ENTITY i \"" + "&#38;#60;".repeat(50) + "\">]>\n",
        "<!DOCTYPE sdf [<!ENTITY i \"x\"><!ENTITY j \"&i;&i;\">]>\n");
  }

  /** Bombs before the root element, their entity used in an utterance: refused as DOCTYPE, nothing expanded. */
  @Property(tries = 60)
  void xmlBombsAreRefusedWithoutExpanding(@ForAll("bombs") String doctype, @ForAll @IntRange(min = 0, max = 100) int which) {
    String text = BUNDLED.get(which % BUNDLED.size());
    int root = text.indexOf("<sdf");
    String bomb = text.substring(0, root) + doctype + text.substring(root);
    bomb = bomb.replaceFirst("(<vla:say[^>]*>)", "$1&i;");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    Path file = DIR.resolve("bomb.sdf");
    try {
      Files.writeString(file, bomb, StandardCharsets.UTF_8);
      ScenarioLoader.load(file);
      fail("a DOCTYPE was accepted");
    } catch (ScenarioException e) {
      assertTrue(e.getMessage().contains("DOCTYPE declarations are not allowed"), e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < 32L << 20, "refusing a bomb allocated " + allocated + " bytes");
  }

  @Example
  void everyBundledScenarioIsAcceptedUnmutated() {
    for (int i = 0; i < BUNDLED.size(); i++) {
      assertNotNull(loadOrRefuse(BUNDLED.get(i), "bundled.sdf"), "bundled scenario " + i);
    }
    assertTrue(BUNDLED.size() > 60, "scenarios found under " + ROOT);
  }
}
