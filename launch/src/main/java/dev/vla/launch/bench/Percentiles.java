package dev.vla.launch.bench;

import java.io.PrintStream;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Latency figures in milliseconds from an HdrHistogram recorded in microseconds. */
public record Percentiles(String name, long count, double p50, double p90, double p99, double max, double mean) {
  public static Percentiles of(String name, Histogram microseconds) {
    return new Percentiles(name, microseconds.getTotalCount(),
        microseconds.getValueAtPercentile(50) / 1000.0,
        microseconds.getValueAtPercentile(90) / 1000.0,
        microseconds.getValueAtPercentile(99) / 1000.0,
        microseconds.getMaxValue() / 1000.0,
        microseconds.getMean() / 1000.0);
  }

  /** A histogram for microsecond values up to a minute. */
  public static Histogram histogram() {
    return new Histogram(60_000_000L, 3);
  }

  public void print(PrintStream out) {
    out.printf(Locale.ROOT, "%-44s n=%-6d p50 %7.3f ms  p90 %7.3f ms  p99 %7.3f ms  max %7.3f ms%n", name, count, p50,
        p90, p99, max);
  }
}
