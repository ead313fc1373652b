package dev.vla.ros.transport;

import java.util.function.Consumer;

/**
 * The narrow topic interface every stage talks through: advertise a topic, subscribe to one. The
 * in-memory implementation serves tests and deterministic evaluation; a DDS implementation puts the
 * same stages on a real ROS 2 graph. Subscribers' callbacks run on the transport's thread and must
 * only queue work (nodes do).
 */
public interface Transport extends AutoCloseable {
  <T> Publisher<T> advertise(Topic<T> topic);

  /** Subscribes; the returned handle unsubscribes when closed. */
  <T> AutoCloseable subscribe(Topic<T> topic, Consumer<T> callback);

  /** Name for logs: {@code in-memory}, {@code dds}. */
  String name();

  @Override
  void close();
}
