package dev.vla.launch.cli;

import picocli.CommandLine.Command;

/** {@code vla scenarios}: tools for scenario files. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, description = "Check and generate scenario files.",
    subcommands = {ScenariosCommand.Check.class})
public final class ScenariosCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Loads every scenario of a folder and reports the first problem of each bad one. */
  @Command(name = "check", mixinStandardHelpOptions = true, description = "Load scenario files and report problems with file and line.")
  static final class Check implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Parameters(paramLabel = "PATH", description = "Scenario files or folders.")
    java.util.List<java.nio.file.Path> paths = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
      int bad = 0;
      int good = 0;
      for (java.nio.file.Path p : paths) {
        java.util.List<java.nio.file.Path> files;
        try (var s = java.nio.file.Files.walk(p)) {
          files = s.filter(f -> f.toString().endsWith(".sdf")).sorted().toList();
        }
        for (java.nio.file.Path f : files) {
          try {
            dev.vla.sim.scenario.ScenarioLoader.load(f);
            good++;
          } catch (dev.vla.sim.scenario.ScenarioException e) {
            bad++;
            System.out.println("FAIL " + f + ": " + e.getMessage());
          }
        }
      }
      System.out.println(good + " ok, " + bad + " with problems");
      return bad == 0 ? 0 : 1;
    }
  }
}
