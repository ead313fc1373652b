package dev.vla.ros.dds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Pixel;
import dev.vla.affordances.Point3;
import dev.vla.ros.Topics;
import dev.vla.ros.msg.Header;
import dev.vla.ros.msg.Image;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.msg.Twist;
import dev.vla.ros.transport.Publisher;
import dev.vla.ros.transport.Topic;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two participants in one JVM talking over real DDS on loopback, on a domain of their own. */
class DdsTransportTest {
  static final int DOMAIN = 77;
  static DdsTransport a;
  static DdsTransport b;

  @BeforeAll
  static void join() {
    DdsSettings s = DdsSettings.defaults().withDomain(DOMAIN);
    a = new DdsTransport("test_a", s);
    b = new DdsTransport("test_b", s);
  }

  @AfterAll
  static void leave() {
    a.close();
    b.close();
  }

  /** Publishes until the first message arrives (discovery takes a moment), then returns it. */
  static <T> T exchange(Topic<T> topic, T message) throws Exception {
    LinkedBlockingQueue<T> got = new LinkedBlockingQueue<>();
    try (AutoCloseable sub = b.subscribe(topic, got::add)) {
      return UntilDelivered.publish(a.advertise(topic), message, got, 100, "nothing arrived on " + topic + " within 10 s");
    }
  }

  @Test
  void twistAndStringCrossParticipants() throws Exception {
    Twist t = Twist.planar(0.25, -0.5);
    assertEquals(t, exchange(Topics.CMD_VEL.renamed("/test/cmd_vel"), t));
    assertEquals(new StringMsg("pick up the red cube"),
        exchange(Topics.INSTRUCTION.renamed("/test/instruction"), new StringMsg("pick up the red cube")));
  }

  @Test
  void vgaImageArrivesWhole() throws Exception {
    byte[] rgb = new byte[640 * 480 * 3];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (byte) (i * 31);
    }
    Image sent = Image.rgb8(new Header(123_456_789_000L, "camera_color_optical_frame"), 640, 480, rgb);
    Image got = exchange(Topics.COLOR.renamed("/test/image"), sent);
    assertEquals(640, got.width());
    assertEquals(480, got.height());
    assertEquals("rgb8", got.encoding());
    assertEquals(sent.header(), got.header());
    assertArrayEquals(rgb, got.data());
  }

  @Test
  void affordanceCallKeepsEveryField() throws Exception {
    AffordanceCall call = new AffordanceCall(42, "place", Map.of("target", "red_cube", "into", "blue_bin"),
        Optional.of(new Pixel(412, 260)), Optional.of(new Point3("odom", 1.25, -0.5, 0.75)), 0.93, 0.81, 7,
        5_000_000_123L);
    AffordanceCall got = exchange(Topics.AFFORDANCE_CALL.renamed("/test/call"), call);
    assertEquals(call, got);
  }

  @Test
  void anOversizedMessageIsCountedNotSilent() {
    Publisher<Image> pub = a.advertise(Topics.COLOR.renamed("/test/huge"));
    byte[] tooBig = new byte[Codecs.IMAGE + 1];
    Image huge = new Image(new Header(0, "x"), 1, tooBig.length, "mono8", false, tooBig.length, tooBig);
    assertFalse(pub.publish(huge));
    assertEquals(1, pub.failures());
  }

  /**
   * Each image endpoint serialises into an 8 MiB direct buffer, which IHMC's binding would keep after
   * removal: 80 participants x 4 endpoints would need 2.6 GB, beyond this JVM's 2 GB of direct memory.
   */
  @Test
  void closedParticipantsGiveTheirImageBuffersBack() {
    DdsSettings s = DdsSettings.defaults().withDomain(DOMAIN + 1);
    for (int i = 0; i < 80; i++) {
      try (DdsTransport t = new DdsTransport("churn_" + i, s)) {
        t.advertise(Topics.COLOR);
        t.advertise(Topics.DEPTH);
        t.subscribe(Topics.COLOR, m -> { });
        t.subscribe(Topics.DEPTH, m -> { });
      }
    }
  }

  @Test
  void aTopicKeepsItsType() {
    a.advertise(Topics.CMD_VEL.renamed("/test/typed"));
    assertThrows(IllegalArgumentException.class, () -> a.advertise(Topics.INSTRUCTION.renamed("/test/typed")));
  }

  @Test
  void settingsRefuseNonsense() {
    assertThrows(IllegalArgumentException.class, () -> DdsSettings.defaults().withDomain(300));
    assertThrows(IllegalArgumentException.class, () -> DdsSettings.defaults().withInterface("eth0; rm -rf"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DdsSettings.fromEnvironment(Map.of("ROS_DOMAIN_ID", "seven")));
    assertNotNull(e.getMessage());
    assertTrue(e.getMessage().contains("ROS_DOMAIN_ID"));
  }
}
