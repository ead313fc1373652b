package dev.vla.launch.ros;

import dev.vla.ros.dds.DdsSettings;
import dev.vla.ros.dds.DdsTransport;
import dev.vla.ros.nodes.DiagnosticsNode;
import dev.vla.ros.nodes.Node;
import dev.vla.ros.nodes.SimBridgeNode;
import dev.vla.ros.nodes.ThreadedRunner;
import dev.vla.ros.transport.Transport;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs controller nodes in this process, each its own ROS 2 participant on DDS, ticking with ROS time
 * so stamps agree with nodes elsewhere, plus one /diagnostics publisher for them. Closing stops the
 * threads, closes the nodes in reverse order (the executor publishes zero velocity) and leaves the graph.
 */
public final class NodeRuntime implements AutoCloseable {
  private static final Logger LOG = System.getLogger("launch");

  /** One node to start: its kind (sim, vla, executor), its ROS name, parameters and remappings. */
  public record Spec(String kind, String name, RosParams params, Map<String, String> remaps) {}

  private final List<Transport> transports = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();
  private ThreadedRunner runner;
  private boolean closed;

  /** Builds every node (all or nothing), then starts them. */
  public NodeRuntime(List<Spec> specs, DdsSettings dds, Consumer<String> log) {
    try {
      for (Spec s : specs) {
        Transport transport = new RemappingTransport(new DdsTransport(s.name(), dds), s.remaps());
        transports.add(transport);
        nodes.addAll(RosNodes.create(s.kind(), transport, s.params(), log));
        if (!s.params().unused().isEmpty()) {
          throw new IllegalArgumentException("node " + s.name() + " has no parameter(s) " + s.params().unused());
        }
      }
      Transport diag = new DdsTransport(specs.size() == 1 ? specs.get(0).name() + "_diagnostics" : "vla_diagnostics", dds);
      transports.add(diag);
      List<Node> all = new ArrayList<>(nodes);
      all.add(new DiagnosticsNode(diag, nodes, "vla_controller"));
      nodes.add(all.get(all.size() - 1));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    // The simulator's time starts now, not when it was built (loading a scenario takes a moment).
    Instant t = Instant.now();
    for (Node n : nodes) {
      if (n instanceof SimBridgeNode sim) {
        sim.setClockOrigin(t.getEpochSecond() * 1_000_000_000L + t.getNano());
      }
    }
    runner = new ThreadedRunner(nodes, true);
    runner.start();
  }

  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (runner != null) {
      runner.close();
    }
    for (int i = nodes.size() - 1; i >= 0; i--) {
      try {
        nodes.get(i).close();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "closing node " + nodes.get(i).name() + " failed: " + e);
      }
    }
    for (Transport t : transports) {
      t.close();
    }
  }
}
