package dev.vla.launch.cli;

import dev.vla.launch.UserError;
import dev.vla.sim.scenario.ScenarioException;
import dev.vla.sim.scenario.ScenarioLoader;
import dev.vla.sim.scenario.gen.HeldOutSet;
import dev.vla.sim.scenario.gen.SkeletonSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vla scenarios}: check and generate scenario files. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, description = "Check and generate scenario files.",
    subcommands = {ScenariosCommand.Check.class, ScenariosCommand.Generate.class})
public final class ScenariosCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Loads scenario files and reports the first problem of each bad one, with file and line. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Load scenario files (or every *.sdf under folders) and report problems with file and line.")
  static final class Check implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Scenario files or folders.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      int bad = 0;
      int good = 0;
      for (Path p : paths) {
        if (!Files.exists(p)) {
          throw new UserError(p + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(p)) {
          files = s.filter(f -> f.toString().endsWith(".sdf")).sorted().toList();
        }
        for (Path f : files) {
          try {
            ScenarioLoader.load(f);
            good++;
          } catch (ScenarioException e) {
            bad++;
            System.out.println("FAIL " + e.getMessage());
          }
        }
      }
      System.out.println(good + " ok, " + bad + " with problems");
      return bad == 0 ? 0 : 1;
    }
  }

  /** Writes one of the project's generated scenario sets. */
  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Write a generated scenario set (deterministic for a seed).")
  static final class Generate implements Callable<Integer> {
    @Option(names = "--set", paramLabel = "NAME",
        description = "Which set: skeleton (default) or heldout (new layouts and phrasings, compositional split).")
    String set = "skeleton";

    @Option(names = "--per-category", description = "heldout: scenarios per request category (default: ${DEFAULT-VALUE}).")
    int perCategory = 14;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the files into.")
    Path out;

    @Option(names = "--seed", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed = 3;

    @Override
    public Integer call() throws Exception {
      List<Path> written = switch (set) {
        case "skeleton" -> SkeletonSet.write(out, seed);
        case "heldout" -> HeldOutSet.write(out, seed, perCategory);
        default -> throw new UserError("unknown scenario set '" + set + "'; available: [skeleton, heldout]");
      };
      int bad = 0;
      for (Path f : written) {
        try {
          ScenarioLoader.load(f);
        } catch (ScenarioException e) {
          bad++;
          System.out.println("FAIL " + e.getMessage());
        }
      }
      System.out.println("wrote " + written.size() + " scenarios to " + out + (bad == 0 ? "" : "; " + bad + " do not load"));
      return bad == 0 ? 0 : 1;
    }
  }
}
