package dev.vla.ros.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.RobotState;
import dev.vla.model.Rigid;
import dev.vla.ros.Topics;
import dev.vla.ros.msg.Header;
import dev.vla.ros.msg.JointState;
import dev.vla.ros.msg.Odometry;
import dev.vla.ros.msg.Quaternion;
import dev.vla.ros.msg.TFMessage;
import dev.vla.ros.msg.TransformStamped;
import dev.vla.ros.msg.Twist;
import dev.vla.ros.msg.Vector3;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * NaN, infinities and overflowing values in the frames and robot state a node receives from the graph
 * ({@code /tf}, {@code /odom}, {@code /joint_states}): the node keeps its last good state and never
 * throws when it later looks a frame up or assembles the robot's state.
 */
class NonFiniteStateFuzzTest {
  /** Each try's buffer warns on its first refusal; a thousand of those say nothing here. Held so it stays set. */
  static final java.util.logging.Logger TF_LOG = quiet(java.util.logging.Logger.getLogger(TfBuffer.class.getName()));

  static java.util.logging.Logger quiet(java.util.logging.Logger log) {
    log.setLevel(java.util.logging.Level.SEVERE);
    return log;
  }

  static final TransformStamped BASE = new TransformStamped(new Header(0, "odom"), "base_link", new Vector3(1, 2, 0),
      Quaternion.ofYaw(0.5));
  static final TransformStamped CAMERA = new TransformStamped(new Header(0, "base_link"), "camera",
      new Vector3(0.1, 0, 1.2), Quaternion.ofYaw(-0.2));

