package dev.vla.launch.cli;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.SkillStatus;
import dev.vla.launch.UserError;
import dev.vla.launch.VlaHome;
import dev.vla.launch.record.EpisodeRecorder;
import dev.vla.ros.episode.EpisodeResult;
import dev.vla.ros.episode.EpisodeRunner;
import dev.vla.sim.episode.Verdict;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.scenario.ScenarioException;
import dev.vla.sim.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vla run}: the whole stack on one scenario, in real time, printing what happens. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {
      "Run the whole stack (simulator, camera, vla policy, executor) on one scenario in the embedded simulator,",
      "in real time, printing each utterance, affordance call and skill status, and record the episode.",
      "Exit status: 0 when the scenario's success predicates hold, 1 when they do not, 2 on bad input."
    })
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--scenario", paramLabel = "FILE",
      description = "Scenario file (SDF 1.9 + vla: task). Default: scenarios/demo/red_cube_blue_bin.sdf")
  Path scenario;

  @Option(names = "--say", paramLabel = "TEXT",
      description = {"Say this instead of the scenario's utterances (repeatable). Prefix with SECONDS: to time it,",
          "e.g. --say \"put the red cube in the blue bin\" --say \"4:no, the green one\"."})
  List<String> say = new ArrayList<>();

  @Option(names = "--speech", description = "Speak each utterance with espeak-ng through the speech pipeline.")
  boolean speech;

  @Option(names = "--headless", description = "No live window (runs are always headless in this build).")
  boolean headless;

  @Option(names = "--record", paramLabel = "DIR", description = "Where to write the episode record. Default: runs/<time>_<scenario>/")
  Path record;

  @Option(names = "--policy", paramLabel = "NAME", description = "Policy: keyword (default: the classical baseline), vla (the trained model; docs/model.md) or oracle (reads ground truth).")
  String policy = PolicyChoice.DEFAULT;

  @Option(names = "--seed", description = "Seed for sensor noise and lighting (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--fast", description = "Do not pace to the wall clock; finish as fast as the machine can.")
  boolean fast;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    if (speech) {
      throw new UserError("--speech needs the speech stage, which this build does not have yet; run without it");
    }
    Path file = VlaHome.requireExisting(scenario != null ? scenario : VlaHome.defaultScenario(), "scenario");
    Scenario sc;
    try {
      sc = Scripts.withSays(ScenarioLoader.load(file), say);
    } catch (ScenarioException e) {
      throw new UserError(e.getMessage());
    }
    Path dir = record != null ? record : VlaHome.root().resolve("runs").resolve(
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss")) + "_" + sc.name());
    out.println("vla run: " + file.getFileName() + " (world \"" + sc.name() + "\")");
    out.println("policy:  " + PolicyChoice.label(policy));
    sc.task().says().forEach(s -> out.println("script:  say #" + s.index() + " " + s.trigger() + " \"" + s.text() + "\""));
    EpisodeRecorder[] recorder = new EpisodeRecorder[1];
    EpisodeRunner.Listener listener = new EpisodeRunner.Listener() {
      @Override
      public void line(double t, String text) {
        out.println(stamp(t) + text);
      }

      @Override
      public void call(double t, AffordanceCall call, String explanation) {
        out.println(stamp(t) + "vla: call " + explanation);
      }

      @Override
      public void status(double t, SkillStatus s) {
        out.println(stamp(t) + "executor: " + s);
      }

      private String stamp(double t) {
        return String.format(Locale.ROOT, "[%6.2fs] ", t);
      }
    };
    EpisodeRunner.Options options = new EpisodeRunner.Options(seed, 15, true, !fast);
    EpisodeResult result = EpisodeRunner.run(sc, PolicyChoice.factory(policy), options, listener, (transport, episode) -> {
      recorder[0] = new EpisodeRecorder(transport, episode, dir);
      return List.of(recorder[0]);
    });
    Verdict v = result.verdict();
    List<Path> files = recorder[0].write(result);
    out.println();
    if (v.success()) {
      out.printf(Locale.ROOT, "SUCCESS: %s — %d of %d predicates hold (%s) after %.1f s of sim time%n", sc.name(),
          v.checks().size(), v.checks().size(), ending(v), result.simSeconds());
    } else {
      out.printf(Locale.ROOT, "FAILED: %s — %s (%s after %.1f s)%n", sc.name(), v.failure(), ending(v), result.simSeconds());
    }
    out.println("episode record: " + dir + "/ (" + String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList()) + ")");
    return v.success() ? 0 : 1;
  }

  private static String ending(Verdict v) {
    return switch (v.ending()) {
      case DONE -> "the robot reported done";
      case ASKED -> "the robot asked a question";
      case TIMEOUT -> "timed out";
      case RUNNING -> "stopped";
    };
  }
}
