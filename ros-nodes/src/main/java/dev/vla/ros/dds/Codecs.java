package dev.vla.ros.dds;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Pixel;
import dev.vla.affordances.Point3;
import dev.vla.affordances.SkillStatus;
import dev.vla.ros.msg.AudioChunk;
import dev.vla.ros.msg.BoolMsg;
import dev.vla.ros.msg.CameraInfo;
import dev.vla.ros.msg.DiagnosticArray;
import dev.vla.ros.msg.EmptyMsg;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The CDR layouts of every message on the graph of DESIGN §3, field by field as in the standard
 * {@code .msg} files and in {@code ros2/vla_interfaces/msg}. Sizes are bounded: small messages 64 KiB,
 * images up to a 1920x1080 32FC1 frame, audio up to ten seconds at 16 kHz.
 */
public final class Codecs {
  static final int SMALL = 64 * 1024;
  static final int IMAGE = 8 * 1024 * 1024 + 4096;
  static final int AUDIO = 2 * 16_000 * 10 + 4096;

  private static final Map<String, MessageCodec<?>> BY_ROS_TYPE = new LinkedHashMap<>();

  public static final MessageCodec<StringMsg> STRING = register("std_msgs/msg/String", SMALL,
      (m, o) -> o.string(m.data()), in -> new StringMsg(in.string()));

  public static final MessageCodec<BoolMsg> BOOL = register("std_msgs/msg/Bool", SMALL,
      (m, o) -> o.bool(m.data()), in -> new BoolMsg(in.bool()));

  // An empty IDL struct still carries one byte on the wire (structure_needs_at_least_one_member).
  public static final MessageCodec<EmptyMsg> EMPTY = register("std_msgs/msg/Empty", SMALL,
      (m, o) -> o.uint8(0), in -> {
        in.uint8();
        return EmptyMsg.INSTANCE;
      });

  public static final MessageCodec<Twist> TWIST = register("geometry_msgs/msg/Twist", SMALL,
      Codecs::writeTwist, Codecs::readTwist);

  public static final MessageCodec<Image> IMAGE_CODEC = register("sensor_msgs/msg/Image", IMAGE,
      (m, o) -> {
        writeHeader(m.header(), o);
        o.uint32(m.height()).uint32(m.width()).string(m.encoding()).uint8(m.bigEndian() ? 1 : 0).uint32(m.step())
            .bytes(m.data());
      },
      in -> {
        Header h = readHeader(in);
        int height = (int) in.uint32();
        int width = (int) in.uint32();
        String encoding = in.string();
        boolean bigEndian = in.uint8() != 0;
        int step = (int) in.uint32();
        return new Image(h, height, width, encoding, bigEndian, step, in.bytes());
      });

  public static final MessageCodec<CameraInfo> CAMERA_INFO = register("sensor_msgs/msg/CameraInfo", SMALL,
      (m, o) -> {
        writeHeader(m.header(), o);
        o.uint32(m.height()).uint32(m.width()).string(m.distortionModel()).float64s(m.d())
            .float64Array(m.k(), 9).float64Array(m.r(), 9).float64Array(m.p(), 12);
        o.uint32(0).uint32(0); // binning_x, binning_y
        o.uint32(0).uint32(0).uint32(0).uint32(0).bool(false); // roi: full frame, no rectification
      },
      in -> {
        Header h = readHeader(in);
        int height = (int) in.uint32();
        int width = (int) in.uint32();
        String model = in.string();
        double[] d = in.float64s();
        double[] k = in.float64Array(9);
        double[] r = in.float64Array(9);
        double[] p = in.float64Array(12);
        in.uint32();
        in.uint32();
        in.uint32();
        in.uint32();
        in.uint32();
        in.uint32();
        in.bool();
        return new CameraInfo(h, height, width, model, d, k, r, p);
      });

  public static final MessageCodec<Odometry> ODOMETRY = register("nav_msgs/msg/Odometry", SMALL,
      (m, o) -> {
        writeHeader(m.header(), o);
        o.string(m.childFrameId());
        writeVector(m.position(), o);
        writeQuaternion(m.orientation(), o);
        o.float64Array(new double[0], 36);
        writeTwist(m.twist(), o);
        o.float64Array(new double[0], 36);
      },
      in -> {
        Header h = readHeader(in);
        String child = in.string();
        Vector3 position = readVector(in);
        Quaternion orientation = readQuaternion(in);
        in.float64Array(36);
        Twist twist = readTwist(in);
        in.float64Array(36);
        return new Odometry(h, child, position, orientation, twist);
      });

  public static final MessageCodec<JointState> JOINT_STATE = register("sensor_msgs/msg/JointState", SMALL,
      (m, o) -> {
        writeHeader(m.header(), o);
        o.strings(m.name()).float64s(m.position()).float64s(m.velocity()).float64s(m.effort());
      },
      in -> new JointState(readHeader(in), in.strings(), in.float64s(), in.float64s(), in.float64s()));

