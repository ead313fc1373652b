package dev.vla.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RenderBenchmarkTest {
  @Test
  void reportsOrderedPercentiles() {
    RenderBenchmark.Result result = RenderBenchmark.run(30);
    assertEquals(30, result.frames());
    assertTrue(result.p50Millis() > 0);
    assertTrue(result.p50Millis() <= result.p90Millis());
    assertTrue(result.p90Millis() <= result.p99Millis());
    assertTrue(result.p99Millis() <= result.maxMillis());
  }
}
