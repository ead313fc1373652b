package dev.vla.ros.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads bags with readers that share no code with {@link BagWriter}: the {@code sqlite3} command-line
 * tool (Debian package sqlite3, installed by {@code scripts/setup.sh --test}) for the database and
 * SnakeYAML for {@code metadata.yaml}.
 */
final class Sqlite3 {
  private Sqlite3() {}

  /** Rows of {@code sql}, columns separated by {@code |}; {@code sqlite3} must exit 0. */
  static List<String> query(Path db, String sql, String... flags) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("sqlite3", "-batch", "-noheader", "-separator", "|"));
    cmd.addAll(Arrays.asList(flags));
    cmd.add(db.toString());
    cmd.add(sql);
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("the sqlite3 command-line tool is needed to read bags back "
          + "(Debian: apt-get install sqlite3, or scripts/setup.sh --test): " + e.getMessage());
    }
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("sqlite3 did not finish: " + sql);
    }
    assertEquals(0, p.exitValue(), "sqlite3 " + db + " \"" + sql + "\" failed:\n" + out);
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  static String single(Path db, String sql, String... flags) throws IOException, InterruptedException {
    List<String> rows = query(db, sql, flags);
    assertEquals(1, rows.size(), sql + " -> " + rows);
    return rows.get(0);
  }

  /** {@code metadata.yaml}'s {@code rosbag2_bagfile_information} map. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> metadata(Path bag) throws IOException {
    Map<String, Object> root = new Yaml().load(Files.readString(bag.resolve("metadata.yaml")));
    return (Map<String, Object>) root.get("rosbag2_bagfile_information");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  static long number(Object o) {
    return ((Number) o).longValue();
  }
}