  public static final MessageCodec<JointTrajectory> JOINT_TRAJECTORY =
      register("trajectory_msgs/msg/JointTrajectory", SMALL,
          (m, o) -> {
            writeHeader(m.header(), o);
            o.strings(m.jointNames());
            o.uint32(m.points().size());
            for (JointTrajectory.Point p : m.points()) {
              o.float64s(p.positions()).float64s(p.velocities()).float64s(new double[0]).float64s(new double[0]);
              writeTime(p.timeFromStartNanos(), o);
            }
          },
          in -> {
            Header h = readHeader(in);
            List<String> names = in.strings();
            int n = in.sequence("points", 24);
            List<JointTrajectory.Point> points = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              double[] positions = in.float64s();
              double[] velocities = in.float64s();
              in.float64s();
              in.float64s();
              points.add(new JointTrajectory.Point(positions, velocities, readTime(in)));
            }
            return new JointTrajectory(h, names, points);
          });

  public static final MessageCodec<GripperCommand> GRIPPER = register("control_msgs/msg/GripperCommand", SMALL,
      (m, o) -> o.float64(m.position()).float64(m.maxEffort()),
      in -> new GripperCommand(in.float64(), in.float64()));

  public static final MessageCodec<TFMessage> TF = register("tf2_msgs/msg/TFMessage", SMALL,
      (m, o) -> {
        o.uint32(m.transforms().size());
        for (TransformStamped t : m.transforms()) {
          writeHeader(t.header(), o);
          o.string(t.childFrameId());
          writeVector(t.translation(), o);
          writeQuaternion(t.rotation(), o);
        }
      },
      in -> {
        int n = in.sequence("transforms", 64);
        List<TransformStamped> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          Header h = readHeader(in);
          String child = in.string();
          out.add(new TransformStamped(h, child, readVector(in), readQuaternion(in)));
        }
        return new TFMessage(out);
      });

  /** vla_interfaces/msg/AffordanceCall; the field order of ros2/vla_interfaces/msg/AffordanceCall.msg. */
  public static final MessageCodec<AffordanceCall> AFFORDANCE_CALL =
      register("vla_interfaces/msg/AffordanceCall", SMALL,
          (m, o) -> {
            writeTime(m.stampNanos(), o);
            o.int64(m.callId()).string(m.skill());
            writeKeyValues(m.args(), o);
            o.bool(m.targetPixel().isPresent());
            Pixel px = m.targetPixel().orElse(new Pixel(0, 0));
            o.int32(px.u()).int32(px.v());
            o.bool(m.targetPoint().isPresent());
            Optional<Point3> pt = m.targetPoint();
            writeHeader(new Header(m.stampNanos(), pt.map(Point3::frameId).orElse("")), o);
            o.float64(pt.map(Point3::x).orElse(0.0)).float64(pt.map(Point3::y).orElse(0.0))
                .float64(pt.map(Point3::z).orElse(0.0));
            o.float64(m.confidence()).float64(m.affordance()).int64(m.instructionId());
          },
          in -> {
            long stamp = readTime(in);
            long callId = in.int64();
            String skill = in.string();
            Map<String, String> args = readKeyValues(in, "args");
            boolean hasPixel = in.bool();
            int u = in.int32();
            int v = in.int32();
            // A peer may leave the pixel of a call without one uninitialised: read it only when flagged.
            Optional<Pixel> px = hasPixel ? Optional.of(new Pixel(u, v)) : Optional.empty();
            boolean hasPoint = in.bool();
            Header ph = readHeader(in);
            double x = in.float64();
            double y = in.float64();
            double z = in.float64();
            double confidence = in.float64();
            double affordance = in.float64();
            long instruction = in.int64();
            return new AffordanceCall(callId, skill, args, px,
                hasPoint ? Optional.of(new Point3(ph.frameId(), x, y, z)) : Optional.empty(), confidence, affordance, instruction, stamp);
          });

  /** vla_interfaces/msg/SkillStatus; state is the index of {@link SkillStatus.State}, as the .msg constants. */
  public static final MessageCodec<SkillStatus> SKILL_STATUS = register("vla_interfaces/msg/SkillStatus", SMALL,
      (m, o) -> {
        writeTime(m.stampNanos(), o);
        o.int64(m.callId()).string(m.skill()).uint8(m.state().ordinal()).string(m.reason()).int64(m.instructionId());
      },
      in -> {
        long stamp = readTime(in);
        long callId = in.int64();
        String skill = in.string();
        int state = in.uint8();
        SkillStatus.State[] states = SkillStatus.State.values();
        if (state >= states.length) {
          throw new CdrException("skill status state " + state + " is not one of 0.." + (states.length - 1));
        }
        return new SkillStatus(callId, skill, states[state], in.string(), in.int64(), stamp);
      });

  public static final MessageCodec<DiagnosticArray> DIAGNOSTICS =
      register("diagnostic_msgs/msg/DiagnosticArray", SMALL,
          (m, o) -> {
            writeHeader(m.header(), o);
            o.uint32(m.status().size());
            for (DiagnosticArray.Status s : m.status()) {
              o.uint8(s.level().wire()).string(s.name()).string(s.message()).string(s.hardwareId());
              writeKeyValues(s.values(), o);
            }
          },
          in -> {
            Header h = readHeader(in);
            int n = in.sequence("status", 17);
            List<DiagnosticArray.Status> status = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              DiagnosticArray.Level level = DiagnosticArray.Level.ofWire(in.uint8());
              String name = in.string();
              String message = in.string();
              String hardware = in.string();
              status.add(new DiagnosticArray.Status(level, name, message, hardware, readKeyValues(in, "values")));
            }
            return new DiagnosticArray(h, status);
          });

  public static final MessageCodec<AudioChunk> AUDIO_CHUNK = register("vla_interfaces/msg/AudioChunk", AUDIO,
      (m, o) -> {
        writeHeader(m.header(), o);
        o.uint32(m.sampleRate()).uint8(m.channels()).int16s(m.samples());
      },
      in -> new AudioChunk(readHeader(in), (int) in.uint32(), in.uint8(), in.int16s()));

  private Codecs() {}

  /** The codec for a ROS type name ({@code geometry_msgs/msg/Twist}), if this transport knows it. */
  public static Optional<MessageCodec<?>> forRosType(String rosType) {
    return Optional.ofNullable(BY_ROS_TYPE.get(rosType));
  }

  /** Every ROS type name with a codec, in registration order. */
  public static List<String> rosTypes() {
    return List.copyOf(BY_ROS_TYPE.keySet());
  }

  private static <T> MessageCodec<T> register(String rosType, int maxSize, BiConsumer<T, CdrWriter> writer,
      Function<CdrReader, T> reader) {
    String dds = MessageCodec.ddsName(rosType);
    MessageCodec<T> codec = new MessageCodec<>() {
      @Override
      public String ddsTypeName() {
        return dds;
      }

      @Override
      public int maxSize() {
        return maxSize;
      }

      @Override
      public void write(T message, CdrWriter out) {
        writer.accept(message, out);
      }

      /** A well-formed message whose values the message type refuses (a NaN point, confidence 7) is a CdrException too. */
      @Override
      public T read(CdrReader in) {
        try {
          return reader.apply(in);
        } catch (IllegalArgumentException e) {
          throw new CdrException(rosType + ": " + e.getMessage(), e);
        }
      }

      @Override
      public String toString() {
        return rosType;
      }
    };
    BY_ROS_TYPE.put(rosType, codec);
    return codec;
  }

  // builtin_interfaces/Time and Duration share a layout: int32 sec, uint32 nanosec.
  static void writeTime(long nanos, CdrWriter o) {
    o.int32((int) Math.floorDiv(nanos, 1_000_000_000L)).uint32(Math.floorMod(nanos, 1_000_000_000L));
  }

  static long readTime(CdrReader in) {
    long sec = in.int32();
    long nsec = in.uint32();
    return sec * 1_000_000_000L + nsec;
  }

  static void writeHeader(Header h, CdrWriter o) {
    writeTime(h.stampNanos(), o);
    o.string(h.frameId());
  }

  static Header readHeader(CdrReader in) {
    long stamp = readTime(in);
    return new Header(stamp, in.string());
  }

  // diagnostic_msgs/KeyValue[]: a count, then key and value strings, in map order.
  private static void writeKeyValues(Map<String, String> map, CdrWriter o) {
    o.uint32(map.size());
    map.forEach((k, v) -> o.string(k).string(v));
  }

  private static Map<String, String> readKeyValues(CdrReader in, String field) {
    int n = in.sequence(field, 10);
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      out.put(in.string(), in.string());
    }
    return out;
  }

  private static void writeVector(Vector3 v, CdrWriter o) {
    o.float64(v.x()).float64(v.y()).float64(v.z());
  }

  private static Vector3 readVector(CdrReader in) {
    return new Vector3(in.float64(), in.float64(), in.float64());
  }

  private static void writeQuaternion(Quaternion q, CdrWriter o) {
    o.float64(q.x()).float64(q.y()).float64(q.z()).float64(q.w());
  }

  private static Quaternion readQuaternion(CdrReader in) {
    return new Quaternion(in.float64(), in.float64(), in.float64(), in.float64());
  }

  private static void writeTwist(Twist t, CdrWriter o) {
    writeVector(t.linear(), o);
    writeVector(t.angular(), o);
  }

  private static Twist readTwist(CdrReader in) {
    return new Twist(readVector(in), readVector(in));
  }
}
