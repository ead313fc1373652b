package dev.vla.ros.transport;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Topics inside one process: a publish calls every subscriber's callback on the publishing thread,
 * in subscription order. Deterministic, so lock-step evaluation is reproducible. Thread-safe.
 */
public final class InMemoryTransport implements Transport {
  private static final Logger LOG = System.getLogger("transport");
  private final Map<String, List<Consumer<Object>>> subscribers = new ConcurrentHashMap<>();
  private final Map<String, Class<?>> types = new ConcurrentHashMap<>();
  private volatile boolean closed;

  @Override
  public <T> Publisher<T> advertise(Topic<T> topic) {
    checkType(topic);
    AtomicLong failures = new AtomicLong();
    return new Publisher<>() {
      @Override
      public Topic<T> topic() {
        return topic;
      }

      @Override
      public boolean publish(T message) {
        if (closed || message == null) {
          failures.incrementAndGet();
          return false;
        }
        boolean ok = true;
        for (Consumer<Object> c : subscribers.getOrDefault(topic.name(), List.of())) {
          try {
            c.accept(message);
          } catch (RuntimeException e) {
            ok = false;
            failures.incrementAndGet();
            LOG.log(Level.ERROR, "subscriber of " + topic.name() + " threw", e);
          }
        }
        return ok;
      }

      @Override
      public long failures() {
        return failures.get();
      }
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> AutoCloseable subscribe(Topic<T> topic, Consumer<T> callback) {
    checkType(topic);
    Consumer<Object> c = m -> callback.accept((T) m);
    subscribers.computeIfAbsent(topic.name(), k -> new CopyOnWriteArrayList<>()).add(c);
    return () -> {
      List<Consumer<Object>> list = subscribers.get(topic.name());
      if (list != null) { // none after close: nothing left to remove
        list.remove(c);
      }
    };
  }

  private void checkType(Topic<?> topic) {
    Class<?> known = types.putIfAbsent(topic.name(), topic.type());
    if (known != null && known != topic.type()) {
      throw new IllegalArgumentException("topic " + topic.name() + " carries " + known.getSimpleName()
          + ", not " + topic.type().getSimpleName());
    }
  }

  @Override
  public String name() {
    return "in-memory";
  }

  @Override
  public void close() {
    closed = true;
    subscribers.clear();
  }
}
