package dev.vla.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN §3 end to end over real DDS: {@code vla run --listen} waits for an instruction, and a separate
 * process that is neither Java nor Fast-DDS (tools/ddspeer on Cyclone DDS) says it on
 * /vla/instruction and watches /cmd_vel, /vla/affordance_call and /vla/skill_status while the robot
 * carries it out.
 */
class RosPeerRunTest {
  static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
  static final String DOMAIN = "79";
  static final String ZERO = "cmd_vel linear.x=0.000 angular.z=0.000";
  static String peer;

  @BeforeAll
  static void buildPeer() throws Exception {
    Path peerDir = Path.of(System.getProperty("user.dir"), "target", "ddspeer");
    Process build = new ProcessBuilder("bash", ROOT.resolve("tools/ddspeer/build.sh").toString(), peerDir.toString())
        .redirectErrorStream(true).start();
    String buildLog = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, build.waitFor(), "building tools/ddspeer failed:\n" + buildLog);
    peer = peerDir.resolve("ddspeer").toString();
  }

  static ProcessBuilder onTestDomain(ProcessBuilder pb) {
    pb.environment().put("ROS_DOMAIN_ID", DOMAIN);
    pb.environment().put("VLA_HOME", ROOT.toString());
    pb.environment().remove("CYCLONEDDS_URI");
    pb.environment().remove("VLA_DDS_INTERFACE");
    return pb;
  }

  /** The peer watching the graph, the controller listening, and the peer saying the instruction. */
  record Session(Process watch, Path watchLog, Process run, Path runLog) {
    List<String> seen() throws Exception {
      return Files.readAllLines(watchLog);
    }

    List<String> cmdVel() throws Exception {
      return seen().stream().filter(l -> l.startsWith("cmd_vel")).toList();
    }
  }

  static Session start(Path tmp) throws Exception {
    Path watchLog = tmp.resolve("watch.txt");
    Process watch = onTestDomain(new ProcessBuilder(peer, "watch", "90")).redirectErrorStream(true)
        .redirectOutput(watchLog.toFile()).start();
    Path runLog = tmp.resolve("run.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process run = onTestDomain(new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp",
        System.getProperty("java.class.path"), "dev.vla.launch.Main", "run", "--listen", "--record",
        tmp.resolve("record").toString())).redirectErrorStream(true).redirectOutput(runLog.toFile()).start();
    // Topics are volatile, as in ROS: the watcher must have matched the controller's publishers before
    // the instruction, or it misses the first calls.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readAllLines(watchLog).contains("matched")) {
      assertTrue(System.nanoTime() < deadline, "the watcher never matched the controller:\n" + Files.readString(runLog));
      Thread.sleep(100);
    }
    Process say = onTestDomain(new ProcessBuilder(peer, "say", "put the red cube in the blue bin"))
        .redirectErrorStream(true).start();
    String said = new String(say.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(say.waitFor(30, TimeUnit.SECONDS) && say.exitValue() == 0, "the peer could not say it:\n" + said);
    return new Session(watch, watchLog, run, runLog);
  }

  static void stop(Session s) throws InterruptedException {
    s.run().destroyForcibly();
    s.watch().destroy();
    s.watch().waitFor(5, TimeUnit.SECONDS);
  }

  @Test
  void aCycloneDdsPeerInstructsTheRobotAndWatchesItMove(@TempDir Path tmp) throws Exception {
    Session s = start(tmp);
    try {
      assertTrue(s.run().waitFor(150, TimeUnit.SECONDS), "the run did not finish:\n" + Files.readString(s.runLog()));
    } finally {
      stop(s);
    }
    String out = Files.readString(s.runLog());
    assertEquals(0, s.run().exitValue(), out);
    assertTrue(out.contains("instruction #1: \"put the red cube in the blue bin\""), out);
    assertTrue(out.contains("SUCCESS"), out);

    List<String> seen = s.seen();
    String all = String.join("\n", seen);
    assertTrue(seen.stream().anyMatch(l -> l.startsWith("affordance_call skill=pick") && l.contains("target=red cube")), all);
    assertTrue(seen.stream().anyMatch(l -> l.startsWith("affordance_call skill=place") && l.contains("into=blue bin")), all);
    assertTrue(seen.stream().anyMatch(l -> l.startsWith("skill_status") && l.contains("skill=done state=2")), all);
    List<String> cmdVel = s.cmdVel();
    assertTrue(cmdVel.stream().anyMatch(l -> !l.equals(ZERO)), "the base moved: " + cmdVel.size() + " commands");
    assertEquals(ZERO, cmdVel.get(cmdVel.size() - 1), "zero velocity last");
    assertTrue(Files.exists(tmp.resolve("record").resolve("summary.json")), "the episode was recorded");
  }

  @Test
  void interruptingTheRunStopsTheRobotAndKeepsTheRecord(@TempDir Path tmp) throws Exception {
    Session s = start(tmp);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (s.cmdVel().stream().noneMatch(l -> !l.equals(ZERO))) {
        assertTrue(System.nanoTime() < deadline, "the robot never moved:\n" + Files.readString(s.runLog()));
        Thread.sleep(50);
      }
      s.run().destroy(); // SIGTERM, handled like Ctrl-C
      assertTrue(s.run().waitFor(20, TimeUnit.SECONDS), "the run did not shut down");
      Thread.sleep(500); // let the last messages reach the watcher
    } finally {
      stop(s);
    }
    String out = Files.readString(s.runLog());
    assertTrue(out.contains("interrupted: stopping the robot"), out);
    assertTrue(out.contains("episode record:"), out);
    assertTrue(Files.exists(tmp.resolve("record").resolve("summary.json")), "the interrupted episode was recorded");
    // The bag too, closed properly: one .db3, no write-ahead log left, metadata.yaml counting what is in it.
    Path bag = tmp.resolve("record").resolve("bag");
    assertTrue(out.contains("rosbag2: " + bag), out);
    assertTrue(Files.exists(bag.resolve("bag_0.db3")) && !Files.exists(bag.resolve("bag_0.db3-wal")), "bag closed");
    com.fasterxml.jackson.databind.JsonNode info = new com.fasterxml.jackson.databind.ObjectMapper(
        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(bag.resolve("metadata.yaml").toFile())
        .get("rosbag2_bagfile_information");
    assertTrue(info.get("message_count").asLong() > 0, info.toString());
    List<String> cmdVel = s.cmdVel();
    assertEquals(ZERO, cmdVel.get(cmdVel.size() - 1), "zero velocity last");
  }
}
