package dev.vla.ros.dds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.SkillStatus;
import dev.vla.ros.msg.AudioChunk;
import dev.vla.ros.msg.CameraInfo;
import dev.vla.ros.msg.DiagnosticArray;
import dev.vla.ros.msg.GripperCommand;
import dev.vla.ros.msg.Header;
import dev.vla.ros.msg.JointState;
import dev.vla.ros.msg.JointTrajectory;
import dev.vla.ros.msg.Odometry;
import dev.vla.ros.msg.Quaternion;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.msg.TFMessage;
import dev.vla.ros.msg.TransformStamped;
import dev.vla.ros.msg.Twist;
import dev.vla.ros.msg.Vector3;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** CDR layouts byte for byte where the standard fixes them, round trips for every codec, and hostile bytes. */
class CodecsTest {
  static <T> byte[] encode(MessageCodec<T> codec, T m) {
    ByteBuffer buf = ByteBuffer.allocate(codec.maxSize());
    codec.write(m, new CdrWriter(buf));
    return Arrays.copyOf(buf.array(), buf.position());
  }

  static <T> T decode(MessageCodec<T> codec, byte[] bytes) {
    return codec.read(new CdrReader(ByteBuffer.wrap(bytes)));
  }

  @Test
  void stringAndTwistHaveTheStandardLayout() {
    assertEquals("00010000" + "03000000" + "686900",
        HexFormat.of().formatHex(encode(Codecs.STRING, new StringMsg("hi"))));
    byte[] twist = encode(Codecs.TWIST, Twist.planar(1.0, 0));
    assertEquals(4 + 6 * 8, twist.length);
    assertEquals("000000000000f03f", HexFormat.of().formatHex(twist, 4, 12), "linear.x = 1.0, little endian, no padding");
    // Big-endian data from a peer reads the same.
    byte[] be = HexFormat.of().parseHex("00000000" + "00000003" + "686900");
    assertEquals(new StringMsg("hi"), decode(Codecs.STRING, be));
  }

  @Test
  void headerPadsTheStringBeforeAnAlignedField() {
    // Header{stamp{sec=1, nanosec=2}, frame_id="ab"} then uint32 height: the string ends at offset 15, so
    // the uint32 after it starts at 16 (relative to the body).
    byte[] b = encode(Codecs.IMAGE_CODEC, new dev.vla.ros.msg.Image(new Header(1_000_000_002L, "ab"), 7, 1, "mono8",
        false, 1, new byte[7]));
    assertEquals("07000000", HexFormat.of().formatHex(b, 4 + 16, 4 + 20));
  }

