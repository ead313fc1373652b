package dev.vla.ros.transport;

import java.util.function.Consumer;

/**
 * A view of a transport that can be cut off, as a participant whose network link or process dies:
 * while severed nothing it publishes leaves and nothing reaches its subscribers; the messages of that
 * time are lost, not delayed. For fault injection (tests, {@code vla soak}); closing it leaves the
 * underlying transport open.
 */
public final class SeverableTransport implements Transport {
  private final Transport inner;
  private volatile boolean severed;

  public SeverableTransport(Transport inner) {
    this.inner = inner;
  }

  public void sever(boolean cut) {
    severed = cut;
  }

  public boolean severed() {
    return severed;
  }

  @Override
  public <T> Publisher<T> advertise(Topic<T> topic) {
    Publisher<T> p = inner.advertise(topic);
    return new Publisher<>() {
      @Override
      public Topic<T> topic() {
        return topic;
      }

      @Override
      public boolean publish(T message) {
        return severed || p.publish(message); // lost on the wire: the publisher cannot tell
      }

      @Override
      public long failures() {
        return p.failures();
      }
    };
  }

  @Override
  public <T> AutoCloseable subscribe(Topic<T> topic, Consumer<T> callback) {
    return inner.subscribe(topic, m -> {
      if (!severed) {
        callback.accept(m);
      }
    });
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void close() {}
}
