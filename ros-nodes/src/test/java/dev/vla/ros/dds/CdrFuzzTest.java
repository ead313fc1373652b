package dev.vla.ros.dds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Pixel;
import dev.vla.affordances.Point3;
import dev.vla.affordances.SkillStatus;
import dev.vla.ros.msg.AudioChunk;
import dev.vla.ros.msg.CameraInfo;
import dev.vla.ros.msg.DiagnosticArray;
import dev.vla.ros.msg.GripperCommand;
import dev.vla.ros.msg.Header;
import dev.vla.ros.msg.Image;
import dev.vla.ros.msg.JointState;
import dev.vla.ros.msg.JointTrajectory;
import dev.vla.ros.msg.Odometry;
import dev.vla.ros.msg.Quaternion;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.msg.TFMessage;
import dev.vla.ros.msg.TransformStamped;
import dev.vla.ros.msg.Twist;
import dev.vla.ros.msg.Vector3;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Hostile bytes into every CDR decoder: random bodies, truncated and bit-flipped valid encodings, and
 * valid encodings whose every 4-byte word in turn claims a huge length. Each must end in a decoded
 * message or a {@link CdrException} with a reason — never another exception — and decoding must not
 * allocate more than the codec's {@link MessageCodec#maxSize()}, whatever the length fields claim.
 */
class CdrFuzzTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** One valid message of every registered type, with every variable-length field non-empty. */
  static final Map<String, byte[]> VALID = validEncodings();

  static Map<String, byte[]> validEncodings() {
    Header h = new Header(1_700_000_000_123_456_789L, "camera_color_optical_frame");
    Map<MessageCodec<?>, Object> m = new LinkedHashMap<>();
    m.put(Codecs.STRING, new StringMsg("put the red cube in the blue bin"));
    m.put(Codecs.BOOL, new dev.vla.ros.msg.BoolMsg(true));
    m.put(Codecs.EMPTY, dev.vla.ros.msg.EmptyMsg.INSTANCE);
    m.put(Codecs.TWIST, Twist.planar(0.3, -0.2));
    m.put(Codecs.IMAGE_CODEC, Image.rgb8(h, 4, 3, new byte[36]));
    m.put(Codecs.CAMERA_INFO, CameraInfo.pinhole(h, 640, 480, 525, 525, 319.5, 239.5));
    m.put(Codecs.ODOMETRY, new Odometry(h, "base_link", new Vector3(1, 2, 0), Quaternion.ofYaw(0.4), Twist.planar(0.1, 0)));
    m.put(Codecs.JOINT_STATE, new JointState(h, List.of("arm_yaw", "arm_shoulder", "gripper"), new double[] {0.1, 0.2, 0.03},
        new double[] {0, 0, 0}, new double[] {0, 0, 7}));
    m.put(Codecs.JOINT_TRAJECTORY, new JointTrajectory(h, List.of("arm_yaw", "arm_shoulder"), List.of(
        new JointTrajectory.Point(new double[] {0.1, 0.2}, new double[] {0, 0}, 1_000_000_000L),
        new JointTrajectory.Point(new double[] {0.3, 0.4}, new double[0], 2_000_000_000L))));
    m.put(Codecs.GRIPPER, new GripperCommand(0.04, 20));
    m.put(Codecs.TF, new TFMessage(List.of(new TransformStamped(h, "base_link", new Vector3(1, 2, 3), Quaternion.ofYaw(1)),
        new TransformStamped(new Header(5, "odom"), "map", Vector3.ZERO, Quaternion.ofYaw(0)))));
    m.put(Codecs.AFFORDANCE_CALL, new AffordanceCall(7, "place", Map.of("into", "blue bin"), Optional.of(new Pixel(412, 260)),
        Optional.of(new Point3("odom", 1.5, -0.25, 0.4)), 0.9, 0.8, 3, 99));
    m.put(Codecs.SKILL_STATUS, new SkillStatus(7, "place", SkillStatus.State.FAILED, "dropped it", 3, 100));
    m.put(Codecs.DIAGNOSTICS, new DiagnosticArray(h, List.of(new DiagnosticArray.Status(DiagnosticArray.Level.WARN, "vla",
        "slow", "robot", Map.of("latency_ms", "250", "frames", "12")))));
    m.put(Codecs.AUDIO_CHUNK, new AudioChunk(h, 16_000, 1, new short[] {1, -2, 300, -32768, 32767}));
    Map<String, byte[]> out = new LinkedHashMap<>();
    m.forEach((codec, msg) -> out.put(codec.toString(), encode(codec, msg)));
    return out;
  }

  @SuppressWarnings("unchecked")
  static <T> byte[] encode(MessageCodec<T> codec, Object m) {
    ByteBuffer buf = ByteBuffer.allocate(codec.maxSize());
    codec.write((T) m, new CdrWriter(buf));
    return Arrays.copyOf(buf.array(), buf.position());
  }

  @Test
  void everyRegisteredCodecHasAValidSample() {
    assertEquals(Codecs.rosTypes(), List.copyOf(VALID.keySet()), "a codec was added without a sample to mutate");
    for (Map.Entry<String, byte[]> e : VALID.entrySet()) {
      assertEquals(Outcome.MESSAGE, decode(e.getKey(), e.getValue()), e.getKey() + " decodes its own encoding");
    }
  }

  enum Outcome { MESSAGE, REFUSED }

  /**
   * Decodes {@code bytes} as {@code rosType}: a message or a CdrException with a reason; anything else
   * fails the test, as does an allocation above the codec's size limit.
   */
  static Outcome decode(String rosType, byte[] bytes) {
    MessageCodec<?> codec = Codecs.forRosType(rosType).orElseThrow();
    Outcome outcome = null;
    long allocated = Long.MAX_VALUE;
    // Twice: the smaller figure leaves out class loading and other one-off work on the first call.
    for (int attempt = 0; attempt < 2; attempt++) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      try {
        assertNotNull(codec.read(new CdrReader(ByteBuffer.wrap(bytes))));
        outcome = Outcome.MESSAGE;
      } catch (CdrException e) {
        assertNotNull(e.getMessage());
        assertFalse(e.getMessage().isBlank(), "a refusal says why");
        outcome = Outcome.REFUSED;
      } catch (RuntimeException | Error e) {
        throw new AssertionError(rosType + " decoder threw " + e + " for " + bytes.length + " bytes; expected a message or a"
            + " CdrException", e);
      }
      allocated = Math.min(allocated, THREADS.getCurrentThreadAllocatedBytes() - before);
    }
    assertTrue(allocated <= codec.maxSize(), rosType + " decoder allocated " + allocated + " bytes for a " + bytes.length
        + "-byte message; its limit is " + codec.maxSize());
    return outcome;
  }

  @Provide
  Arbitrary<String> types() {
    return Arbitraries.of(Codecs.rosTypes());
  }

  @Property(tries = 1000)
  void randomBodiesDecodeOrAreRefused(@ForAll("types") String type, @ForAll @Size(max = 600) byte[] body,
      @ForAll boolean bigEndian) {
    byte[] msg = new byte[body.length + 4];
    msg[1] = (byte) (bigEndian ? 0 : 1);
    System.arraycopy(body, 0, msg, 4, body.length);
    decode(type, msg);
  }

  @Property(tries = 500)
  void everyTruncationIsRefused(@ForAll("types") String type, @ForAll @IntRange(min = 0, max = 100_000) int cutSeed) {
    byte[] valid = VALID.get(type);
    int cut = cutSeed % valid.length; // strictly shorter than the valid message
    assertEquals(Outcome.REFUSED, decode(type, Arrays.copyOf(valid, cut)), type + " cut to " + cut + " of " + valid.length);
  }

  @Property(tries = 2000)
  void bitFlippedMessagesDecodeOrAreRefused(@ForAll("types") String type,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 1_000_000) Integer> flips) {
    byte[] msg = VALID.get(type).clone();
    for (int f : flips) {
      int bit = f % (msg.length * 8);
      msg[bit / 8] ^= (byte) (1 << (bit % 8));
    }
    decode(type, msg);
  }

  @Provide
  Arbitrary<Integer> hugeCounts() {
    return Arbitraries.oneOf(Arbitraries.of(0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000, 0x4000_0000, 0x2000_0001, 0x1000_0000,
        1 << 24, 65_537, 4_097), Arbitraries.integers().between(1 << 16, Integer.MAX_VALUE));
  }

  /**
   * Every aligned 4-byte word of a valid message in turn replaced by a huge count: whichever of them is a
   * length field (string, sequence, byte array), the decoder must refuse it before allocating.
   */
  @Property(tries = 2000)
  void lengthFieldsClaimingHugeSizesAreRefusedBeforeAllocating(@ForAll("types") String type,
      @ForAll @IntRange(min = 0, max = 100_000) int wordSeed, @ForAll("hugeCounts") int count, @ForAll boolean bigEndian) {
    byte[] msg = VALID.get(type).clone();
    int words = (msg.length - 4) / 4;
    if (words == 0) {
      decode(type, msg); // one-byte bodies (std_msgs/Bool, Empty) hold no length field
      return;
    }
    int at = 4 + 4 * (wordSeed % words);
    ByteBuffer.wrap(msg).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).putInt(at, count);
    if (bigEndian) {
      msg[1] = 0; // the whole message read big-endian: only the patched word is meaningful, the rest is garbage
    }
    decode(type, msg);
  }

  /** The byte-array, sample and sequence length of each large type, one at a time, set to 2^32-1. */
  @Test
  void everyLengthFieldOfTheLargeTypesIsCheckedAgainstWhatRemains() {
    for (String type : List.of("sensor_msgs/msg/Image", "vla_interfaces/msg/AudioChunk", "sensor_msgs/msg/JointState",
        "trajectory_msgs/msg/JointTrajectory", "tf2_msgs/msg/TFMessage", "diagnostic_msgs/msg/DiagnosticArray")) {
      byte[] valid = VALID.get(type);
      int refused = 0;
      for (int at = 4; at + 4 <= valid.length; at += 4) {
        byte[] msg = valid.clone();
        ByteBuffer.wrap(msg).order(ByteOrder.LITTLE_ENDIAN).putInt(at, -1);
        if (decode(type, msg) == Outcome.REFUSED) {
          refused++;
        }
      }
      assertTrue(refused > 0, type + ": no word claiming 2^32-1 was refused");
    }
  }

  /** Values a record refuses (confidence 7, a NaN target point, a negative pixel) are a CdrException too. */
  @Test
  void wellFormedMessagesWithValuesOutsideTheContractAreRefusedAsCdr() {
    List<byte[]> bad = new ArrayList<>();
    byte[] call = VALID.get("vla_interfaces/msg/AffordanceCall");
    ByteBuffer b = ByteBuffer.wrap(call).order(ByteOrder.LITTLE_ENDIAN);
    int conf = call.length - 24; // confidence, affordance, instruction_id: the last three 8-byte fields
    bad.add(patchDouble(call, conf, 7.0));
    bad.add(patchDouble(call, conf, Double.NaN));
    bad.add(patchDouble(call, conf + 8, Double.NEGATIVE_INFINITY));
    bad.add(patchDouble(call, conf - 24, Double.NaN)); // target_point.point.x
    bad.add(patchDouble(call, conf - 8, Double.POSITIVE_INFINITY)); // target_point.point.z
    assertEquals(0.9, b.getDouble(conf), "the patched offsets are the ones of confidence");
    for (byte[] msg : bad) {
      try {
        Codecs.AFFORDANCE_CALL.read(new CdrReader(ByteBuffer.wrap(msg)));
        fail("an affordance call outside its contract was decoded");
      } catch (CdrException e) {
        assertTrue(e.getMessage().contains("AffordanceCall"), e.getMessage());
        assertTrue(e.getMessage().contains("must be") || e.getMessage().contains("finite"), e.getMessage());
      }
    }
  }

  /** A call without a target pixel decodes whatever the peer left in the unused pixel fields. */
  @Test
  void theUnusedPixelOfACallWithoutOneIsNotChecked() {
    AffordanceCall with = new AffordanceCall(7, "navigate", Map.of("to", "kitchen"), Optional.of(new Pixel(412, 260)),
        Optional.empty(), 1, 1, 3, 99);
    byte[] withPixel = encode(Codecs.AFFORDANCE_CALL, with);
    byte[] without = encode(Codecs.AFFORDANCE_CALL, new AffordanceCall(7, "navigate", Map.of("to", "kitchen"),
        Optional.empty(), Optional.empty(), 1, 1, 3, 99));
    int u = -1;
    for (int i = 4; i + 8 <= withPixel.length && u < 0; i += 4) {
      ByteBuffer b = ByteBuffer.wrap(withPixel).order(ByteOrder.LITTLE_ENDIAN);
      if (b.getInt(i) == 412 && b.getInt(i + 4) == 260) {
        u = i;
      }
    }
    assertTrue(u > 0, "pixel found in the encoding");
    ByteBuffer.wrap(without).order(ByteOrder.LITTLE_ENDIAN).putInt(u, -1).putInt(u + 4, Integer.MIN_VALUE);
    AffordanceCall decoded = Codecs.AFFORDANCE_CALL.read(new CdrReader(ByteBuffer.wrap(without)));
    assertEquals(Optional.empty(), decoded.targetPixel());
    assertEquals("navigate", decoded.skill());
  }

  private static byte[] patchDouble(byte[] msg, int at, double v) {
    byte[] out = msg.clone();
    ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putDouble(at, v);
    return out;
  }
}
