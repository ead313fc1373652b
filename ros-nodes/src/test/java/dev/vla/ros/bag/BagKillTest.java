package dev.vla.ros.bag;

import static dev.vla.ros.bag.Sqlite3.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording process killed with SIGKILL leaves a bag that opens, with what it had committed. */
class BagKillTest {
  @Test
  void aKilledRecorderLeavesAReadableBag(@TempDir Path tmp) throws Exception {
    Path bag = tmp.resolve("killed");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        BagKillChild.class.getName(), bag.toString()).redirectErrorStream(true).start();
    long committed = 0;
    StringBuilder said = new StringBuilder();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      long deadline = System.nanoTime() + 60_000_000_000L;
      // Two commits: the kill lands while the writer is busy, not before it has started.
      int commits = 0;
      while (commits < 2) {
        String line = out.readLine();
        assertTrue(line != null && System.nanoTime() < deadline, "the recording process did not commit:\n" + said);
        said.append(line).append('\n');
        if (line.startsWith("committed ")) {
          committed = Long.parseLong(line.substring("committed ".length()));
          commits++;
        }
      }
      Thread.sleep(150); // mid-way through the next half second
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
      assertTrue(child.waitFor(10, TimeUnit.SECONDS));
    }
    assertTrue(child.exitValue() != 0, "killed, not exited");

    Path db = bag.resolve("killed_0.db3");
    assertTrue(Files.exists(bag.resolve("metadata.yaml")));
    // Read-only, as ros2 bag info opens it: the write-ahead log left behind is applied.
    long rows = Long.parseLong(Sqlite3.single(db, "SELECT COUNT(*) FROM messages", "-readonly"));
    assertTrue(rows >= committed, rows + " rows, " + committed + " committed before the kill");
    assertEquals("2", Sqlite3.single(db, "SELECT COUNT(*) FROM topics", "-readonly"));
    assertEquals("ok", Sqlite3.single(db, "PRAGMA integrity_check", "-readonly"));
    Map<String, Object> info = Sqlite3.metadata(bag);
    long described = number(info.get("message_count"));
    assertTrue(described > 0 && described <= rows, "metadata.yaml describes " + described + " of " + rows + " rows");
  }
}
