package dev.vla.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vla launch sim.launch.xml}: the launch file's three nodes, each its own participant in one
 * process, carry out the demo's instruction, seen by the Cyclone DDS peer; SIGTERM stops them with a
 * zero velocity last.
 */
class LaunchRunTest {
  @Test
  void theSimLaunchFileRunsTheStackOverDds(@TempDir Path tmp) throws Exception {
    RosPeerRunTest.buildPeer();
    Path watchLog = tmp.resolve("watch.txt");
    Process watch = RosPeerRunTest.onTestDomain(new ProcessBuilder(RosPeerRunTest.peer, "watch", "90"))
        .redirectErrorStream(true).redirectOutput(watchLog.toFile()).start();
    Path runLog = tmp.resolve("launch.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process launch = RosPeerRunTest.onTestDomain(new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp",
        System.getProperty("java.class.path"), "dev.vla.launch.Main", "launch",
        RosPeerRunTest.ROOT.resolve("ros2/vla_controller/launch/sim.launch.xml").toString()))
        .redirectErrorStream(true).redirectOutput(runLog.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!Files.readString(runLog).contains("done#")) {
        assertTrue(launch.isAlive(), "vla launch ended early:\n" + Files.readString(runLog));
        assertTrue(System.nanoTime() < deadline, "the task was not done within 90 s:\n" + Files.readString(runLog));
        Thread.sleep(200);
      }
      launch.destroy(); // SIGTERM, handled like Ctrl-C
      assertTrue(launch.waitFor(20, TimeUnit.SECONDS), "vla launch did not shut down");
      Thread.sleep(500);
    } finally {
      launch.destroyForcibly();
      watch.destroy();
      watch.waitFor(5, TimeUnit.SECONDS);
    }
    String out = Files.readString(runLog);
    assertTrue(out.contains("launched 4 node(s)") && out.contains("/sim, /vla, /executor, /speech"), out);
    assertTrue(out.contains("executor: done#") && out.contains("SUCCEEDED: task complete"), out);
    List<String> seen = Files.readAllLines(watchLog);
    assertTrue(seen.stream().anyMatch(l -> l.startsWith("affordance_call skill=place")), String.join("\n", seen));
    List<String> cmdVel = seen.stream().filter(l -> l.startsWith("cmd_vel")).toList();
    assertTrue(cmdVel.stream().anyMatch(l -> !l.equals(RosPeerRunTest.ZERO)), "the base moved");
    assertEquals(RosPeerRunTest.ZERO, cmdVel.get(cmdVel.size() - 1), "zero velocity last");
  }
}
