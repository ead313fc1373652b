package dev.vla.ros.episode;

import dev.vla.model.Decision;
import dev.vla.model.Observation;
import dev.vla.model.Policy;

/** A policy whose model can be made to fail or stall, for fault injection. */
final class FaultyPolicy implements Policy {
  private final Policy inner;
  private volatile boolean failing;
  private volatile long delayNanos;
  private volatile boolean deciding;
  private final java.util.concurrent.atomic.AtomicInteger overlaps = new java.util.concurrent.atomic.AtomicInteger();

  FaultyPolicy(Policy inner) {
    this.inner = inner;
  }

  void failing(boolean on) {
    failing = on;
  }

  void delay(double seconds) {
    delayNanos = Math.round(seconds * 1e9);
  }

  @Override
  public String name() {
    return inner.name();
  }

  /** Times the policy was reset or had its queue dropped while a decision ran on it (policies are not thread-safe). */
  int overlaps() {
    return overlaps.get();
  }

  @Override
  public void reset() {
    if (deciding) {
      overlaps.incrementAndGet();
    }
    inner.reset();
  }

  @Override
  public Decision decide(Observation observation) {
    if (failing) {
      throw new IllegalStateException("model session failed: injected fault (ONNX Runtime error)");
    }
    deciding = true;
    try {
      return slowly(observation);
    } finally {
      deciding = false;
    }
  }

  private Decision slowly(Observation observation) {
    long d = delayNanos;
    if (d > 0) {
      try {
        Thread.sleep(d / 1_000_000, (int) (d % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("decision abandoned", e);
      }
    }
    return inner.decide(observation);
  }

  @Override
  public void dropQueued() {
    if (deciding) {
      overlaps.incrementAndGet();
    }
    inner.dropQueued();
  }

  @Override
  public boolean readsGroundTruth() {
    return inner.readsGroundTruth();
  }

  @Override
  public void close() {
    inner.close();
  }
}