  @Provide
  Arbitrary<Double> hostile() {
    return Arbitraries.oneOf(
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE,
            1e308, -1e308, 1e154, Double.MIN_VALUE, -0.0, 0.0, 1.0, -1.0),
        Arbitraries.doubles().between(-10, 10));
  }

  @Provide
  Arbitrary<TransformStamped> transforms() {
    Arbitrary<Vector3> v = Combinators.combine(hostile(), hostile(), hostile()).as(Vector3::new);
    Arbitrary<Quaternion> q = Arbitraries.oneOf(
        Combinators.combine(hostile(), hostile(), hostile(), hostile()).as(Quaternion::new),
        Arbitraries.doubles().between(-4, 4).map(Quaternion::ofYaw));
    return Combinators.combine(Arbitraries.of("base_link", "camera", "odom", "map"), Arbitraries.of("odom", "base_link",
        "camera", "map"), v, q).as((parent, child, t, r) -> new TransformStamped(new Header(0, parent), child, t, r));
  }

  @Provide
  Arbitrary<List<TransformStamped>> transformLists() {
    return transforms().list().ofMaxSize(6);
  }

  /** Any sequence of transforms: a lookup is empty or finite, and refused ones leave the previous frames in place. */
  @Property(tries = 1000)
  void lookupsStayFiniteAndRefusedTransformsKeepTheLastGoodOne(
      @ForAll("transformLists") List<TransformStamped> hostile) {
    TfBuffer tf = new TfBuffer();
    tf.add(new TFMessage(List.of(BASE, CAMERA)));
    double[] before = tf.lookup("odom", "camera").orElseThrow().m();
    boolean allRefused = true;
    for (TransformStamped t : hostile) {
      long refusedBefore = tf.refused();
      tf.add(new TFMessage(List.of(t)));
      boolean refused = tf.refused() > refusedBefore;
      assertEquals(TfBuffer.problem(t).isPresent(), refused);
      if (refused) {
        assertTrue(tf.lastRefusal().contains(t.childFrameId()), tf.lastRefusal());
      } else {
        allRefused = false;
        assertTrue(t.translation().finite(), "accepted " + t);
      }
      for (String target : List.of("odom", "map", "base_link")) {
        for (String source : List.of("camera", "base_link", "map")) {
          Optional<Rigid> r = tf.lookup(target, source); // must not throw
          r.ifPresent(rigid -> {
            for (double x : rigid.m()) {
              assertTrue(Double.isFinite(x));
            }
          });
        }
      }
    }
    if (allRefused) {
      assertArrayEquals(before, tf.lookup("odom", "camera").orElseThrow().m(), 0.0, "refused transforms change nothing");
    }
  }

  @Test
  void theRefusalsNameTheFrameAndTheProblem() {
    TfBuffer tf = new TfBuffer();
    tf.add(new TFMessage(List.of(new TransformStamped(new Header(0, "odom"), "base_link", new Vector3(Double.NaN, 0, 0),
        Quaternion.ofYaw(0)))));
    assertTrue(tf.lastRefusal().startsWith("translation of base_link in odom is not finite"), tf.lastRefusal());
    tf.add(new TFMessage(List.of(new TransformStamped(new Header(0, "odom"), "base_link", Vector3.ZERO,
        new Quaternion(0, 0, 0, 0)))));
    assertTrue(tf.lastRefusal().contains("is not a unit quaternion (norm 0.0)"), tf.lastRefusal());
    tf.add(new TFMessage(List.of(new TransformStamped(new Header(0, "odom"), "base_link", Vector3.ZERO,
        new Quaternion(0, 0, Double.POSITIVE_INFINITY, 1)))));
    assertTrue(tf.lastRefusal().contains("rotation of base_link in odom is not finite"), tf.lastRefusal());
    assertEquals(3, tf.refused());
    assertTrue(tf.lookup("odom", "base_link").isEmpty());
  }

  @Provide
  Arbitrary<Odometry> odometry() {
    Arbitrary<Vector3> v = Combinators.combine(hostile(), hostile(), hostile()).as(Vector3::new);
    Arbitrary<Quaternion> q = Arbitraries.oneOf(
        Combinators.combine(hostile(), hostile(), hostile(), hostile()).as(Quaternion::new),
        Arbitraries.doubles().between(-4, 4).map(Quaternion::ofYaw));
    return Combinators.combine(v, q, v, v).as((p, r, lin, ang) -> new Odometry(new Header(5, "odom"), "base_link", p, r,
        new Twist(lin, ang)));
  }

  @Provide
  Arbitrary<JointState> joints() {
    Arbitrary<double[]> values = hostile().array(double[].class).ofMaxSize(9);
    List<String> names = List.of(Topics.ARM_JOINTS[0], Topics.ARM_JOINTS[1], Topics.ARM_JOINTS[2], Topics.ARM_JOINTS[3],
        Topics.GRIPPER_JOINT, Topics.HEAD_JOINTS[0], Topics.HEAD_JOINTS[1]);
    return Combinators.combine(Arbitraries.of(names).list().ofMaxSize(9), values, values, values)
        .as((n, p, v, e) -> new JointState(new Header(7, "base_link"), n, p, v, e));
  }

  /** Whatever odometry and joint states arrive, the assembled state is finite, and refused odometry keeps the last pose. */
  @Property(tries = 1000)
  void theAssembledRobotStateIsAlwaysFinite(@ForAll("odometry") Odometry good, @ForAll("odometry") Odometry next,
      @ForAll("joints") JointState joints) {
    RobotStateAssembler a = new RobotStateAssembler(RobotGeometry.standard());
    a.odom(good);
    boolean firstAccepted = a.refusedOdom() == 0;
    RobotState first = a.state(1);
    a.odom(next);
    boolean secondAccepted = a.refusedOdom() == (firstAccepted ? 0 : 1);
    a.joints(joints);
    RobotState s = a.state(2);
    assertFinite(first);
    assertFinite(s);
    if (!secondAccepted) {
      assertEquals(first.baseInOdom(), s.baseInOdom(), "refused odometry keeps the previous pose");
      assertEquals(first.linearVelocity(), s.linearVelocity());
    } else {
      assertEquals(next.position().x(), s.baseInOdom().x());
    }
  }

  private static void assertFinite(RobotState s) {
    double[] values = {s.baseInOdom().x(), s.baseInOdom().y(), s.baseInOdom().yaw(), s.linearVelocity(),
        s.angularVelocity(), s.gripperWidth(), s.gripperVelocity(), s.gripperEffort(), s.headPan(), s.headTilt()};
    for (double v : values) {
      assertTrue(Double.isFinite(v), s.toString());
    }
    for (double q : s.armJoints()) {
      assertTrue(Double.isFinite(q), s.toString());
    }
  }
}
