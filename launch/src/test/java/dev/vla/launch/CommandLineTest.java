package dev.vla.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it: help, exit codes, reports and records. */
class CommandLineTest {
  record Result(int code, String out, String err) {}

  static Result vla(String... args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    // Before the CommandLine exists: picocli's default strategy remembers System.out when it is created.
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    PrintWriter errPrinter = new PrintWriter(err);
    cl.setErr(errPrinter);
    StringWriter outWriter = new StringWriter();
    PrintWriter outPrinter = new PrintWriter(outWriter);
    cl.setOut(outPrinter);
    try {
      int code = cl.execute(args);
      outPrinter.flush();
      errPrinter.flush();
      return new Result(code, outWriter + captured.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(saved);
    }
  }

  static Path resource(String name) throws Exception {
    return Path.of(CommandLineTest.class.getResource("/scenarios/" + name).toURI());
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] args : new String[][] {{"--help"}, {"run", "--help"}, {"eval", "--help"}, {"bench", "--help"},
        {"bench", "render", "--help"}, {"scenarios", "--help"}, {"scenarios", "generate", "--help"}}) {
      Result r = vla(args);
      assertEquals(0, r.code(), String.join(" ", args));
      assertTrue(r.out().contains("Usage:"), String.join(" ", args) + " prints usage");
    }
    assertTrue(vla("--help").out().contains("run") && vla("--help").out().contains("eval"));
  }

  @Test
  void aMissingScenarioIsOneClearLine() {
    Result r = vla("run", "--scenario", "/nonexistent/x.sdf", "--fast");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("does not exist"), r.err());
    assertTrue(!r.err().contains("Exception"), "no stack trace: " + r.err());
  }

  @Test
  void aMalformedScenarioNamesFileAndLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.sdf");
    Files.writeString(bad, "<sdf version=\"1.9\" xmlns:vla=\"urn:vla-controller:scenario:1\">\n<world name=\"w\">\n"
        + "<vla:task timeout=\"-3\"><vla:expect><vla:no_motion/></vla:expect></vla:task>\n</world></sdf>\n");
    Result r = vla("run", "--scenario", bad.toString(), "--fast");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("bad.sdf:3"), r.err());
  }

  @Test
  void anUnknownPolicyListsTheKnownOnes(@TempDir Path dir) throws Exception {
    Path record = dir.resolve("rec");
    Result r = vla("run", "--scenario", resource("red_cube_blue_bin.sdf").toString(), "--policy", "magic", "--fast",
        "--record", record.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("keyword") && r.err().contains("oracle"), r.err());
    assertFalse(Files.exists(record), "a run that never started leaves no record or empty bag behind");
  }

  @Test
  void runPrintsCallsAndWritesARecord(@TempDir Path dir) throws Exception {
    // In memory: DDS runs are covered by RosPeerRunTest on a domain of its own.
    Result r = vla("run", "--scenario", resource("red_cube_blue_bin.sdf").toString(), "--fast", "--transport",
        "in-memory", "--record", dir.resolve("rec").toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("vla: call pick("), r.out());
    assertTrue(r.out().contains("SUCCESS"), r.out());
    for (String f : new String[] {"contact_sheet.png", "trajectory.png", "timeline.csv", "summary.json"}) {
      assertTrue(Files.size(dir.resolve("rec").resolve(f)) > 100, f);
    }
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("rec/summary.json").toFile());
    assertTrue(summary.get("success").asBoolean());
    assertTrue(summary.get("timeline").size() > 3);

    // The rosbag2 bag next to it, described by metadata.yaml.
    assertTrue(r.out().contains("rosbag2: " + dir.resolve("rec/bag")), r.out());
    JsonNode bag = bagInfo(dir.resolve("rec/bag"));
    assertEquals(9, bag.get("version").asInt());
    assertTrue(Files.size(dir.resolve("rec/bag/bag_0.db3")) > 100_000);
    assertTrue(bag.get("message_count").asLong() > 100, bag.toString());
    assertEquals("vla run", bag.get("custom_data").get("vla.command").asText());
    assertTrue(topicCount(bag, "/vla/affordance_call") >= 3 && topicCount(bag, "/cmd_vel") > 0, bag.toString());

    // The same record directory again: the bag is not overwritten, and nothing runs.
    Result again = vla("run", "--scenario", resource("red_cube_blue_bin.sdf").toString(), "--fast", "--transport",
        "in-memory", "--record", dir.resolve("rec").toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("already exists") && !again.err().contains("Exception"), again.err());
    assertFalse(again.out().contains("vla: call"), "refused before the episode");
  }

  static JsonNode bagInfo(Path bag) throws Exception {
    return new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
        .readTree(bag.resolve("metadata.yaml").toFile()).get("rosbag2_bagfile_information");
  }

  static long topicCount(JsonNode bag, String topic) {
    for (JsonNode t : bag.get("topics_with_message_count")) {
      if (t.get("topic_metadata").get("name").asText().equals(topic)) {
        return t.get("message_count").asLong();
      }
    }
    return -1;
  }

  @Test
  void aBadBagCameraRateIsOneClearLine() throws Exception {
    Result r = vla("run", "--scenario", resource("red_cube_blue_bin.sdf").toString(), "--fast", "--bag-camera-hz", "often");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--bag-camera-hz") && r.err().contains("often"), r.err());
  }

  @Test
  void evalWritesTheContractReportAndExitsZeroEvenOnFailures(@TempDir Path dir) throws Exception {
    Path set = dir.resolve("set");
    Files.createDirectories(set);
    Files.copy(resource("red_cube_blue_bin.sdf"), set.resolve("a.sdf"));
    Files.copy(resource("41_refuse_1.sdf"), set.resolve("b.sdf"));
    Path report = dir.resolve("out/report.json");
    Result r = vla("eval", "--scenarios", set.toString(), "--policy", "oracle", "--report", report.toString(), "--quiet",
        "--record", dir.resolve("rec").toString(), "--bag-camera-hz", "0");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("oracle (reads simulator ground truth"), "the oracle is labelled as such");
    for (String scenario : new String[] {"red_cube_blue_bin", "refuse_1"}) {
      Path bag = dir.resolve("rec").resolve(scenario).resolve("bag");
      JsonNode info = bagInfo(bag);
      assertTrue(info.get("message_count").asLong() > 0, scenario + ": " + info);
      assertEquals(-1, topicCount(info, "/camera/color/image_raw"), "--bag-camera-hz 0: no camera images");
      assertTrue(topicCount(info, "/vla/affordance_call") > 0, scenario + ": " + info);
    }
    JsonNode root = new ObjectMapper().readTree(report.toFile());
    assertEquals("oracle", root.get("policy").asText());
    assertEquals(2, root.get("scenarios").size());
    for (JsonNode s : root.get("scenarios")) {
      for (String field : new String[] {"name", "success", "duration_s", "calls", "failure", "stop_latency_ms"}) {
        assertTrue(s.has(field), "scenario entry has " + field);
      }
    }
    JsonNode summary = root.get("summary");
    assertEquals(2, summary.get("total").asInt());
    assertEquals(summary.get("succeeded").asInt() / 2.0, summary.get("success_rate").asDouble(), 1e-9);
  }

  /**
   * The shipped model through the whole stack: two held-out scenarios (a negation, and a push phrased with
   * a verb training never used) that the keyword baseline fails and the model solves; lock step keeps it
   * deterministic.
   */
  @Test
  void theShippedModelSolvesHeldOutScenariosEndToEnd(@TempDir Path dir) throws Exception {
    Path heldOut = Path.of("..", "scenarios", "heldout").toAbsolutePath().normalize();
    Path set = dir.resolve("set");
    Files.createDirectories(set);
    for (String name : new String[] {"negation_10300001.sdf", "basic_10300008.sdf"}) {
      Files.copy(heldOut.resolve(name), set.resolve(name));
    }
    Path report = dir.resolve("report.json");
    Result r = vla("eval", "--scenarios", set.toString(), "--policy", "vla", "--report", report.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(report.toFile());
    assertEquals("vla", root.get("policy").asText());
    assertFalse(root.get("reads_ground_truth").asBoolean());
    for (JsonNode s : root.get("scenarios")) {
      assertTrue(s.get("success").asBoolean(), s.get("name").asText() + ": " + s.get("failure").asText());
    }
    assertEquals(1, root.get("by_category").get("negation").get("succeeded").asInt());
  }
}
