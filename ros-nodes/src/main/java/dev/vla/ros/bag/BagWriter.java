package dev.vla.ros.bag;

import dev.vla.ros.dds.CdrWriter;
import dev.vla.ros.dds.Codecs;
import dev.vla.ros.dds.MessageCodec;
import dev.vla.ros.transport.Topic;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Writes one rosbag2 bag: a directory {@code <dir>} holding {@code <name>_0.db3} in the sqlite3 storage
 * layout of ROS 2 Jazzy (rosbag2 0.26, storage schema version 4: tables {@code schema},
 * {@code metadata}, {@code topics}, {@code message_definitions}, {@code messages} and the index
 * {@code timestamp_idx}; each type's complete {@code ros2msg} definition, so the bag describes its own
 * messages) and {@code metadata.yaml} (metadata version 9), where {@code <name>} is the
 * directory's name, as {@code ros2 bag record -s sqlite3 -o <dir>} names it. Messages are stored as
 * CDR exactly as on the wire: the 4-byte encapsulation header ({@code 00 01 00 00}, little-endian CDR)
 * and the body.
 *
 * <p>Any thread may {@link #write}: messages go into a bounded queue (a count and a byte cap) and
 * one writer thread inserts them in transactions. A transaction is committed at the latest
 * {@link Options#flushInterval} (half a second) after its first message, and on {@link #flush} and
 * {@link #close}; {@code metadata.yaml} is rewritten after each commit (a temporary file renamed over
 * the old one), so a process killed at any moment leaves a bag that {@code ros2 bag info} and
 * {@code sqlite3} open, with everything up to the last commit. The database is written in WAL mode
 * with {@code synchronous=NORMAL} (rosbag2's "resilient" preset); a killed bag keeps its
 * {@code -wal} file next to the {@code .db3}, which readers apply when they open it. A closed bag is
 * checkpointed into a single plain {@code .db3}.
 *
 * <p>A full queue drops the new message (counted, with a warning) rather than grow: small messages
 * (calls, statuses, commands) get a reserve beyond the byte cap so a backlog of camera frames does not
 * push them out.
 */
public final class BagWriter implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("bag");

  /** {@code ros_distro} written into the schema table and the metadata: the layout followed. */
  static final String ROS_DISTRO = "jazzy";

  /** sqlite3 storage schema version of Jazzy's rosbag2_storage_sqlite3. */
  static final int SCHEMA_VERSION = 4;

  /** Messages up to this size may use the reserve beyond the byte cap. */
  private static final int SMALL_MESSAGE = 64 * 1024;
  private static final long SMALL_RESERVE = 4L * 1024 * 1024;

  /**
   * The QoS a topic's publishers offered, as {@code ros2 bag play} will offer it again: keep-last
   * {@code depth}, reliable or best-effort, volatile or transient-local; deadline, lifespan and
   * liveliness lease infinite, liveliness automatic.
   */
  public record Qos(int depth, boolean reliable, boolean transientLocal) {
    /** What this project's DDS writers offer: reliable, volatile, keep-last 10 (the ROS 2 default). */
    public static final Qos DEFAULT = new Qos(10, true, false);
  }

  /**
   * Writer settings.
   *
   * @param flushInterval longest time a written message waits for its commit
   * @param maxQueuedMessages messages waiting for the writer thread before new ones are dropped
   * @param maxQueuedBytes bytes waiting for the writer thread before new ones are dropped
   * @param customData written into the metadata's {@code custom_data} (what recorded it, how)
   */
  public record Options(Duration flushInterval, int maxQueuedMessages, long maxQueuedBytes,
      Map<String, String> customData) {
    public Options {
      if (flushInterval.isNegative() || flushInterval.isZero()) {
        throw new IllegalArgumentException("flush interval must be positive, got " + flushInterval);
      }
      if (maxQueuedMessages < 1 || maxQueuedBytes < 1) {
        throw new IllegalArgumentException("queue caps must be positive");
      }
      customData = Collections.unmodifiableMap(new LinkedHashMap<>(customData)); // in the given order
    }

    /** Commit every 0.5 s; queue up to 20 000 messages or 64 MiB. */
    public static Options defaults() {
      return new Options(Duration.ofMillis(500), 20_000, 64L * 1024 * 1024, Map.of());
    }

    public Options withCustomData(Map<String, String> data) {
      return new Options(flushInterval, maxQueuedMessages, maxQueuedBytes, data);
    }

    public Options withFlushInterval(Duration d) {
      return new Options(d, maxQueuedMessages, maxQueuedBytes, customData);
    }

    public Options withQueueCaps(int messages, long bytes) {
      return new Options(flushInterval, messages, bytes, customData);
    }
  }

  /**
   * Counts so far.
   *
   * @param committed messages in the bag (committed)
   * @param dropped messages refused because the queue was full, or lost to a write error
   * @param bytes bytes of message data committed
   */
  public record Stats(long committed, long dropped, long bytes) {}

  private sealed interface Op permits TopicOp, MessageOp, FlushOp {}

  private record TopicOp(TopicEntry topic) implements Op {}

  private record MessageOp(TopicEntry topic, long stamp, byte[] data) implements Op {}

  private record FlushOp(CountDownLatch done, boolean last) implements Op {}

  private static final class TopicEntry {
    final int id;
    final String name;
    final String type;
    final Qos qos;
    long committed; // writer thread
    long pending; // writer thread

    TopicEntry(int id, String name, String type, Qos qos) {
      this.id = id;
      this.name = name;
      this.type = type;
      this.qos = qos;
    }
  }

  private final Path dir;
  private final String fileName;
  private final Options options;
  private final Connection db;
  private final PreparedStatement insertMessage;
  private final PreparedStatement insertTopic;
  private final PreparedStatement updateMetadata;
  private final PreparedStatement insertDefinition;
  private final Thread thread;

  // Guarded by lock.
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<Op> queue = new ArrayDeque<>();
  private long queuedBytes;
  private int queuedMessages;
  private boolean closing;
  private final Map<String, TopicEntry> topicsByName = new LinkedHashMap<>();
  private final List<TopicEntry> topicsById = new ArrayList<>();

  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong committedMessages = new AtomicLong();
  private final AtomicLong committedBytes = new AtomicLong();

  // Writer thread only.
  private final List<TopicEntry> topics = new ArrayList<>();
  private final Set<String> definedTypes = new HashSet<>();
  private boolean inTransaction;
  private long transactionDeadline;
  private long pendingMessages;
  private long pendingBytes;
  private long startNanos = Long.MAX_VALUE;
  private long endNanos = Long.MIN_VALUE;
  private long pendingStart = Long.MAX_VALUE;
  private long pendingEnd = Long.MIN_VALUE;
  private boolean failed;
  private boolean metadataCurrent;

  private BagWriter(Path dir, Options options) {
    this.dir = dir;
    this.options = options;
    this.fileName = dir.getFileName() + "_0.db3";
    Path file = dir.resolve(fileName);
    try {
      db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    } catch (SQLException e) {
      throw new BagException("cannot create the bag database " + file + ": " + e.getMessage(), e);
    }
    try {
      try (Statement s = db.createStatement()) {
        // rosbag2's "resilient" preset: a killed writer leaves committed transactions intact.
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
      }
      db.setAutoCommit(false);
      createSchema();
      insertMessage = db.prepareStatement("INSERT INTO messages (timestamp, topic_id, data) VALUES (?, ?, ?)");
      insertTopic = db.prepareStatement("INSERT INTO topics (id, name, type, serialization_format, "
          + "offered_qos_profiles, type_description_hash) VALUES (?, ?, ?, 'cdr', ?, '')");
      updateMetadata = db.prepareStatement("UPDATE metadata SET metadata = ? WHERE id = 1");
      insertDefinition = db.prepareStatement("INSERT INTO message_definitions (topic_type, encoding, "
          + "encoded_message_definition, type_description_hash) VALUES (?, ?, ?, '')");
      db.commit();
    } catch (SQLException e) {
      try {
        db.close();
      } catch (SQLException ignored) {
        // reporting the first failure
      }
      throw new BagException("cannot create the bag database " + file + ": " + e.getMessage(), e);
    }
    writeMetadataFile(snapshot(false));
    thread = new Thread(this::run, "bag-writer-" + dir.getFileName());
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Creates the bag directory {@code dir} (and its parents) and starts writing.
   *
   * @throws BagException when the directory cannot be created or written, or already holds files
   */
  public static BagWriter create(Path dir, Options options) {
    checkCreatable(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new BagException("cannot create the bag directory " + dir + ": " + reason(e));
    }
    if (!Files.isWritable(dir)) {
      throw new BagException("cannot write the bag directory " + dir + ": permission denied");
    }
    return new BagWriter(dir, options);
  }

  /**
   * Says, without creating anything, whether a bag could be created at {@code dir}: it must not exist
   * or be an empty directory, and its nearest existing ancestor must be a writable directory.
   *
   * @throws BagException saying what is in the way
   */
  public static void checkCreatable(Path dir) {
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new BagException("cannot create the bag directory " + dir + ": a file of that name exists");
      }
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new BagException("a bag already exists at " + dir
              + " (the directory is not empty): choose another directory or remove it");
        }
      } catch (IOException e) {
        throw new BagException("cannot read the bag directory " + dir + ": " + reason(e));
      }
      if (!Files.isWritable(dir)) {
        throw new BagException("cannot write the bag directory " + dir + ": permission denied");
      }
      return;
    }
    Path ancestor = dir.toAbsolutePath().getParent();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (ancestor == null) {
      return;
    }
    if (!Files.isDirectory(ancestor)) {
      throw new BagException("cannot create the bag directory " + dir + ": " + ancestor + " is a file");
    }
    if (!Files.isWritable(ancestor)) {
      throw new BagException("cannot create the bag directory " + dir + ": " + ancestor + " is not writable");
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private void createSchema() throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE schema(schema_version INTEGER PRIMARY KEY, ros_distro TEXT NOT NULL)");
      s.execute("CREATE TABLE metadata(id INTEGER PRIMARY KEY, metadata_version INTEGER NOT NULL, "
          + "metadata TEXT NOT NULL)");
      s.execute("CREATE TABLE topics(id INTEGER PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, "
          + "serialization_format TEXT NOT NULL, offered_qos_profiles TEXT NOT NULL, "
          + "type_description_hash TEXT NOT NULL)");
      s.execute("CREATE TABLE message_definitions(id INTEGER PRIMARY KEY, topic_type TEXT NOT NULL, "
          + "encoding TEXT NOT NULL, encoded_message_definition TEXT NOT NULL, type_description_hash TEXT NOT NULL)");
      s.execute("CREATE TABLE messages(id INTEGER PRIMARY KEY, topic_id INTEGER NOT NULL, "
          + "timestamp INTEGER NOT NULL, data BLOB NOT NULL)");
      s.execute("CREATE INDEX timestamp_idx ON messages (timestamp ASC)");
    }
    try (PreparedStatement p = db.prepareStatement("INSERT INTO schema (schema_version, ros_distro) VALUES (?, ?)")) {
      p.setInt(1, SCHEMA_VERSION);
      p.setString(2, ROS_DISTRO);
      p.executeUpdate();
    }
    try (PreparedStatement p = db.prepareStatement("INSERT INTO metadata (id, metadata_version, metadata) VALUES (1, ?, ?)")) {
      p.setInt(1, BagMetadata.VERSION);
      p.setString(2, BagMetadata.table(snapshot(false)));
      p.executeUpdate();
    }
  }

  /** The bag directory. */
  public Path dir() {
    return dir;
  }

  /** The sqlite3 file, {@code <dir>/<name>_0.db3}. */
  public Path databaseFile() {
    return dir.resolve(fileName);
  }

  /**
   * Declares a topic (once; again with the same type is a no-op) so messages can be written to it.
   *
   * @return the topic's id in the bag
   * @throws IllegalArgumentException when the topic was declared with another type
   */
  public int topic(String name, String rosType, Qos qos) {
    lock.lock();
    try {
      TopicEntry t = topicsByName.get(name);
      if (t != null) {
        if (!t.type.equals(rosType)) {
          throw new IllegalArgumentException("topic " + name + " is in the bag as " + t.type + ", not " + rosType);
        }
        return t.id;
      }
      if (closing) {
        throw new IllegalStateException("the bag " + dir + " is closed");
      }
      t = new TopicEntry(topicsByName.size() + 1, name, rosType, qos);
      topicsByName.put(name, t);
      topicsById.add(t);
      queue.add(new TopicOp(t));
      notEmpty.signal();
      return t.id;
    } finally {
      lock.unlock();
    }
  }

  public int topic(String name, String rosType) {
    return topic(name, rosType, Qos.DEFAULT);
  }

  /**
   * Queues one serialised message (CDR with its encapsulation header) received at {@code stampNanos}.
   *
   * @return false when it was dropped: the queue is full, or the bag is closed
   */
  public boolean write(int topicId, long stampNanos, byte[] cdr) {
    if (cdr.length < CdrWriter.HEADER) {
      throw new IllegalArgumentException("a CDR message has at least its " + CdrWriter.HEADER + "-byte header");
    }
    lock.lock();
    try {
      if (topicId < 1 || topicId > topicsById.size()) {
        throw new IllegalArgumentException("no topic with id " + topicId + " in the bag");
      }
      long cap = options.maxQueuedBytes() + (cdr.length <= SMALL_MESSAGE ? SMALL_RESERVE : 0);
      if (closing || queuedMessages >= options.maxQueuedMessages() || queuedBytes + cdr.length > cap) {
        long n = dropped.incrementAndGet();
        if (!closing && (n == 1 || n % 100 == 0)) {
          LOG.log(Level.WARNING, "bag " + dir + ": the writer falls behind; dropped a message (" + n + " so far)");
        }
        return false;
      }
      queue.add(new MessageOp(topicsById.get(topicId - 1), stampNanos, cdr));
      queuedMessages++;
      queuedBytes += cdr.length;
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Serialises {@code message} with the codec of the topic's ROS type and queues it; declares the topic. */
  public <T> boolean write(Topic<T> topic, long stampNanos, T message) {
    MessageCodec<T> codec = codec(topic);
    return write(topic(topic.name(), topic.rosType()), stampNanos, serialise(codec, message));
  }

  /** The CDR codec of a topic's ROS type. */
  @SuppressWarnings("unchecked")
  static <T> MessageCodec<T> codec(Topic<T> topic) {
    return (MessageCodec<T>) Codecs.forRosType(topic.rosType()).orElseThrow(() -> new IllegalArgumentException(
        "no CDR codec for " + topic.rosType() + " (topic " + topic.name() + "): add one to Codecs"));
  }

  private static final ThreadLocal<ByteBuffer[]> SCRATCH = ThreadLocal.withInitial(() -> new ByteBuffer[1]);

  /** A message as it travels on the wire: encapsulation header {@code 00 01 00 00}, then the CDR body. */
  public static <T> byte[] serialise(MessageCodec<T> codec, T message) {
    ByteBuffer[] holder = SCRATCH.get();
    int size = holder[0] == null ? 64 * 1024 : holder[0].capacity();
    while (true) {
      if (holder[0] == null || holder[0].capacity() < size) {
        holder[0] = ByteBuffer.allocate(size);
      }
      ByteBuffer buf = holder[0];
      buf.clear();
      try {
        codec.write(message, new CdrWriter(buf));
        return Arrays.copyOf(buf.array(), buf.position());
      } catch (BufferOverflowException e) {
        if (size >= codec.maxSize()) {
          throw new IllegalArgumentException(codec + " message is larger than its " + codec.maxSize() + "-byte limit");
        }
        size = (int) Math.min((long) size * 4, codec.maxSize());
      }
    }
  }

  /** Blocks until everything queued so far is committed (or {@code timeout} passes); false on timeout. */
  public boolean flush(Duration timeout) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    lock.lock();
    try {
      if (closing) {
        return true;
      }
      queue.add(new FlushOp(done, false));
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
    return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  public Stats stats() {
    return new Stats(committedMessages.get(), dropped.get(), committedBytes.get());
  }

  /**
   * Writes what is queued, commits, rewrites {@code metadata.yaml}, folds the write-ahead log into the
   * {@code .db3} and closes. Idempotent.
   */
  @Override
  public void close() {
    CountDownLatch done = new CountDownLatch(1);
    lock.lock();
    try {
      if (!closing) {
        closing = true;
        queue.add(new FlushOp(done, true));
        notEmpty.signal();
      }
    } finally {
      lock.unlock();
    }
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // finish writing the bag anyway
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- writer thread ----

  private void run() {
    try {
      while (true) {
        Op op = next();
        if (op != null) {
          apply(op);
          if (op instanceof FlushOp f) {
            commit();
            if (f.last()) {
              finish();
              f.done().countDown();
              return;
            }
            f.done().countDown();
            continue;
          }
        }
        if (inTransaction && System.nanoTime() - transactionDeadline >= 0) {
          commit();
        }
      }
    } catch (RuntimeException | Error e) {
      LOG.log(Level.ERROR, "bag " + dir + ": the writer stopped: " + e);
      failed = true;
    }
  }

  /** The next operation, or null when the open transaction is due before one arrives. */
  private Op next() {
    lock.lock();
    try {
      while (queue.isEmpty()) {
        if (inTransaction) {
          long wait = transactionDeadline - System.nanoTime();
          if (wait <= 0) {
            return null;
          }
          notEmpty.awaitNanos(wait);
        } else {
          notEmpty.await();
        }
      }
      Op op = queue.poll();
      if (op instanceof MessageOp m) {
        queuedMessages--;
        queuedBytes -= m.data().length;
      }
      return op;
    } catch (InterruptedException e) {
      // Nobody interrupts this thread but the JVM's end; commit what there is.
      Thread.currentThread().interrupt();
      return new FlushOp(new CountDownLatch(1), true);
    } finally {
      lock.unlock();
    }
  }

  private void apply(Op op) {
    if (failed) {
      if (op instanceof MessageOp) {
        dropped.incrementAndGet();
      }
      return;
    }
    try {
      if (op instanceof TopicOp t) {
        begin();
        TopicEntry e = t.topic();
        insertTopic.setInt(1, e.id);
        insertTopic.setString(2, e.name);
        insertTopic.setString(3, e.type);
        insertTopic.setString(4, BagMetadata.qosString(e.qos));
        insertTopic.executeUpdate();
        if (definedTypes.add(e.type)) {
          // As ros2 bag record does: the complete definition, or 'unknown' when there is none.
          Optional<String> definition = MessageDefinitions.of(e.type);
          insertDefinition.setString(1, e.type);
          insertDefinition.setString(2, definition.isPresent() ? MessageDefinitions.ENCODING : "unknown");
          insertDefinition.setString(3, definition.orElse(""));
          insertDefinition.executeUpdate();
        }
        topics.add(e);
        metadataCurrent = false;
      } else if (op instanceof MessageOp m) {
        begin();
        insertMessage.setLong(1, m.stamp());
        insertMessage.setInt(2, m.topic().id);
        insertMessage.setBytes(3, m.data());
        insertMessage.executeUpdate();
        m.topic().pending++;
        pendingMessages++;
        pendingBytes += m.data().length;
        pendingStart = Math.min(pendingStart, m.stamp());
        pendingEnd = Math.max(pendingEnd, m.stamp());
      }
    } catch (SQLException e) {
      fail(e);
    }
  }

  private void begin() {
    if (!inTransaction) {
      inTransaction = true;
      transactionDeadline = System.nanoTime() + options.flushInterval().toNanos();
    }
  }

  private void commit() {
    if (failed || !inTransaction) {
      if (!failed && !metadataCurrent) {
        writeMetadataFile(snapshot(false));
      }
      return;
    }
    try {
      BagMetadata.Snapshot after = snapshot(true);
      updateMetadata.setString(1, BagMetadata.table(after));
      updateMetadata.executeUpdate();
      db.commit();
      for (TopicEntry t : topics) {
        t.committed += t.pending;
        t.pending = 0;
      }
      startNanos = Math.min(startNanos, pendingStart);
      endNanos = Math.max(endNanos, pendingEnd);
      inTransaction = false;
      writeMetadataFile(after);
      committedMessages.addAndGet(pendingMessages);
      committedBytes.addAndGet(pendingBytes);
      resetPending();
    } catch (SQLException e) {
      fail(e);
    }
  }

  private void resetPending() {
    pendingMessages = 0;
    pendingBytes = 0;
    pendingStart = Long.MAX_VALUE;
    pendingEnd = Long.MIN_VALUE;
  }

  private void fail(SQLException e) {
    failed = true;
    long lost = pendingMessages;
    try {
      db.rollback();
    } catch (SQLException ignored) {
      // the connection is gone too; what was committed stays
    }
    dropped.addAndGet(lost);
    for (TopicEntry t : topics) {
      t.pending = 0;
    }
    resetPending();
    inTransaction = false;
    LOG.log(Level.ERROR, "bag " + dir + ": writing failed, recording stops here (" + lost
        + " messages lost, the bag keeps what was committed before): " + e.getMessage());
  }

  private void finish() {
    try {
      db.setAutoCommit(true);
      try (Statement s = db.createStatement()) {
        // One self-contained .db3, like a bag written by ros2 bag record.
        s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        s.execute("PRAGMA journal_mode=DELETE");
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "bag " + dir + ": could not fold the write-ahead log into " + fileName
          + " (readers still apply it): " + e.getMessage());
    } finally {
      try {
        db.close();
      } catch (SQLException e) {
        LOG.log(Level.WARNING, "bag " + dir + ": closing the database: " + e.getMessage());
      }
    }
  }

  /** The bag as committed, or as it will be once the open transaction commits. */
  private BagMetadata.Snapshot snapshot(boolean withPending) {
    List<BagMetadata.TopicCount> counts = new ArrayList<>();
    long total = 0;
    for (TopicEntry t : topics) {
      long n = t.committed + (withPending ? t.pending : 0);
      counts.add(new BagMetadata.TopicCount(t.name, t.type, t.qos, n));
      total += n;
    }
    long start = withPending ? Math.min(startNanos, pendingStart) : startNanos;
    long end = withPending ? Math.max(endNanos, pendingEnd) : endNanos;
    return new BagMetadata.Snapshot(fileName, counts, total, start, end, options.customData());
  }

  private void writeMetadataFile(BagMetadata.Snapshot s) {
    Path target = dir.resolve("metadata.yaml");
    Path tmp = dir.resolve(".metadata.yaml.tmp");
    try {
      Files.writeString(tmp, BagMetadata.file(s));
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      metadataCurrent = true;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "bag " + dir + ": cannot write metadata.yaml: " + reason(e));
    }
  }
}
