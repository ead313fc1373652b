package dev.vla.ros.dds;

import com.eprosima.xmlschemas.fastrtps_profiles.HistoryMemoryPolicyType;
import com.eprosima.xmlschemas.fastrtps_profiles.HistoryQosKindPolicyType;
import com.eprosima.xmlschemas.fastrtps_profiles.DurabilityQosKindPolicyType;
import com.eprosima.xmlschemas.fastrtps_profiles.ReliabilityQosKindPolicyType;
import com.eprosima.xmlschemas.fastrtps_profiles.TransportDescriptorType;
import dev.vla.ros.transport.Publisher;
import dev.vla.ros.transport.Topic;
import dev.vla.ros.transport.Transport;
import jakarta.xml.bind.JAXBElement;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.xml.namespace.QName;
import us.ihmc.pubsub.DomainFactory;
import us.ihmc.pubsub.attributes.ParticipantProfile;
import us.ihmc.pubsub.attributes.PublisherAttributes;
import us.ihmc.pubsub.attributes.SubscriberAttributes;
import us.ihmc.pubsub.common.SampleInfo;
import us.ihmc.pubsub.common.Time;
import us.ihmc.pubsub.impl.fastRTPS.FastRTPSDomain;
import us.ihmc.pubsub.subscriber.Subscriber;
import us.ihmc.ros2.NewMessageListener;
import us.ihmc.ros2.ROS2Node;
import us.ihmc.ros2.ROS2Publisher;
import us.ihmc.ros2.ROS2QosProfile;
import us.ihmc.ros2.ROS2Subscription;

/**
 * Topics on a real ROS 2 graph: one DDS participant (Fast-DDS through IHMC's binding) whose
 * publishers and subscriptions use the standard ROS 2 topic and type names ({@code rt/cmd_vel},
 * {@code geometry_msgs::msg::dds_::Twist_}), so {@code ros2 topic echo} and any other DDS vendor see
 * them. QoS is reliable and volatile (the ROS 2 default), keep-last 10; camera subscriptions are
 * best-effort so they match sensor-data publishers too. Subscription callbacks run on
 * Fast-DDS's receive thread; a message that does not decode is counted and logged and the rest go on.
 */
public final class DdsTransport implements Transport {
  private static final Logger LOG = System.getLogger("dds");
  private static final int DEPTH = 10;
  private static final int SHM_SEGMENT_BYTES = 16 * 1024 * 1024;

  private final ROS2Node node;
  private final DdsSettings settings;
  private final Map<String, String> typeByTopic = new ConcurrentHashMap<>();
  private final List<Runnable> closers = new CopyOnWriteArrayList<>();
  private final AtomicLong decodeFailures = new AtomicLong();
  private volatile boolean closed;
  private volatile boolean publishedAny;
  private volatile long lastPublishNanos;

  /**
   * Joins the graph as node {@code nodeName}.
   *
   * @throws DdsUnavailableException when the DDS participant cannot be created (natives missing for this
   *     platform, no usable network interface), with the reason
   */
  public DdsTransport(String nodeName, DdsSettings settings) {
    this.settings = settings;
    try {
      node = new ROS2Node(DomainFactory.getDomain(DomainFactory.PubSubImplementation.FAST_RTPS), nodeName, "",
          participantProfile(settings));
    } catch (RuntimeException | LinkageError e) {
      throw new DdsUnavailableException("cannot join the ROS 2 graph (DDS domain " + settings.domainId() + ", interface "
          + settings.networkInterface() + "): " + e, e);
    }
    LOG.log(Level.INFO, "node " + nodeName + " on DDS domain " + settings.domainId() + " (" + settings.networkInterface()
        + ")");
  }

  static ParticipantProfile participantProfile(DdsSettings s) {
    long leaseNanos = s.lease().toNanos();
    ParticipantProfile profile = ParticipantProfile.create()
        .domainId(s.domainId())
        .discoveryLeaseDuration(time(leaseNanos));
    profile.getProfile().getRtps().getBuiltin().getDiscoveryConfig()
        .setLeaseAnnouncement(us.ihmc.pubsub.attributes.DDSConversionTools.timeToDurationType(time(leaseNanos / 3)));
    profile.useBuiltinTransports(false);
    TransportDescriptorType udp = new TransportDescriptorType();
    udp.setTransportId("vla_udpv4_" + java.util.UUID.randomUUID());
    udp.setType("UDPv4");
    udp.setSendBufferSize((long) s.socketBufferBytes());
    udp.setReceiveBufferSize((long) s.socketBufferBytes());
    String address = switch (s.networkInterface()) {
      case DdsSettings.LOOPBACK -> "127.0.0.1";
      case DdsSettings.ALL -> null;
      default -> s.networkInterface();
    };
    if (address != null) {
      TransportDescriptorType.InterfaceWhiteList allow = new TransportDescriptorType.InterfaceWhiteList();
      allow.getAddressOrInterface().add(
          new JAXBElement<>(new QName(FastRTPSDomain.FAST_DDS_XML_NAMESPACE, "address"), String.class, address));
      udp.setInterfaceWhiteList(allow);
    }
    profile.addTransport(udp);
    if (s.sharedMemory()) {
      // Same-host Fast-DDS peers (the nodes of one robot) exchange frames through shared memory; the
      // segment holds several VGA frames. Other vendors and other hosts still use UDP.
      TransportDescriptorType shm = new TransportDescriptorType();
      shm.setTransportId("vla_shm_" + java.util.UUID.randomUUID());
      shm.setType("SHM");
      shm.setSegmentSize((long) SHM_SEGMENT_BYTES);
      profile.addTransport(shm);
    }
    profile.getProfile().getRtps().setSendSocketBufferSize((long) s.socketBufferBytes());
    profile.getProfile().getRtps().setListenSocketBufferSize((long) s.socketBufferBytes());
    return profile;
  }

