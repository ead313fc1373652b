package dev.vla.ros.bag;

import static dev.vla.ros.bag.Sqlite3.list;
import static dev.vla.ros.bag.Sqlite3.map;
import static dev.vla.ros.bag.Sqlite3.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.AffordanceCall;
import dev.vla.model.Policies;
import dev.vla.ros.Topics;
import dev.vla.ros.dds.CdrReader;
import dev.vla.ros.dds.Codecs;
import dev.vla.ros.episode.EpisodeResult;
import dev.vla.ros.episode.EpisodeRunner;
import dev.vla.ros.msg.Header;
import dev.vla.ros.msg.Image;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.msg.Twist;
import dev.vla.ros.transport.InMemoryTransport;
import dev.vla.ros.transport.Publisher;
import dev.vla.ros.transport.Topic;
import dev.vla.sim.scenario.ScenarioLoader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the recorder puts in a bag: the topics, the camera rate, the clock; and a whole episode. */
class BagRecorderTest {
  static final long STEP = 20_000_000L;

  static Map<String, Long> counts(Path db) throws Exception {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String row : Sqlite3.query(db,
        "SELECT t.name, COUNT(m.id) FROM topics t LEFT JOIN messages m ON m.topic_id = t.id GROUP BY t.id ORDER BY t.id")) {
      String[] f = row.split("\\|");
      out.put(f[0], Long.parseLong(f[1]));
    }
    return out;
  }

  @Test
  void everyTopicOfTheGraphIsRecordedAndHasACodec() throws Exception {
    Set<String> recorded = BagRecorder.TOPICS.stream().map(r -> r.topic().name()).collect(Collectors.toSet());
    for (Field f : Topics.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == Topic.class) {
        Topic<?> t = (Topic<?>) f.get(null);
        assertTrue(recorded.contains(t.name()), "Topics." + f.getName() + " (" + t.name()
            + ") is not recorded: add a line to BagRecorder.TOPICS");
      }
    }
    for (BagRecorder.Recorded r : BagRecorder.TOPICS) {
      assertTrue(Codecs.forRosType(r.topic().rosType()).isPresent(), "no codec for " + r.topic());
      assertTrue(MessageDefinitions.of(r.topic().rosType()).isPresent(), "no .msg definition for " + r.topic()
          + " under ros-nodes/src/main/resources/dev/vla/ros/bag/msg");
      assertEquals(r.topic().name().startsWith("/camera/") && r.topic().rosType().equals("sensor_msgs/msg/Image"),
          r.camera(), "only the camera's images are throttled: " + r);
    }
  }

  @Test
  void camerasAreThrottledEverythingElseIsKeptStampedWithTheNodeClock(@TempDir Path tmp) throws Exception {
    Path two = record(tmp.resolve("two_hz"), BagRecorder.Config.defaults());
    Map<String, Long> c = counts(two.resolve("two_hz_0.db3"));
    // 3 s at 15 Hz: 46 frames (both ends); at most 2 per second kept, the first one included.
    assertEquals(6, c.get(Topics.COLOR.name()));
    assertEquals(6, c.get(Topics.DEPTH.name()));
    assertEquals(150, c.get(Topics.CMD_VEL.name()), "50 Hz for 3 s, every one");
    assertEquals(1, c.get(Topics.INSTRUCTION.name()));
    // Stamped with the tick after arrival: the step it was published in.
    assertEquals(String.valueOf(STEP * 7), Sqlite3.single(two.resolve("two_hz_0.db3"),
        "SELECT m.timestamp FROM messages m JOIN topics t ON t.id = m.topic_id WHERE t.name = '/vla/instruction'"));
    String frames = String.join(",", Sqlite3.query(two.resolve("two_hz_0.db3"), "SELECT m.timestamp / 1000000 FROM "
        + "messages m JOIN topics t ON t.id = m.topic_id WHERE t.name = '/camera/color/image_raw' ORDER BY m.id"));
    // Frames come at 20, 80, 140, 200, 280 ... ms: the first at or after each half second is kept, without drift.
    assertEquals("20,540,1080,1540,2080,2540", frames);

    Path all = record(tmp.resolve("all"), BagRecorder.Config.everyFrame());
    assertEquals(46, counts(all.resolve("all_0.db3")).get(Topics.COLOR.name()));
    Map<String, Long> none = counts(record(tmp.resolve("none"), new BagRecorder.Config(0)).resolve("none_0.db3"));
    assertTrue(!none.containsKey(Topics.COLOR.name()) && none.get(Topics.CMD_VEL.name()) == 150, none.toString());
  }

  /** 3 s of a fake stack in lock step: camera at 15 Hz (every 60 or 80 ms), cmd_vel at 50 Hz, one instruction. */
  private static Path record(Path bag, BagRecorder.Config config) throws Exception {
    try (InMemoryTransport t = new InMemoryTransport();
        BagRecorder rec = new BagRecorder(t, BagWriter.create(bag, BagWriter.Options.defaults()), config)) {
      Publisher<Image> color = t.advertise(Topics.COLOR);
      Publisher<Image> depth = t.advertise(Topics.DEPTH);
      Publisher<Twist> cmd = t.advertise(Topics.CMD_VEL);
      Publisher<StringMsg> say = t.advertise(Topics.INSTRUCTION);
      long nextFrame = 0;
      for (long now = STEP; now <= 3_000_000_000L; now += STEP) {
        if (now >= nextFrame) {
          Header h = new Header(now, Topics.CAMERA_OPTICAL);
          color.publish(Image.rgb8(h, 4, 2, new byte[24]));
          depth.publish(Image.depth32(h, 4, 2, new float[8]));
          nextFrame += 1_000_000_000L / 15;
        }
        cmd.publish(Twist.planar(0.2, 0));
        if (now == STEP * 7) {
          say.publish(new StringMsg("put the red cube in the blue bin"));
        }
        rec.node().tick(now);
      }
    }
    return bag;
  }

  /** The demo through the real stack (simulator, vla node, executor over topics, lock step) into a bag. */
  @Test
  void anEpisodeThroughTheWholeStackLandsInTheBag(@TempDir Path tmp) throws Exception {
    Path bag = tmp.resolve("bag");
    BagWriter writer = BagWriter.create(bag, BagWriter.Options.defaults());
    List<BagRecorder> recorder = new ArrayList<>();
    EpisodeResult r;
    try {
      r = EpisodeRunner.run(ScenarioLoader.load(Path.of(BagRecorderTest.class.getResource(
              "/scenarios/red_cube_blue_bin.sdf").toURI())), truth -> Policies.create("oracle", truth),
          EpisodeRunner.Options.evaluation(5), new EpisodeRunner.Listener() {}, (transport, episode) -> {
            recorder.add(new BagRecorder(transport, writer, BagRecorder.Config.defaults()));
            return List.of(recorder.get(0).node());
          });
    } finally {
      if (!recorder.isEmpty()) {
        recorder.get(0).close();
      }
      writer.close();
    }
    assertTrue(r.success(), r.verdict().failure());
    Path db = bag.resolve("bag_0.db3");
    Map<String, Long> c = counts(db);
    assertEquals((long) r.calls().size(), c.get(Topics.AFFORDANCE_CALL.name()), c.toString());
    assertTrue(c.get(Topics.SKILL_STATUS.name()) >= r.calls().size(), c.toString());
    assertTrue(c.get(Topics.CMD_VEL.name()) > 10, c.toString());
    for (String topic : List.of("/odom", "/joint_states", "/tf", "/camera/color/camera_info", "/vla/instruction",
        "/camera/color/image_raw", "/camera/depth/image_raw", "/diagnostics")) {
      assertTrue(c.get(topic) > 0, topic + " recorded: " + c);
    }
    // Camera at 2 Hz over the episode, give or take the first frame.
    assertTrue(Math.abs(c.get("/camera/color/image_raw") - 2 * r.simSeconds()) <= 2, c + " in " + r.simSeconds() + " s");

    // The calls decode from the bag as the vla node made them, in order.
    List<String> skills = new ArrayList<>();
    for (String hex : Sqlite3.query(db, "SELECT hex(m.data) FROM messages m JOIN topics t ON t.id = m.topic_id "
        + "WHERE t.name = '/vla/affordance_call' ORDER BY m.timestamp, m.id")) {
      skills.add(Codecs.AFFORDANCE_CALL.read(new CdrReader(ByteBuffer.wrap(HexFormat.of().parseHex(hex)))).skill());
    }
    assertEquals(r.calls().stream().map(AffordanceCall::skill).toList(), skills);
    // The last command is the executor's stop as the stack shuts down.
    String last = Sqlite3.single(db, "SELECT hex(m.data) FROM messages m JOIN topics t ON t.id = m.topic_id "
        + "WHERE t.name = '/cmd_vel' ORDER BY m.timestamp DESC, m.id DESC LIMIT 1");
    assertTrue(Codecs.TWIST.read(new CdrReader(ByteBuffer.wrap(HexFormat.of().parseHex(last)))).isZero());

    // Sim time: the bag spans the episode, and metadata.yaml agrees with the database.
    Map<String, Object> info = Sqlite3.metadata(bag);
    long start = number(map(info.get("starting_time")).get("nanoseconds_since_epoch"));
    long duration = number(map(info.get("duration")).get("nanoseconds"));
    assertTrue(start <= STEP * 2 && Math.abs(start + duration - r.simSeconds() * 1e9) < 0.1e9, start + " + " + duration);
    assertEquals(Long.parseLong(Sqlite3.single(db, "SELECT COUNT(*) FROM messages")), number(info.get("message_count")));
    for (Object o : list(info.get("topics_with_message_count"))) {
      String name = (String) map(map(o).get("topic_metadata")).get("name");
      assertEquals(c.get(name), number(map(o).get("message_count")), name);
    }
  }
}
