package dev.vla.ros.nodes;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Spins each node on its own thread in wall-clock time, as separate ROS 2 processes would: a node
 * ticks at its period and at once when woken (a stop arriving). Time is nanoseconds since
 * {@link #start}. Each tick's lateness against its schedule can be observed for jitter measurements.
 */
public final class ThreadedRunner implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("runner");

  /** How early a timing-critical node wakes before its tick. */
  static final long SPIN_MARGIN_NANOS = 1_500_000L;

  private final List<Node> nodes;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<LongConsumer> latenessObservers = new ArrayList<>();
  private final boolean rosTime;
  private long origin;
  private long epochAtStart;

  public ThreadedRunner(List<Node> nodes) {
    this(nodes, false);
  }

  /**
   * @param rosTime tick with ROS time (nanoseconds since the Unix epoch, steady during the run), so
   *     stamps agree with nodes in other processes; otherwise nanoseconds since {@link #start}
   */
  public ThreadedRunner(List<Node> nodes, boolean rosTime) {
    this.rosTime = rosTime;
    this.nodes = List.copyOf(nodes);
    for (int i = 0; i < nodes.size(); i++) {
      latenessObservers.add(ns -> { });
    }
  }

  /** Observes how late each tick of node {@code index} started, in nanoseconds; set before {@link #start}. */
  public void observeLateness(int index, LongConsumer observer) {
    latenessObservers.set(index, observer);
  }

  /** The clock every node ticks with: nanoseconds since start, or ROS time. */
  public long now() {
    return System.nanoTime() - origin + epochAtStart;
  }

  public void start() {
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("runner already started");
    }
    if (rosTime) {
      java.time.Instant t = java.time.Instant.now();
      epochAtStart = t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
    origin = System.nanoTime();
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      LongConsumer lateness = latenessObservers.get(i);
      Thread t = new Thread(() -> spin(node, lateness), "node-" + node.name());
      t.setDaemon(true);
      node.setWakeup(() -> LockSupport.unpark(t));
      threads.add(t);
    }
    threads.forEach(Thread::start);
  }

  private void spin(Node node, LongConsumer lateness) {
    long period = node.period().toNanos();
    long margin = node.timingCritical() ? SPIN_MARGIN_NANOS : 0;
    long next = now();
    while (running.get()) {
      if (node.hasUrgentWork()) {
        // Woken by urgent work (a stop): tick now, keep the schedule.
        tickSafely(node, now());
        continue;
      }
      long wait = next - margin - now();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
        continue; // deadline, urgent work, or a spurious wake-up: look again
      }
      // A control loop wakes a little early and waits out the rest on the core it already holds:
      // the scheduler's wake-up latency on a busy machine is larger than the jitter budget.
      while (now() < next) {
        Thread.onSpinWait();
      }
      long start = now();
      lateness.accept(start - next);
      tickSafely(node, start);
      next += period;
      if (now() - next > 10 * period) {
        next = now(); // fell far behind (debugger, overload): do not try to catch up with a burst
      }
    }
  }

  private static void tickSafely(Node node, long now) {
    try {
      node.tick(now);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, node.name() + ": tick failed", e);
    }
  }

  /** Stops the threads (each finishes its current tick), then returns. */
  @Override
  public void close() {
    running.set(false);
    for (Thread t : threads) {
      LockSupport.unpark(t);
    }
    for (Thread t : threads) {
      try {
        t.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
