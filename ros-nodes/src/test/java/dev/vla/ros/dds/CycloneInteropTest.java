package dev.vla.ros.dds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Pixel;
import dev.vla.affordances.Point3;
import dev.vla.ros.Topics;
import dev.vla.ros.msg.Header;
import dev.vla.ros.msg.Image;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.msg.Twist;
import dev.vla.ros.transport.Topic;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interop with a peer that is not Java and not Fast-DDS: tools/ddspeer, a C program on Debian's
 * Cyclone DDS 0.10 whose types are generated from the .msg files. The peer echoes what it receives on
 * /interop/to_peer/* back on /interop/from_peer/*, so each message crosses the vendor boundary in both
 * directions and must come back field for field.
 */
class CycloneInteropTest {
  static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
  static final String DOMAIN = "78";
  static Process peer;
  static DdsTransport dds;

  @BeforeAll
  static void startPeer() throws Exception {
    Path out = Path.of(System.getProperty("user.dir"), "target", "ddspeer");
    Process build = new ProcessBuilder("bash", ROOT.resolve("tools/ddspeer/build.sh").toString(), out.toString())
        .redirectErrorStream(true).start();
    String log = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, build.waitFor(), "building tools/ddspeer failed (./vla setup --test installs cyclonedds-dev, "
        + "cyclonedds-tools and gcc):\n" + log);
    assertTrue(Files.isExecutable(out.resolve("ddspeer")));
    ProcessBuilder pb = new ProcessBuilder(out.resolve("ddspeer").toString(), "echo", "120").redirectErrorStream(true);
    pb.environment().put("ROS_DOMAIN_ID", DOMAIN);
    pb.environment().remove("CYCLONEDDS_URI");
    peer = pb.start();
    BufferedReader r = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder said = new StringBuilder();
    for (String line = r.readLine(); !"ready".equals(line); line = r.readLine()) {
      assertTrue(line != null, "the Cyclone peer did not start:\n" + said);
      said.append(line).append('\n'); // Cyclone notes that lo has no multicast: discovery is unicast.
    }
    dds = new DdsTransport("interop_test", DdsSettings.defaults().withDomain(Integer.parseInt(DOMAIN)));
  }

  @AfterAll
  static void stopPeer() {
    if (dds != null) {
      dds.close();
    }
    if (peer != null) {
      peer.destroy();
    }
  }

  /** Sends on /interop/to_peer/NAME until the peer's echo comes back on /interop/from_peer/NAME. */
  static <T> T roundTrip(Topic<T> type, String name, T message) throws Exception {
    LinkedBlockingQueue<T> back = new LinkedBlockingQueue<>();
    try (AutoCloseable sub = dds.subscribe(type.renamed("/interop/from_peer/" + name), back::add)) {
      return UntilDelivered.publish(dds.advertise(type.renamed("/interop/to_peer/" + name)), message, back, 150,
          "no echo from the Cyclone peer on " + name + " within 15 s");
    }
  }

  @Test
  void stringGoesAndComesBack() throws Exception {
    StringMsg m = new StringMsg("pick up the red cube, then put it in the blue bin");
    assertEquals(m, roundTrip(Topics.INSTRUCTION, "string", m));
  }

  @Test
  void twistGoesAndComesBack() throws Exception {
    Twist t = new Twist(new dev.vla.ros.msg.Vector3(0.3, -0.1, 0), new dev.vla.ros.msg.Vector3(0, 0, 0.75));
    assertEquals(t, roundTrip(Topics.CMD_VEL, "twist", t));
  }

  @Test
  void vgaImageGoesAndComesBack() throws Exception {
    byte[] rgb = new byte[640 * 480 * 3];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (byte) (i * 7 + i / 640);
    }
    Image sent = Image.rgb8(new Header(1_700_000_000_123_456_789L, "camera_color_optical_frame"), 640, 480, rgb);
    Image got = roundTrip(Topics.COLOR, "image", sent);
    assertEquals(sent.header(), got.header());
    assertEquals(640, got.width());
    assertEquals(480, got.height());
    assertEquals(640 * 3, got.step());
    assertEquals("rgb8", got.encoding());
    assertArrayEquals(rgb, got.data());
  }

  @Test
  void affordanceCallGoesAndComesBack() throws Exception {
    Map<String, String> args = new LinkedHashMap<>();
    args.put("target", "red_cube");
    args.put("into", "blue_bin");
    AffordanceCall call = new AffordanceCall(9, "place", args, Optional.of(new Pixel(300, 211)),
        Optional.of(new Point3("odom", 0.8, 0.1, 0.42)), 0.9, 0.7, 3, 2_500_000_000L);
    assertEquals(call, roundTrip(Topics.AFFORDANCE_CALL, "affordance_call", call));
    AffordanceCall bare = AffordanceCall.of("stop", Map.of());
    assertEquals(bare, roundTrip(Topics.AFFORDANCE_CALL, "affordance_call", bare));
  }
}
