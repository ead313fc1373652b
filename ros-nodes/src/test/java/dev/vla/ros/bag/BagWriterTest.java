package dev.vla.ros.bag;

import static dev.vla.ros.bag.Sqlite3.list;
import static dev.vla.ros.bag.Sqlite3.map;
import static dev.vla.ros.bag.Sqlite3.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.SkillStatus;
import dev.vla.ros.Topics;
import dev.vla.ros.dds.CdrReader;
import dev.vla.ros.dds.Codecs;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.msg.Twist;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** Bags from known messages, read back with the sqlite3 command-line tool and a YAML parser. */
class BagWriterTest {
  static final long T0 = 1_700_000_000_000_000_000L;

  @Test
  void aBagReadsBackWithSqlite3(@TempDir Path tmp) throws Exception {
    Path bag = tmp.resolve("episode");
    try (BagWriter w = BagWriter.create(bag, BagWriter.Options.defaults().withCustomData(Map.of("vla.scenario", "demo")))) {
      assertTrue(w.write(Topics.INSTRUCTION, T0, new StringMsg("hi")));
      for (int i = 0; i < 3; i++) {
        assertTrue(w.write(Topics.CMD_VEL, T0 + (i + 1) * 100_000_000L, Twist.planar(1.0, 0.5)));
      }
      assertTrue(w.write(Topics.SKILL_STATUS, T0 + 250_000_000L,
          new SkillStatus(7, "pick", SkillStatus.State.SUCCEEDED, "grasped", 3, T0)));
      w.topic("/odom", "nav_msgs/msg/Odometry"); // declared, nothing arrives
    }
    Path db = bag.resolve("episode_0.db3");
    assertTrue(Files.isRegularFile(db), "rosbag2 names the file <bag>_0.db3");
    assertFalse(Files.exists(bag.resolve("episode_0.db3-wal")), "a closed bag is one file");

    assertEquals("4|jazzy", Sqlite3.single(db, "SELECT schema_version, ros_distro FROM schema"));
    assertEquals(List.of("1|/vla/instruction|std_msgs/msg/String|cdr", "2|/cmd_vel|geometry_msgs/msg/Twist|cdr",
            "3|/vla/skill_status|vla_interfaces/msg/SkillStatus|cdr", "4|/odom|nav_msgs/msg/Odometry|cdr"),
        Sqlite3.query(db, "SELECT id, name, type, serialization_format FROM topics ORDER BY id"));
    assertEquals(List.of("/cmd_vel|3", "/vla/instruction|1", "/vla/skill_status|1"), Sqlite3.query(db,
        "SELECT t.name, COUNT(*) FROM messages m JOIN topics t ON t.id = m.topic_id GROUP BY t.name ORDER BY t.name"));
    assertTrue(Sqlite3.query(db, "SELECT name FROM sqlite_master WHERE type = 'index'").contains("timestamp_idx"));
    assertEquals("delete", Sqlite3.single(db, "PRAGMA journal_mode"), "no write-ahead log left behind");
    assertEquals("ok", Sqlite3.single(db, "PRAGMA integrity_check"));

    // The bytes as on the wire: encapsulation header 00 01 00 00 (CDR, little endian), then the body.
    assertEquals(T0 + "|" + "00010000" + "03000000" + "686900",
        Sqlite3.single(db, "SELECT timestamp, hex(data) FROM messages WHERE topic_id = 1"));
    String oneMetre = "000000000000F03F";
    String half = "000000000000E03F";
    String zero = "0000000000000000";
    assertEquals("00010000" + oneMetre + zero + zero + zero + zero + half,
        Sqlite3.single(db, "SELECT hex(data) FROM messages WHERE topic_id = 2 ORDER BY timestamp LIMIT 1"));
    String status = Sqlite3.single(db, "SELECT hex(data) FROM messages WHERE topic_id = 3");
    SkillStatus back = Codecs.SKILL_STATUS.read(new CdrReader(ByteBuffer.wrap(HexFormat.of().parseHex(status))));
    assertEquals(SkillStatus.State.SUCCEEDED, back.state());
    assertEquals("grasped", back.reason());

    // The offered QoS in the topics table is a YAML list, as rosbag2 writes it.
    List<Object> qos = list(new Yaml().load(String.join("\n",
        Sqlite3.query(db, "SELECT offered_qos_profiles FROM topics WHERE id = 2"))));
    assertEquals("reliable", map(qos.get(0)).get("reliability"));
    assertEquals("keep_last", map(qos.get(0)).get("history"));

    Map<String, Object> info = Sqlite3.metadata(bag);
    assertEquals(9, number(info.get("version")));
    assertEquals("sqlite3", info.get("storage_identifier"));
    assertEquals(5, number(info.get("message_count")));
    assertEquals(T0, number(map(info.get("starting_time")).get("nanoseconds_since_epoch")));
    assertEquals(300_000_000L, number(map(info.get("duration")).get("nanoseconds")));
    assertEquals(List.of("episode_0.db3"), info.get("relative_file_paths"));
    assertEquals("", info.get("compression_format"));
    assertEquals("jazzy", info.get("ros_distro"));
    assertEquals("demo", map(info.get("custom_data")).get("vla.scenario"));
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    for (Object o : list(info.get("topics_with_message_count"))) {
      Map<String, Object> topic = map(map(o).get("topic_metadata"));
      counts.put((String) topic.get("name"), number(map(o).get("message_count")));
      assertEquals("cdr", topic.get("serialization_format"));
      assertEquals("volatile", map(list(topic.get("offered_qos_profiles")).get(0)).get("durability"));
    }
    assertEquals(Map.of("/vla/instruction", 1L, "/cmd_vel", 3L, "/vla/skill_status", 1L, "/odom", 0L), counts);
    Map<String, Object> file = map(list(info.get("files")).get(0));
    assertEquals("episode_0.db3", file.get("path"));
    assertEquals(5, number(file.get("message_count")));

    // Each type's complete definition (ros2msg): a reader without vla_interfaces can decode the statuses.
    assertEquals(List.of("std_msgs/msg/String|ros2msg", "geometry_msgs/msg/Twist|ros2msg",
            "vla_interfaces/msg/SkillStatus|ros2msg", "nav_msgs/msg/Odometry|ros2msg"),
        Sqlite3.query(db, "SELECT topic_type, encoding FROM message_definitions ORDER BY id"));
    String twistDefinition = String.join("\n", Sqlite3.query(db,
        "SELECT encoded_message_definition FROM message_definitions WHERE topic_type = 'geometry_msgs/msg/Twist'"));
    assertEquals("Vector3 linear\nVector3 angular\n" + "=".repeat(80) + "\nMSG: geometry_msgs/Vector3\n"
        + "float64 x\nfloat64 y\nfloat64 z", twistDefinition);

    // The storage's own copy of the metadata (what rosbag2 reads from the metadata table) agrees.
    Map<String, Object> inDb = map(new Yaml().load(String.join("\n",
        Sqlite3.query(db, "SELECT metadata FROM metadata ORDER BY id DESC LIMIT 1"))));
    assertEquals(5, number(inDb.get("message_count")));
    assertEquals("9", Sqlite3.single(db, "SELECT metadata_version FROM metadata"));
  }

