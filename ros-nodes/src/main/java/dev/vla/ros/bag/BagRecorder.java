package dev.vla.ros.bag;

import dev.vla.ros.Topics;
import dev.vla.ros.dds.Codecs;
import dev.vla.ros.dds.MessageCodec;
import dev.vla.ros.nodes.Node;
import dev.vla.ros.transport.Topic;
import dev.vla.ros.transport.Transport;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records an episode's topics into a {@link BagWriter}: the camera (throttled), the instruction, calls
 * and statuses, every command, the robot's state, tf, diagnostics and audio; the list is
 * {@link #TOPICS}, one line per topic.
 *
 * <p>Timestamps are receive times on the node clock: a message is stamped with the clock of the
 * recorder's next tick after it arrived. In {@code ./vla run} and {@code ./vla eval} the nodes tick in
 * sim time (nanoseconds from the start of the episode, the same clock as the messages' header stamps),
 * so the bag starts near 0 (1970-01-01 to tools that print dates), like {@code ros2 bag record} with
 * {@code use_sim_time}; {@code ros2 bag play --clock} replays that clock. Where nodes tick in ROS time
 * the stamps are nanoseconds since the epoch, as {@code ros2 bag record} writes them. In lock step the
 * recorder ticks every step after the stack, so a bag is as deterministic as the episode.
 *
 * <p>Camera images are recorded at most {@link Config#cameraHz} per stream (2 Hz by default: a VGA
 * colour and depth pair is about 2 MB); everything else in full, the vla node's debug image (one per
 * decision) included.
 *
 * <p>Lifecycle: construct (subscribes), add {@link #node()} to the run so it ticks, {@link #close}
 * after the run has ended (also after the stack's nodes have closed, so the executor's last zero
 * velocity is in the bag).
 */
public final class BagRecorder implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("bag");

  /** A recorded topic; {@code camera} ones (the camera's image streams) are throttled to {@link Config#cameraHz}. */
  public record Recorded(Topic<?> topic, boolean camera) {
    static Recorded full(Topic<?> topic) {
      return new Recorded(topic, false);
    }

    static Recorded camera(Topic<?> topic) {
      return new Recorded(topic, true);
    }
  }

  /** What a bag records: one line per topic. */
  public static final List<Recorded> TOPICS = List.of(
      Recorded.camera(Topics.COLOR),
      Recorded.camera(Topics.DEPTH),
      Recorded.full(Topics.CAMERA_INFO),
      Recorded.full(Topics.AUDIO),
      Recorded.full(Topics.INSTRUCTION),
      Recorded.full(Topics.AFFORDANCE_CALL),
      Recorded.full(Topics.SKILL_STATUS),
      Recorded.full(Topics.CMD_VEL),
      Recorded.full(Topics.ARM_TRAJECTORY),
      Recorded.full(Topics.HEAD_TRAJECTORY),
      Recorded.full(Topics.GRIPPER),
      Recorded.full(Topics.ODOM),
      Recorded.full(Topics.JOINT_STATES),
      Recorded.full(Topics.TF),
      Recorded.full(Topics.DIAGNOSTICS),
      Recorded.full(Topics.ESTOP),
      Recorded.full(Topics.ESTOP_RESET),
      // What the executor asked for, beside what the safety supervisor let through (/cmd_vel, ...).
      Recorded.full(Topics.EXECUTOR_CMD_VEL),
      Recorded.full(Topics.EXECUTOR_ARM),
      Recorded.full(Topics.EXECUTOR_HEAD),
      Recorded.full(Topics.EXECUTOR_GRIPPER),
      Recorded.full(Topics.DEBUG_IMAGE)); // one per decision: each shows what a call pointed at

  /**
   * Recorder settings.
   *
   * @param cameraHz most images per second per camera stream; {@code Double.POSITIVE_INFINITY} records
   *     every frame, 0 none (the camera topics are then left out of the bag)
   */
  public record Config(double cameraHz) {
    public Config {
      if (!(cameraHz >= 0)) {
        throw new IllegalArgumentException("camera rate must be 0 or more (infinite for every frame), got " + cameraHz);
      }
    }

    public static final double DEFAULT_CAMERA_HZ = 2.0;

    public static Config defaults() {
      return new Config(DEFAULT_CAMERA_HZ);
    }

    public static Config everyFrame() {
      return new Config(Double.POSITIVE_INFINITY);
    }
  }

  /** Messages arrived and not yet handed to the writer, at most this many. */
  private static final int PENDING_CAPACITY = 4096;

  private record Pending(Channel channel, Object message) {}

  /** One recorded topic: its id in the bag, codec and camera throttle. */
  private static final class Channel {
    final Topic<?> topic;
    final MessageCodec<Object> codec;
    final int id;
    final boolean throttled;
    long nextDue = Long.MIN_VALUE;
    long skipped;

    Channel(Topic<?> topic, MessageCodec<Object> codec, int id, boolean throttled) {
      this.topic = topic;
      this.codec = codec;
      this.id = id;
      this.throttled = throttled;
    }
  }

  private final BagWriter writer;
  private final long framePeriodNanos;
  private final List<AutoCloseable> subscriptions = new ArrayList<>();
  private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pendingSize = new AtomicInteger();
  private final AtomicLong overflow = new AtomicLong();
  private final Node node;
  private long lastNow;
  private boolean closed;

  /** Subscribes to every topic of {@link #TOPICS} that has a codec on {@code transport}. */
  public BagRecorder(Transport transport, BagWriter writer, Config config) {
    this(transport, writer, config, TOPICS);
  }

  public BagRecorder(Transport transport, BagWriter writer, Config config, List<Recorded> topics) {
    this.writer = writer;
    this.framePeriodNanos = Double.isInfinite(config.cameraHz()) || config.cameraHz() == 0 ? 0
        : Math.round(1e9 / config.cameraHz());
    for (Recorded r : topics) {
      if (r.camera() && config.cameraHz() == 0) {
        continue;
      }
      @SuppressWarnings("unchecked")
      MessageCodec<Object> codec = (MessageCodec<Object>) Codecs.forRosType(r.topic().rosType()).orElse(null);
      if (codec == null) {
        LOG.log(Level.WARNING, "bag: not recording " + r.topic() + ": no CDR codec for its type");
        continue;
      }
      Channel ch = new Channel(r.topic(), codec, writer.topic(r.topic().name(), r.topic().rosType()), r.camera());
      subscriptions.add(subscribe(transport, r.topic(), ch));
    }
    node = new Node("bag_recorder", transport) {
      @Override
      public Duration period() {
        return Duration.ofMillis(10);
      }

      @Override
      protected void onTick(long nowNanos) {
        drain(nowNanos);
      }
    };
  }

  private <T> AutoCloseable subscribe(Transport transport, Topic<T> topic, Channel ch) {
    return transport.subscribe(topic, msg -> {
      if (pendingSize.incrementAndGet() > PENDING_CAPACITY) {
        pendingSize.decrementAndGet();
        long n = overflow.incrementAndGet();
        if (n == 1 || n % 100 == 0) {
          LOG.log(Level.WARNING, "bag: the recorder falls behind; dropped a message on " + topic.name() + " (" + n
              + " so far)");
        }
        return;
      }
      pending.add(new Pending(ch, msg));
    });
  }

  /**
   * The node that stamps and hands over what arrived, at every tick; add it to the run (it ticks with the
   * stack's clock). Closing it does not end the recording: {@link #close} does.
   */
  public Node node() {
    return node;
  }

  public BagWriter writer() {
    return writer;
  }

  /** Messages lost: the recorder's or the writer's queue was full, or a write failed. */
  public long dropped() {
    return overflow.get() + writer.stats().dropped();
  }

  private synchronized void drain(long now) {
    lastNow = now;
    Pending p;
    while ((p = pending.poll()) != null) {
      pendingSize.decrementAndGet();
      Channel ch = p.channel();
      if (ch.throttled && framePeriodNanos > 0) {
        boolean first = ch.nextDue == Long.MIN_VALUE;
        if (!first && now < ch.nextDue) {
          ch.skipped++;
          continue;
        }
        // Keep the cadence without drift; after a gap, start again from this frame.
        ch.nextDue = !first && now - ch.nextDue < framePeriodNanos ? ch.nextDue + framePeriodNanos
            : now + framePeriodNanos;
      }
      byte[] cdr;
      try {
        cdr = BagWriter.serialise(ch.codec, p.message());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "bag: a message on " + ch.topic.name() + " does not serialise: " + e.getMessage());
        continue;
      }
      writer.write(ch.id, now, cdr);
    }
  }

  /**
   * Stops recording: what arrived since the last tick is stamped with the last tick's clock, then the
   * bag is committed and closed. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (AutoCloseable s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "bag: unsubscribing failed: " + e);
      }
    }
    drain(lastNow);
    writer.close();
    long lost = dropped();
    if (lost > 0) {
      LOG.log(Level.WARNING, "bag " + writer.dir() + ": " + lost + " messages were dropped while recording");
    }
  }
}
