package dev.vla.ros.nodes;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Spins nodes on the calling thread in simulated time: at every step of {@code stepNanos} each node
 * whose period has elapsed ticks, in list order. Deterministic; faster than real time unless
 * {@code realTime} paces it to the wall clock.
 */
public final class LockstepRunner {
  private final List<Node> nodes;
  private final long stepNanos;
  private final long[] nextTick;
  private long now;

  public LockstepRunner(List<Node> nodes, long stepNanos) {
    this.nodes = new java.util.ArrayList<>(nodes);
    this.stepNanos = stepNanos;
    this.nextTick = new long[nodes.size()];
  }

  /**
   * Puts {@code replacement} in the place of {@code node} from the next step: a process that died
   * ({@code null}: nothing ticks there) or was restarted. For fault injection; runner thread only.
   */
  public void replace(Node node, Node replacement) {
    int i = nodes.indexOf(node);
    if (i < 0) {
      throw new IllegalArgumentException("node " + node.name() + " is not run here");
    }
    nodes.set(i, replacement);
    nextTick[i] = now;
  }

  public long nowNanos() {
    return now;
  }

  /** Steps until {@code done} is true after a step, or {@code maxNanos} of sim time pass. */
  public void runUntil(BooleanSupplier done, long maxNanos, boolean realTime) throws InterruptedException {
    long wallStart = System.nanoTime();
    long simStart = now;
    while (now - simStart < maxNanos) {
      now += stepNanos;
      for (int i = 0; i < nodes.size(); i++) {
        if (nodes.get(i) != null && now >= nextTick[i]) {
          nodes.get(i).tick(now);
          nextTick[i] = now + nodes.get(i).period().toNanos() - stepNanos / 2;
        }
      }
      if (done.getAsBoolean()) {
        return;
      }
      if (realTime) {
        long ahead = (now - simStart) - (System.nanoTime() - wallStart);
        if (ahead > 1_000_000L) {
          Thread.sleep(ahead / 1_000_000L, (int) (ahead % 1_000_000L));
        }
      }
    }
  }
}
