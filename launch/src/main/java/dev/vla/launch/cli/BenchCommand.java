package dev.vla.launch.cli;

import picocli.CommandLine.Command;

/** {@code vla bench}: latency benchmarks; each prints percentiles. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmarks; each prints percentiles. Figures are kept in docs/benchmarks.md."},
    subcommands = {})
public final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