  @Test
  void messagesAreCommittedWithinTheFlushIntervalWhileTheBagIsOpen(@TempDir Path tmp) throws Exception {
    Path bag = tmp.resolve("open");
    try (BagWriter w = BagWriter.create(bag, BagWriter.Options.defaults().withFlushInterval(Duration.ofMillis(100)))) {
      w.write(Topics.INSTRUCTION, 1, new StringMsg("first"));
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (w.stats().committed() < 1 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(1, w.stats().committed(), "committed without a flush or close");
      assertEquals("1", Sqlite3.single(bag.resolve("open_0.db3"), "SELECT COUNT(*) FROM messages", "-readonly"));
      assertEquals(1, number(Sqlite3.metadata(bag).get("message_count")), "metadata.yaml follows the commits");
      w.write(Topics.INSTRUCTION, 2, new StringMsg("second"));
      assertTrue(w.flush(Duration.ofSeconds(5)));
      assertEquals(2, number(Sqlite3.metadata(bag).get("message_count")));
    }
  }

  @Test
  void messagesFromManyThreadsAllLand(@TempDir Path tmp) throws Exception {
    Path bag = tmp.resolve("threads");
    int threads = 4;
    int each = 500;
    try (BagWriter w = BagWriter.create(bag, BagWriter.Options.defaults())) {
      List<Thread> writers = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        writers.add(new Thread(() -> {
          for (int i = 0; i < each; i++) {
            assertTrue(id % 2 == 0 ? w.write(Topics.CMD_VEL, T0 + i, Twist.planar(i, id))
                : w.write(Topics.INSTRUCTION, T0 + i, new StringMsg(id + ":" + i)));
          }
        }));
      }
      writers.forEach(Thread::start);
      for (Thread t : writers) {
        t.join();
      }
    }
    Path db = bag.resolve("threads_0.db3");
    assertEquals(List.of("/cmd_vel|1000", "/vla/instruction|1000"), Sqlite3.query(db,
        "SELECT t.name, COUNT(*) FROM messages m JOIN topics t ON t.id = m.topic_id GROUP BY t.name ORDER BY t.name"));
    assertEquals(2000, number(Sqlite3.metadata(bag).get("message_count")));
  }

  @Test
  void aFullQueueDropsAndCountsButKeepsRoomForSmallMessages(@TempDir Path tmp) throws Exception {
    Path bag = tmp.resolve("full");
    try (BagWriter w = BagWriter.create(bag, BagWriter.Options.defaults().withQueueCaps(1000, 1000))) {
      int topic = w.topic("/camera/color/image_raw", "sensor_msgs/msg/Image");
      byte[] frame = new byte[200_000];
      frame[1] = 1;
      assertFalse(w.write(topic, 1, frame), "a frame larger than the byte cap is dropped");
      assertTrue(w.write(Topics.INSTRUCTION, 2, new StringMsg("stop")), "a small message still gets in");
      assertEquals(1, w.stats().dropped());
    }
  }

  @Test
  void anExistingBagOrAnUnwritablePlaceIsOneClearMessage(@TempDir Path tmp) throws Exception {
    Path bag = tmp.resolve("b");
    BagWriter.create(bag, BagWriter.Options.defaults()).close();
    BagException again = assertThrows(BagException.class, () -> BagWriter.create(bag, BagWriter.Options.defaults()));
    assertTrue(again.getMessage().contains("already exists") && again.getMessage().contains(bag.toString()),
        again.getMessage());
    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    BagException underFile = assertThrows(BagException.class,
        () -> BagWriter.create(file.resolve("bag"), BagWriter.Options.defaults()));
    assertTrue(underFile.getMessage().contains("is a file"), underFile.getMessage());
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    BagWriter.create(empty, BagWriter.Options.defaults()).close(); // an empty directory is fine
    assertTrue(Files.exists(empty.resolve("empty_0.db3")));
  }
}
