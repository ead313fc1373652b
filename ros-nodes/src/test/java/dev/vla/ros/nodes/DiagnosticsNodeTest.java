package dev.vla.ros.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.ros.Topics;
import dev.vla.ros.msg.DiagnosticArray;
import dev.vla.ros.transport.InMemoryTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsNodeTest {
  static class Quiet extends Node {
    Quiet(InMemoryTransport t) {
      super("quiet", t);
    }

    @Override
    public Duration period() {
      return Duration.ofMillis(20);
    }

    @Override
    protected void onTick(long nowNanos) {}
  }

  static final class Broken extends Quiet {
    Broken(InMemoryTransport t) {
      super(t);
    }

    @Override
    public DiagnosticArray.Status diagnose() {
      throw new IllegalStateException("sensor gone");
    }
  }

  @Test
  void everyWatchedNodeReportsOnceASecondAndAFailingReportIsAnError() {
    try (InMemoryTransport t = new InMemoryTransport()) {
      List<DiagnosticArray> seen = new ArrayList<>();
      t.subscribe(Topics.DIAGNOSTICS, seen::add);
      DiagnosticsNode d = new DiagnosticsNode(t, List.of(new Quiet(t), new Broken(t)), "vla_controller");
      assertEquals(Duration.ofSeconds(1), d.period());
      d.tick(5_000_000_000L);
      assertEquals(1, seen.size());
      List<DiagnosticArray.Status> s = seen.get(0).status();
      assertEquals("vla_controller: quiet", s.get(0).name());
      assertEquals(DiagnosticArray.Level.OK, s.get(0).level());
      assertEquals("0", s.get(0).values().get("dropped_messages"));
      assertEquals(DiagnosticArray.Level.ERROR, s.get(1).level());
      assertTrue(s.get(1).message().contains("sensor gone"), s.get(1).message());
      assertEquals(5_000_000_000L, seen.get(0).header().stampNanos());
    }
  }
}
