package dev.vla.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.ArmKinematics;
import dev.vla.affordances.Pose2D;
import dev.vla.affordances.RobotGeometry;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.scenario.ScenarioException;
import dev.vla.sim.scenario.ScenarioLoader;
import dev.vla.sim.scenario.gen.SdfWriter;
import dev.vla.sim.world.Body;
import dev.vla.sim.world.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Test scenes for the simulator: scenario text from {@link SdfWriter} (plus plain static boxes and
 * pillars it has no method for), loaded into a noise-free {@link Simulator}, and the few robot moves
 * the world tests share (driving at a control rate, moving the fingertip by IK, a top-down grasp).
 */
public final class TestScenes {
  public static final RobotGeometry GEOMETRY = RobotGeometry.standard();
  public static final ArmKinematics ARM = new ArmKinematics(GEOMETRY);
  /** Physics step of {@link #simulator}; also the control period of {@link #drive}. */
  public static final double DT = 0.01;
  /** Gripper pitch pointing straight down. */
  public static final double DOWN = -Math.PI / 2;

  private TestScenes() {}

  /** An empty world (ground plane, robot at the origin facing +x) with a trivial expectation. */
  public static SdfWriter world() {
    return new SdfWriter("test_world").expect("<vla:not_holding/>");
  }

  /** Loads scenario text through a temporary file, with {@code extraModels} added to the world. */
  public static Scenario load(SdfWriter sdf, String... extraModels) {
    String text = sdf.build();
    String anchor = "    <vla:robot ";
    text = text.replace(anchor, String.join("", extraModels) + anchor);
    try {
      Path file = Files.createTempFile("test-scene-", ".sdf");
      try {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return ScenarioLoader.load(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ScenarioException e) {
      throw new AssertionError("test scene does not load: " + e.getMessage() + "\n" + text, e);
    }
  }

  /** A simulator without sensor noise: seed 1, 10 ms physics step, 0.5 s command timeout. */
  public static Simulator simulator(Scenario scenario) {
    return new Simulator(scenario, new Simulator.Config(1, DT, 0.5, false));
  }

  public static Simulator simulator(SdfWriter sdf, String... extraModels) {
    return simulator(load(sdf, extraModels));
  }

  /** A static, untagged box standing on the floor: footprint centre (x, y), yaw, full sizes. */
  public static String staticBox(String name, double x, double y, double yaw, double sx, double sy, double sz) {
    String geometry = String.format(Locale.ROOT, "<geometry><box><size>%s %s %s</size></box></geometry>", sx, sy, sz);
    return String.format(Locale.ROOT, """
            <model name="%s">
              <static>true</static>
              <pose>%s %s %s 0 0 %s</pose>
              <link name="link">
                <collision name="collision">%s</collision>
                <visual name="visual">%s<material><diffuse>0.7 0.7 0.7 1</diffuse></material></visual>
              </link>
            </model>
        """, name, x, y, sz / 2, yaw, geometry, geometry);
  }

  /** A static, untagged upright cylinder standing on the floor. */
  public static String staticPillar(String name, double x, double y, double radius, double height) {
    String geometry = String.format(Locale.ROOT, "<geometry><cylinder><radius>%s</radius><length>%s</length>"
        + "</cylinder></geometry>", radius, height);
    return String.format(Locale.ROOT, """
            <model name="%s">
              <static>true</static>
              <pose>%s %s %s 0 0 0</pose>
              <link name="link">
                <collision name="collision">%s</collision>
                <visual name="visual">%s</visual>
              </link>
            </model>
        """, name, x, y, height / 2, geometry, geometry);
  }

  // ------------------------------------------------------------------ robot moves

  /** Sends the same base command every {@link #DT} for {@code seconds}, as a 100 Hz controller would. */
  public static void drive(Simulator sim, double linear, double angular, double seconds) {
    long ticks = Math.round(seconds / DT);
    for (long i = 0; i < ticks; i++) {
      sim.commandBase(linear, angular);
      sim.step(DT);
    }
  }

  /** Arm joints that put the fingertip at a world point with the given pitch, from where the base is now. */
  public static double[] ik(Simulator sim, double x, double y, double z, double pitch) {
    double[] local = sim.worldPose().toLocal(x, y);
    return ARM.inverse(local[0], local[1], z, pitch).orElseThrow(() -> new AssertionError(String.format(Locale.ROOT,
        "(%.3f, %.3f, %.3f) pitch %.2f is out of the arm's reach from %s", x, y, z, pitch, sim.worldPose())));
  }

  /** Moves the fingertip to a world point at the arm's speed limit (at least {@code seconds}) and waits for it. */
  public static void moveTip(Simulator sim, double x, double y, double z, double pitch, double seconds) {
    double[] q = ik(sim, x, y, z, pitch);
    double duration = ARM.moveDuration(sim.robotState().armJoints(), q, seconds);
    sim.commandArm(q, seconds);
    sim.step(duration + DT);
  }

  public static void moveTip(Simulator sim, double x, double y, double z, double pitch) {
    moveTip(sim, x, y, z, pitch, 0);
  }

  /** Commands a gripper width and waits a full stroke (the fingers move at most 0.15 m/s). */
  public static void gripper(Simulator sim, double width) {
    sim.commandGripper(width);
    sim.step(GEOMETRY.gripperMaxWidth() / GEOMETRY.gripperSpeed() + 0.1);
  }

  /**
   * A top-down grasp the way the pick skill does it: open, pre-grasp 0.12 m above, descend to the
   * fingertip point (x, y, z), close and wait for the fingers to stop.
   */
  public static void graspAt(Simulator sim, double x, double y, double z) {
    gripper(sim, GEOMETRY.gripperMaxWidth());
    moveTip(sim, x, y, z + 0.12, DOWN);
    moveTip(sim, x, y, z, DOWN, 1.0);
    gripper(sim, 0);
  }

  /**
   * {@link #graspAt} a body's centre with the fingertips 2.5 cm below its top; {@code lateral} shifts
   * the fingertip sideways (across the fingers, to the arm's left) from the centre.
   */
  public static void graspFromAbove(Simulator sim, String name, double lateral) {
    Body body = sim.body(name).orElseThrow();
    double[] c = body.centre();
    double yaw = armYawTowards(sim, c[0], c[1]);
    graspAt(sim, c[0] - Math.sin(yaw) * lateral, c[1] + Math.cos(yaw) * lateral, body.bounds()[5] - 0.025);
  }

  /** World heading of the arm's plane when it reaches for (x, y) from where the base is. */
  public static double armYawTowards(Simulator sim, double x, double y) {
    double[] local = sim.worldPose().toLocal(x, y);
    return Math.atan2(local[1], local[0] - GEOMETRY.shoulderX()) + sim.worldPose().yaw();
  }

  public static void graspFromAbove(Simulator sim, String name) {
    graspFromAbove(sim, name, 0);
  }

  /** Distance between two points, for assertion messages. */
  public static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  /** Asserts a pose lies within {@code tolerance} (metres and radians) of (x, y, yaw). */
  public static void assertPose(double x, double y, double yaw, Pose2D actual, double tolerance) {
    boolean near = Math.abs(actual.x() - x) <= tolerance && Math.abs(actual.y() - y) <= tolerance
        && Math.abs(Pose2D.wrap(actual.yaw() - yaw)) <= tolerance;
    assertTrue(near, () -> String.format(Locale.ROOT, "expected (%.4f, %.4f, %.4f rad) within %.4f, got (%.4f, %.4f,"
        + " %.4f rad)", x, y, yaw, tolerance, actual.x(), actual.y(), actual.yaw()));
  }
}
