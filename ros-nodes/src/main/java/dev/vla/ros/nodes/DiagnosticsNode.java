package dev.vla.ros.nodes;

import dev.vla.ros.Topics;
import dev.vla.ros.msg.DiagnosticArray;
import dev.vla.ros.msg.Header;
import dev.vla.ros.transport.Publisher;
import dev.vla.ros.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes the state of the controller's nodes once a second on {@code /diagnostics}
 * (diagnostic_msgs/DiagnosticArray), what {@code rqt_robot_monitor} and most fleet tools read. Each
 * node reports itself ({@link Node#diagnose}); names are prefixed with the controller's name.
 */
public final class DiagnosticsNode extends Node {
  private final List<Node> watched;
  private final String prefix;
  private final Publisher<DiagnosticArray> out;

  public DiagnosticsNode(Transport transport, List<Node> watched, String prefix) {
    super("diagnostics", transport);
    this.watched = List.copyOf(watched);
    this.prefix = prefix;
    this.out = publisher(Topics.DIAGNOSTICS);
  }

  @Override
  public Duration period() {
    return Duration.ofSeconds(1);
  }

  @Override
  protected void onTick(long nowNanos) {
    List<DiagnosticArray.Status> status = new ArrayList<>();
    for (Node n : watched) {
      DiagnosticArray.Status s;
      try {
        s = n.diagnose();
      } catch (RuntimeException e) {
        s = new DiagnosticArray.Status(DiagnosticArray.Level.ERROR, n.name(), "cannot report: " + e, "",
            java.util.Map.of());
      }
      status.add(new DiagnosticArray.Status(s.level(), prefix + ": " + s.name(), s.message(), prefix, s.values()));
    }
    out.publish(new DiagnosticArray(new Header(nowNanos, ""), status));
  }
}
