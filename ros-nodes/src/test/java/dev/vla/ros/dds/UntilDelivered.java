package dev.vla.ros.dds;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.ros.transport.Publisher;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** Test helper: DDS discovery takes a moment, so publish every 100 ms until the first message arrives. */
final class UntilDelivered {
  private UntilDelivered() {}

  static <T> T publish(Publisher<T> pub, T message, BlockingQueue<T> arrivals, int tries, String nothingArrived)
      throws InterruptedException {
    for (int i = 0; i < tries; i++) {
      assertTrue(pub.publish(message));
      T m = arrivals.poll(100, TimeUnit.MILLISECONDS);
      if (m != null) {
        return m;
      }
    }
    throw new AssertionError(nothingArrived);
  }
}