  @Test
  void everyCodecRoundTrips() {
    Header h = new Header(-1_500_000_000L, "odom");
    TransformStamped t = new TransformStamped(h, "base_link", new Vector3(1, 2, 3), Quaternion.ofYaw(0.5));
    assertEquals(t, decode(Codecs.TF, encode(Codecs.TF, new TFMessage(List.of(t)))).transforms().get(0));
    Odometry odom = new Odometry(h, "base_link", new Vector3(1, 2, 0), Quaternion.ofYaw(1), Twist.planar(0.2, 0.1));
    assertEquals(odom, decode(Codecs.ODOMETRY, encode(Codecs.ODOMETRY, odom)));
    JointState js = new JointState(h, List.of("a", "b"), new double[] {1, 2}, new double[] {3, 4}, new double[0]);
    JointState js2 = decode(Codecs.JOINT_STATE, encode(Codecs.JOINT_STATE, js));
    assertEquals(js.name(), js2.name());
    assertArrayEquals(js.position(), js2.position());
    assertArrayEquals(js.velocity(), js2.velocity());
    JointTrajectory jt = new JointTrajectory(h, List.of("arm_yaw"), List.of(new JointTrajectory.Point(new double[] {0.5},
        new double[0], 2_250_000_000L)));
    JointTrajectory jt2 = decode(Codecs.JOINT_TRAJECTORY, encode(Codecs.JOINT_TRAJECTORY, jt));
    assertEquals(2_250_000_000L, jt2.points().get(0).timeFromStartNanos());
    assertArrayEquals(new double[] {0.5}, jt2.points().get(0).positions());
    assertEquals(new GripperCommand(0.04, 20), decode(Codecs.GRIPPER, encode(Codecs.GRIPPER, new GripperCommand(0.04, 20))));
    CameraInfo ci = CameraInfo.pinhole(h, 640, 480, 500, 500, 320, 240);
    CameraInfo ci2 = decode(Codecs.CAMERA_INFO, encode(Codecs.CAMERA_INFO, ci));
    assertArrayEquals(ci.k(), ci2.k());
    assertArrayEquals(ci.p(), ci2.p());
    assertEquals("plumb_bob", ci2.distortionModel());
    SkillStatus st = new SkillStatus(4, "pick", SkillStatus.State.CANCELLED, "stop", 2, 99);
    assertEquals(st, decode(Codecs.SKILL_STATUS, encode(Codecs.SKILL_STATUS, st)));
    DiagnosticArray da = new DiagnosticArray(h, List.of(new DiagnosticArray.Status(DiagnosticArray.Level.WARN, "vla",
        "slow", "robot", Map.of("k", "v"))));
    assertEquals(da, decode(Codecs.DIAGNOSTICS, encode(Codecs.DIAGNOSTICS, da)));
    AudioChunk ac = new AudioChunk(h, 16_000, 1, new short[] {1, -2, 32767, -32768});
    AudioChunk ac2 = decode(Codecs.AUDIO_CHUNK, encode(Codecs.AUDIO_CHUNK, ac));
    assertArrayEquals(ac.samples(), ac2.samples());
    assertEquals(16_000, ac2.sampleRate());
  }

  @Test
  void truncatedAndLyingMessagesFailWithAReason() {
    byte[] ok = encode(Codecs.STRING, new StringMsg("hello"));
    CdrException e = assertThrows(CdrException.class, () -> decode(Codecs.STRING, Arrays.copyOf(ok, ok.length - 2)));
    assertTrue(e.getMessage().contains("string"), e.getMessage());
    // A sequence claiming two billion elements is refused before anything is allocated.
    byte[] huge = HexFormat.of().parseHex("00010000" + "00000000" + "00000000" + "01000000" + "00" + "000000" + "ffffff7f");
    assertThrows(CdrException.class, () -> decode(Codecs.JOINT_STATE, huge));
    assertThrows(CdrException.class, () -> decode(Codecs.STRING, HexFormat.of().parseHex("00020000")));
    assertThrows(CdrException.class, () -> decode(Codecs.STRING, new byte[2]));
    byte[] noNul = HexFormat.of().parseHex("00010000" + "02000000" + "6869");
    assertThrows(CdrException.class, () -> decode(Codecs.STRING, noNul));
  }

  static final AtomicLong FUZZED = new AtomicLong();

  /** Random bytes into every decoder: a message or a CdrException, never anything else. */
  @Property(tries = 3000)
  void randomBytesNeverCrashADecoder(@ForAll @Size(max = 300) byte[] body, @ForAll boolean bigEndian) {
    byte[] msg = new byte[body.length + 4];
    msg[1] = (byte) (bigEndian ? 0 : 1);
    System.arraycopy(body, 0, msg, 4, body.length);
    for (String type : Codecs.rosTypes()) {
      MessageCodec<?> codec = Codecs.forRosType(type).orElseThrow();
      FUZZED.incrementAndGet();
      try {
        codec.read(new CdrReader(ByteBuffer.wrap(msg)));
      } catch (CdrException expected) {
        // also for a well-formed message whose values a record refuses (e.g. confidence 7)
        assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
      }
    }
  }

  @AfterAll
  static void report() {
    System.out.println("CDR decoders fuzzed with " + FUZZED.get() + " random messages");
  }
}
