package dev.vla.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.sim.scenario.ScenarioLoader;
import dev.vla.sim.scenario.gen.HeldOutSet;
import dev.vla.sim.scenario.gen.SkeletonSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario files shipped in the repository: they load, and libsdformat (Gazebo's parser) accepts
 * them strictly, so the same file runs in the embedded simulator and in Gazebo. The checker is built
 * from tools/sdfcheck against the libsdformat that ./vla setup installs.
 */
class BundledScenariosTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static List<Path> bundled() throws IOException {
    try (Stream<Path> s = Files.walk(ROOT.resolve("scenarios"))) {
      return s.filter(p -> p.toString().endsWith(".sdf")).sorted().toList();
    }
  }

  @Test
  void everyBundledScenarioLoads() throws Exception {
    List<Path> files = bundled();
    assertTrue(files.size() >= 41, "at least the demo and the 40+ scenario set: " + files.size());
    for (Path f : files) {
      ScenarioLoader.load(f);
    }
  }

  @Test
  void libsdformatAcceptsEveryBundledScenarioStrictly() throws Exception {
    Path checker = ROOT.resolve("launch/target/sdfcheck");
    Process build = new ProcessBuilder("bash", ROOT.resolve("tools/sdfcheck/build.sh").toString(), checker.toString())
        .redirectErrorStream(true).start();
    String buildLog = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(build.waitFor(120, TimeUnit.SECONDS), "building the checker timed out");
    assertEquals(0, build.exitValue(), "building tools/sdfcheck failed (run ./vla setup to install libsdformat-dev, "
        + "pkg-config and g++):\n" + buildLog);
    List<String> cmd = new ArrayList<>(List.of(checker.toString()));
    bundled().forEach(p -> cmd.add(p.toString()));
    Process check = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(check.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, check.exitValue(), out);

    // The Gazebo robot model of ros2/vla_controller passes the same strict parser.
    Process model = new ProcessBuilder(checker.toString(), "--model",
        ROOT.resolve("ros2/vla_controller/config/robot.sdf").toString()).redirectErrorStream(true).start();
    String modelOut = new String(model.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(model.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, model.exitValue(), modelOut);
  }

  /** The committed sets are exactly what their generators write, so a generator change cannot drift from them. */
  @Test
  void generatedSetsMatchTheirGenerators(@TempDir Path tmp) throws Exception {
    SkeletonSet.write(tmp.resolve("skeleton"), 3);
    HeldOutSet.write(tmp.resolve("heldout"), 3, 14);
    for (String set : List.of("skeleton", "heldout")) {
      List<String> expected = listing(tmp.resolve(set));
      assertEquals(expected, listing(ROOT.resolve("scenarios").resolve(set)),
          "scenarios/" + set + " differs from the generator: regenerate with ./vla scenarios generate --set " + set);
      for (String name : expected) {
        assertEquals(Files.readString(tmp.resolve(set).resolve(name)),
            Files.readString(ROOT.resolve("scenarios").resolve(set).resolve(name)), set + "/" + name);
      }
    }
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
