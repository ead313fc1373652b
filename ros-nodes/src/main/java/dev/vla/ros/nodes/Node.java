package dev.vla.ros.nodes;

import dev.vla.ros.transport.Publisher;
import dev.vla.ros.transport.Topic;
import dev.vla.ros.transport.Transport;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import dev.vla.ros.msg.DiagnosticArray;

/**
 * A stage of the controller in the shape of a ROS 2 node: it publishes and subscribes through a
 * {@link Transport}, and does all its work on one thread in {@link #tick}. Messages arriving on
 * transport threads are queued (bounded) and handed to their handlers at the top of the next tick,
 * so handlers need no locks. Sensor streams can be subscribed "latest only" (KeepLast(1)).
 *
 * <p>Lifecycle: construct (advertise, subscribe), tick repeatedly from one runner thread, close once.
 */
public abstract class Node implements AutoCloseable {
  private static final int INBOX_CAPACITY = 256;

  protected final System.Logger log;
  private final String name;
  protected final Transport transport;
  private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inboxSize = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final Map<String, Object> latest = new ConcurrentHashMap<>();
  private final List<AutoCloseable> subscriptions = new ArrayList<>();
  private volatile Runnable wakeup = () -> {};
  private volatile boolean urgent;
  private boolean closed;

  protected Node(String name, Transport transport) {
    this.name = name;
    this.transport = transport;
    this.log = System.getLogger(name);
  }

  public String name() {
    return name;
  }

  /** How often the runner ticks this node. */
  public abstract Duration period();

  /** A runner sets this to be told when urgent work (a stop) arrives between ticks. */
  public void setWakeup(Runnable wakeup) {
    this.wakeup = wakeup;
  }

  protected void wake() {
    urgent = true;
    wakeup.run();
  }

  /** True once after {@link #wake}: something must be handled before the next scheduled tick. */
  boolean hasUrgentWork() {
    boolean u = urgent;
    urgent = false;
    return u;
  }

  /**
   * Whether the node's ticks must be on time (a control loop): a threaded runner then trades a little
   * CPU for punctuality. Default false.
   */
  public boolean timingCritical() {
    return false;
  }

  protected <T> Publisher<T> publisher(Topic<T> topic) {
    return transport.advertise(topic);
  }

  /** Every message is queued and handled, in order, at the next tick. */
  protected <T> void subscribe(Topic<T> topic, Consumer<T> handler) {
    subscriptions.add(transport.subscribe(topic, msg -> {
      if (inboxSize.incrementAndGet() > INBOX_CAPACITY) {
        inboxSize.decrementAndGet();
        if (dropped.incrementAndGet() % 100 == 1) {
          log.log(Level.WARNING, "{0}: inbox full; dropped a message on {1} ({2} so far)", name, topic.name(), dropped.get());
        }
        return;
      }
      inbox.add(() -> handler.accept(msg));
    }));
  }

  /** Only the newest message is kept; the handler sees it once at the next tick (sensor streams). */
  protected <T> void subscribeLatest(Topic<T> topic, Consumer<T> handler) {
    String key = topic.name();
    subscriptions.add(transport.subscribe(topic, msg -> {
      if (latest.put(key, msg) == null) {
        inbox.add(() -> {
          @SuppressWarnings("unchecked")
          T m = (T) latest.remove(key);
          if (m != null) {
            handler.accept(m);
          }
        });
      }
    }));
  }

  /** The handler runs on the transport's thread at once: for the few thread-safe fast paths (stop). */
  protected <T> void subscribeImmediate(Topic<T> topic, Consumer<T> handler) {
    subscriptions.add(transport.subscribe(topic, handler));
  }

  /** Handles queued messages, then does the node's periodic work. Runner thread only. */
  public final void tick(long nowNanos) {
    Runnable r;
    while ((r = inbox.poll()) != null) {
      inboxSize.decrementAndGet();
      try {
        r.run();
      } catch (RuntimeException e) {
        log.log(Level.ERROR, name + ": a message handler failed", e);
      }
    }
    onTick(nowNanos);
  }

  protected abstract void onTick(long nowNanos);

  /**
   * This node's line on /diagnostics. Called from the diagnostics node's thread: overrides read only
   * fields that are safe to read there.
   */
  public DiagnosticArray.Status diagnose() {
    long d = dropped.get();
    return new DiagnosticArray.Status(d > 0 ? DiagnosticArray.Level.WARN : DiagnosticArray.Level.OK, name,
        d > 0 ? d + " messages dropped: the node falls behind its inputs" : "running", "",
        Map.of("dropped_messages", Long.toString(d), "transport", transport.name()));
  }

  /** Messages dropped because the inbox was full. */
  public long droppedMessages() {
    return dropped.get();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (AutoCloseable s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        log.log(Level.WARNING, "{0}: unsubscribing failed: {1}", name, e.toString());
      }
    }
    onClose();
  }

  /** Releases what the node owns; called once by {@link #close}. */
  protected void onClose() {}

  protected static Duration hz(double rate) {
    return Duration.ofNanos(Math.round(1e9 / rate));
  }

  protected static final Logger.Level INFO = Level.INFO;
}