  private static Time time(long nanos) {
    return new Time((int) (nanos / 1_000_000_000L), nanos % 1_000_000_000L);
  }

  private static ROS2QosProfile qos() {
    return qos(ReliabilityQosKindPolicyType.RELIABLE);
  }

  private static ROS2QosProfile qos(ReliabilityQosKindPolicyType reliability) {
    return new ROS2QosProfile(HistoryQosKindPolicyType.KEEP_LAST, DEPTH, reliability, DurabilityQosKindPolicyType.VOLATILE,
        false);
  }

  /**
   * Camera streams are read best-effort, as ROS sensor subscribers do: a best-effort reader matches any
   * camera driver (many publish best-effort, the "sensor data" profile) and never asks for a stale frame
   * again. Everything else, and every writer, is reliable.
   */
  static boolean sensorStream(String rosType) {
    return rosType.equals("sensor_msgs/msg/Image") || rosType.equals("sensor_msgs/msg/CameraInfo");
  }

  @SuppressWarnings("unchecked")
  private <T> RecordTopicType<T> typeOf(Topic<T> topic) {
    MessageCodec<T> codec = (MessageCodec<T>) Codecs.forRosType(topic.rosType()).orElseThrow(
        () -> new IllegalArgumentException("no DDS codec for " + topic.rosType() + " on " + topic.name() + "; known: "
            + String.join(", ", Codecs.rosTypes())));
    String known = typeByTopic.putIfAbsent(topic.name(), topic.rosType());
    if (known != null && !known.equals(topic.rosType())) {
      throw new IllegalArgumentException("topic " + topic.name() + " carries " + known + ", not " + topic.rosType());
    }
    return new RecordTopicType<>(codec, topic.rosType());
  }

  @Override
  public <T> Publisher<T> advertise(Topic<T> topic) {
    checkOpen();
    RecordTopicType<T> type = typeOf(topic);
    PublisherAttributes attrs = node.createPublisherAttributes(type, topic.name(), qos());
    // Allocate samples as they come instead of depth x the type's maximum (8 MiB for images).
    attrs.getProfile().setHistoryMemoryPolicy(HistoryMemoryPolicyType.DYNAMIC_REUSABLE);
    ROS2Publisher<RecordTopicType.Box<T>> pub = node.createPublisher(type, attrs);
    closers.add(() -> {
      pub.remove();
      releasePayload(pub, "publisher");
    });
    return new DdsPublisher<>(topic, pub);
  }

  private final class DdsPublisher<T> implements Publisher<T> {
    private final Topic<T> topic;
    private final ROS2Publisher<RecordTopicType.Box<T>> pub;
    private final RecordTopicType.Box<T> box = new RecordTopicType.Box<>();
    private final AtomicLong failures = new AtomicLong();

    DdsPublisher(Topic<T> topic, ROS2Publisher<RecordTopicType.Box<T>> pub) {
      this.topic = topic;
      this.pub = pub;
    }

    @Override
    public Topic<T> topic() {
      return topic;
    }

    @Override
    public boolean publish(T message) {
      boolean ok;
      if (closed || message == null) {
        ok = false;
      } else {
        synchronized (this) {
          box.value = message;
          ok = pub.publish(box);
          box.value = null;
          lastPublishNanos = System.nanoTime();
          publishedAny = true;
        }
      }
      if (!ok) {
        long n = failures.incrementAndGet();
        if (n <= 5 || n % 100 == 0) {
          LOG.log(Level.WARNING, "publish on " + topic + " failed (" + n + " so far)"
              + (closed ? ": transport closed" : message == null ? ": null message" : ""));
        }
      }
      return ok;
    }

    @Override
    public long failures() {
      return failures.get();
    }
  }

