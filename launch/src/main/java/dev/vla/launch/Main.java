package dev.vla.launch;

import dev.vla.launch.cli.BenchCommand;
import dev.vla.launch.cli.DatasetCommand;
import dev.vla.launch.cli.EvalCommand;
import dev.vla.launch.cli.LaunchCommand;
import dev.vla.launch.cli.NodeCommand;
import dev.vla.launch.cli.RunCommand;
import dev.vla.launch.cli.ScenariosCommand;
import dev.vla.launch.cli.SoakCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./vla}. */
@Command(
    name = "vla",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Voice-commanded vision-language-action controller for ROS 2 robots.",
      "Runs the whole stack (simulator, camera, vla policy, executor) on scenario files and evaluates policies."
    },
    subcommands = {RunCommand.class, EvalCommand.class, BenchCommand.class, ScenariosCommand.class, DatasetCommand.class,
        NodeCommand.class, LaunchCommand.class, SoakCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    Logging.configure();
    int code = commandLine().execute(args);
    System.exit(code);
  }

  /** The configured command line; tests execute it without exiting the JVM. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof UserError ue) {
        commandLine.getErr().println("vla: " + ue.getMessage());
        return 2;
      }
      commandLine.getErr().println("vla: internal error: " + ex);
      ex.printStackTrace(commandLine.getErr());
      return 70;
    });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Version from the jar manifest, or "development". */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"vla-controller " + (v == null ? "development build" : v)};
    }
  }
}
