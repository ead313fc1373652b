package dev.vla.ros.transport;

/** Publishes on one topic. Thread-safe; never blocks the caller; failures are counted, not thrown. */
public interface Publisher<T> {
  Topic<T> topic();

  /** Sends a message; returns false (and counts it) when it could not be handed to the transport. */
  boolean publish(T message);

  /** Messages that could not be published so far. */
  long failures();
}