  @Override
  public <T> AutoCloseable subscribe(Topic<T> topic, Consumer<T> callback) {
    checkOpen();
    RecordTopicType<T> type = typeOf(topic);
    SubscriberAttributes attrs = node.createSubscriberAttributes(topic.name(), type,
        sensorStream(topic.rosType()) ? qos(ReliabilityQosKindPolicyType.BEST_EFFORT) : qos());
    dynamicReaderMemory(attrs);
    Gate gate = new Gate();
    NewMessageListener<RecordTopicType.Box<T>> listener = (Subscriber<RecordTopicType.Box<T>> s) -> {
      if (!gate.enter()) {
        return;
      }
      try {
        drain(s, topic, callback, gate);
      } finally {
        gate.exit();
      }
    };
    ROS2Subscription<RecordTopicType.Box<T>> sub = node.createSubscription(type, listener, attrs);
    Runnable remove = () -> {
      gate.closeAndAwaitIdle();
      sub.remove();
      releasePayload(sub, "subscriber");
    };
    closers.add(remove);
    return () -> {
      if (closers.remove(remove)) {
        remove.run();
      }
    };
  }

  private <T> void drain(Subscriber<RecordTopicType.Box<T>> s, Topic<T> topic, Consumer<T> callback, Gate gate) {
    RecordTopicType.Box<T> box = new RecordTopicType.Box<>();
    SampleInfo info = new SampleInfo();
    // One notification per received sample; drain in case several were coalesced, without calling
    // take on an empty reader (Fast-DDS's wrapper prints an error line for that).
    do {
      boolean taken;
      try {
        taken = s.takeNextData(box, info);
      } catch (RuntimeException e) {
        long n = decodeFailures.incrementAndGet();
        if (n <= 5 || n % 100 == 0) {
          LOG.log(Level.WARNING, "dropped a message on " + topic + " that does not decode: " + e.getMessage());
        }
        continue;
      }
      if (!taken) {
        return;
      }
      try {
        callback.accept(box.value);
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "subscriber of " + topic.name() + " threw", e);
      }
    } while (gate.open() && !s.isInCleanState());
  }

  /**
   * Keeps the receive thread out of a subscription being removed. IHMC's subscriber holds its lock
   * while Fast-DDS waits for a running callback to finish, and the callback needs that lock to take a
   * sample: removing a subscription while messages arrive would deadlock. So removal first closes the
   * gate and waits until no callback is inside.
   */
  private static final class Gate {
    private final java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;

    boolean enter() {
      inside.incrementAndGet();
      if (closed) {
        inside.decrementAndGet();
        return false;
      }
      return true;
    }

    void exit() {
      inside.decrementAndGet();
    }

    boolean open() {
      return !closed;
    }

    void closeAndAwaitIdle() {
      closed = true;
      long deadline = System.nanoTime() + 2_000_000_000L;
      while (inside.get() > 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
    }
  }

  /**
   * IHMC 0.24.4 keeps a removed publisher or subscriber reachable through its native listener, and with
   * it the direct buffer it serialises into (the type's maximum size: 8 MiB for images), so every
   * participant closed would leak megabytes. Once the endpoint is removed (it refuses writes and takes
   * from then on), drop its buffer so a removed endpoint costs bytes.
   */
  private static void releasePayload(Object ros2Endpoint, String field) {
    try {
      Field outer = ros2Endpoint.getClass().getDeclaredField(field);
      outer.setAccessible(true);
      Object endpoint = outer.get(ros2Endpoint);
      Field payload = endpoint.getClass().getDeclaredField("payload");
      payload.setAccessible(true);
      payload.set(endpoint, null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.DEBUG, "cannot release the buffer of a removed DDS " + field + ": " + e);
    }
  }

  /** IHMC's SubscriberAttributes has no accessor for the reader profile; set its memory policy directly. */
  private static void dynamicReaderMemory(SubscriberAttributes attrs) {
    try {
      Field f = SubscriberAttributes.class.getDeclaredField("subscriberProfile");
      f.setAccessible(true);
      ((com.eprosima.xmlschemas.fastrtps_profiles.SubscriberProfileType) f.get(attrs))
          .setHistoryMemoryPolicy(HistoryMemoryPolicyType.DYNAMIC_REUSABLE);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.WARNING, "reader keeps the preallocated memory policy: " + e);
    }
  }

  /** Messages received that did not decode (malformed, truncated or of another layout). */
  public long decodeFailures() {
    return decodeFailures.get();
  }

  public DdsSettings settings() {
    return settings;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the DDS transport is closed");
    }
  }

  @Override
  public String name() {
    return "dds";
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (publishedAny && System.nanoTime() - lastPublishNanos < 500_000_000L) {
      // Give reliable writers a moment to deliver the last messages (a zero velocity) before leaving.
      java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
    }
    for (Runnable r : closers) {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "releasing a DDS entity failed: " + e);
      }
    }
    closers.clear();
    node.destroy();
  }
}
