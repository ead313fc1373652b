package dev.vla.sim.world;

import static dev.vla.sim.TestScenes.DOWN;
import static dev.vla.sim.TestScenes.DT;
import static dev.vla.sim.TestScenes.drive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.sim.TestScenes;
import dev.vla.sim.render.CameraModel;
import dev.vla.sim.render.RgbdFrame;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.scenario.Transform;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The RGB-D head camera on its pan/tilt: depth, ids and determinism. */
class HeadCameraTest {
  /** Near face of the wall, metres ahead of the robot. */
  private static final double WALL_X = 3.0;
  private static final double WALL_HEIGHT = 3.0;

  private static Scenario wallScene() {
    return TestScenes.load(TestScenes.world().object("cube", "cube", "red", null, 1.5, 0.3, 0, 0, 0.1),
        TestScenes.staticBox("wall", WALL_X + 0.05, 0, 0, 0.1, 8, WALL_HEIGHT));
  }

  /** Commands the head and steps until it is there (it turns at 2 rad/s). */
  private static void aimHead(Simulator sim, double pan, double tilt) {
    sim.commandHead(pan, tilt);
    for (int i = 0; i < 300 && (sim.robotState().headPan() != pan || sim.robotState().headTilt() != tilt); i++) {
      sim.step(DT);
    }
    assertEquals(pan, sim.robotState().headPan());
    assertEquals(tilt, sim.robotState().headTilt());
  }

  private static RgbdFrame render(Simulator sim) {
    RgbdFrame frame = RgbdFrame.forCamera(sim.camera());
    sim.render(frame);
    return frame;
  }

  /** The world direction of the ray through the centre of pixel (u, v). */
  private static double[] ray(Simulator sim, int u, int v) {
    CameraModel c = sim.camera();
    return sim.worldFromOptical().rotate((u + 0.5 - c.cx()) / c.fx(), (v + 0.5 - c.cy()) / c.fy(), 1);
  }

  @Test
  void theCameraSitsOnTheMastAndLooksWhereThePanTiltPoints() {
    Simulator sim = TestScenes.simulator(wallScene());
    assertEquals(TestScenes.GEOMETRY.headDefaultTilt(), sim.robotState().headTilt());
    aimHead(sim, 0.4, 0.3);
    Transform t = sim.worldFromOptical();
    assertArrayEquals(new double[] {0.05, 0, 1.2}, t.translationPart(), 1e-12);
    assertArrayEquals(new double[] {Math.cos(0.3) * Math.cos(0.4), Math.cos(0.3) * Math.sin(0.4), -Math.sin(0.3)},
        t.rotate(0, 0, 1), 1e-12, "optical z: forward along the pan, down by the tilt");
    assertArrayEquals(new double[] {Math.sin(0.4), -Math.cos(0.4), 0}, t.rotate(1, 0, 0), 1e-12, "x: image right");
    CameraModel c = sim.camera();
    assertEquals(640, c.width());
    assertEquals(480, c.height());
    assertEquals(320 / Math.tan(Math.toRadians(30)), c.fx(), 1e-9);

    // Limits: pan +-2, tilt -0.5 .. 1.3.
    aimHead(sim, -2.0, 1.3);
    sim.commandHead(5, -5);
    sim.step(3.0);
    assertEquals(2.0, sim.robotState().headPan());
    assertEquals(-0.5, sim.robotState().headTilt());
  }

  @Test
  void depthMatchesTheRayIntersectionAtEveryPixelCentre() {
    Simulator sim = TestScenes.simulator(wallScene());
    aimHead(sim, 0, 0.2);
    RgbdFrame frame = render(sim);
    double[] o = sim.worldFromOptical().translationPart();
    int wallPixels = 0;
    int floorPixels = 0;
    for (int v = 0; v < 480; v += 12) {
      for (int u = 0; u < 640; u += 16) {
        double[] d = ray(sim, u, v);
        // Optical z of d is 1, so the ray parameter of a hit is its depth.
        double toWall = (WALL_X - o[0]) / d[0];
        double wallZ = o[2] + toWall * d[2];
        double toFloor = d[2] < 0 ? -o[2] / d[2] : Double.POSITIVE_INFINITY;
        if (Math.abs(wallZ) < 0.02) {
          continue; // the wall's foot: either surface may win the pixel
        }
        double[] floorHit = {o[0] + toFloor * d[0], o[1] + toFloor * d[1]};
        if (toFloor < toWall && Math.hypot(floorHit[0] - 1.5, floorHit[1] - 0.3) < 0.15) {
          continue; // the cube
        }
        double expected = Math.min(toWall, toFloor);
        String name = sim.bodyById(frame.idAt(u, v)).map(Body::name).orElse("id " + frame.idAt(u, v));
        assertEquals(toWall < toFloor ? "wall" : "ground", name, "pixel " + u + ", " + v);
        assertEquals(expected, frame.depthAt(u, v), expected * 1e-5, "depth at pixel " + u + ", " + v);
        if (toWall < toFloor) {
          wallPixels++;
        } else {
          floorPixels++;
        }
      }
    }
    assertTrue(wallPixels > 300 && floorPixels > 300, wallPixels + " wall and " + floorPixels + " floor samples");

    // The centre pixel looks 0.2 rad down: at the wall (2.95 m ahead) about 0.6 m lower than the camera.
    double centre = frame.depthAt(320, 240);
    assertEquals(2.95 / Math.cos(0.2), centre, 0.01);
  }

  @Test
  void idsNameTheBodyThatWasHit() {
    Simulator sim = TestScenes.simulator(wallScene());
    aimHead(sim, 0, 0.5);
    RgbdFrame frame = render(sim);
    Body cube = sim.body("cube").orElseThrow();
    // Project the cube's top centre into the image.
    double[] p = sim.worldFromOptical().inverse().apply(1.5, 0.3, 0.1);
    int u = (int) Math.floor(sim.camera().projectU(p[0], p[2]));
    int v = (int) Math.floor(sim.camera().projectV(p[1], p[2]));
    assertTrue(u > 0 && u < 640 && v > 0 && v < 480, "in view at " + u + ", " + v);
    assertEquals(cube, sim.bodyById(frame.idAt(u, v)).orElseThrow());
    assertEquals(p[2], frame.depthAt(u, v), 0.01, "the top face at the projected point");
    Set<String> seen = new TreeSet<>();
    for (int id : frame.ids()) {
      assertTrue(id >= 0, "every pixel hits something here");
      seen.add(sim.bodyById(id).map(Body::name).orElse("robot"));
    }
    assertEquals(Set.of("cube", "ground", "wall"), seen);
    assertTrue(sim.bodyById(Simulator.ROBOT_ID_BASE).isEmpty());
    assertTrue(sim.bodyById(-1).isEmpty());
  }

  @Test
  void theRobotSeesItsOwnPartsUnderRobotIds() {
    Simulator sim = TestScenes.simulator(wallScene());
    TestScenes.moveTip(sim, 0.45, 0, 0.5, DOWN);
    aimHead(sim, 0, 1.3);
    RgbdFrame frame = render(sim);
    Set<Integer> robotIds = new TreeSet<>();
    for (int id : frame.ids()) {
      if (id >= Simulator.ROBOT_ID_BASE) {
        robotIds.add(id);
        assertTrue(sim.bodyById(id).isEmpty());
      }
    }
    // Base and mast, arm links, fingers.
    assertEquals(Set.of(Simulator.ROBOT_ID_BASE, Simulator.ROBOT_ID_BASE + 1, Simulator.ROBOT_ID_BASE + 2), robotIds);
    assertEquals(Simulator.ROBOT_ID_BASE, frame.idAt(320, 479), "straight down: the robot's own body");
    // Where the fingertip projects, the gripper or the arm links above it are seen, nothing behind it.
    double[] tip = sim.worldFromOptical().inverse().apply(sim.fingertip()[0], sim.fingertip()[1], sim.fingertip()[2]);
    int u = (int) Math.floor(sim.camera().projectU(tip[0], tip[2]));
    int v = (int) Math.floor(sim.camera().projectV(tip[1], tip[2]));
    assertTrue(frame.idAt(u, v) > Simulator.ROBOT_ID_BASE, "id " + frame.idAt(u, v) + " at " + u + ", " + v);
    assertTrue(frame.depthAt(u, v) <= tip[2] + 0.03, "depth " + frame.depthAt(u, v) + " vs " + tip[2]);
  }

  @Test
  void sameSeedAndCommandsGiveIdenticalNoisyFramesOtherSeedsDiffer() {
    Scenario scenario = wallScene();
    Simulator a = new Simulator(scenario, Simulator.Config.defaults(7));
    Simulator b = new Simulator(scenario, Simulator.Config.defaults(7));
    Simulator c = new Simulator(scenario, Simulator.Config.defaults(8));
    RgbdFrame fa = RgbdFrame.forCamera(a.camera());
    RgbdFrame fb = RgbdFrame.forCamera(b.camera());
    RgbdFrame fc = RgbdFrame.forCamera(c.camera());
    for (int round = 0; round < 3; round++) {
      for (Simulator s : new Simulator[] {a, b, c}) {
        s.commandHead(0.1 * round, 0.3 + 0.1 * round);
        s.commandArm(new double[] {0.2 * round, 0.8, -1.2, -0.6}, 0.5);
        drive(s, 0.2, 0.1 * round, 0.5);
      }
      a.render(fa);
      b.render(fb);
      c.render(fc);
      assertArrayEquals(fa.rgb(), fb.rgb(), "round " + round);
      assertTrue(Arrays.equals(fa.depth(), fb.depth()), "round " + round);
      assertArrayEquals(fa.ids(), fb.ids());
      assertFalse(Arrays.equals(fa.rgb(), fc.rgb()), "another seed, other noise and lighting");
      assertArrayEquals(fa.ids(), fc.ids(), "the same geometry whatever the seed");
    }
    // Noise: the same view rendered again is not the same picture.
    RgbdFrame again = RgbdFrame.forCamera(a.camera());
    a.render(again);
    assertFalse(Arrays.equals(fa.rgb(), again.rgb()));
  }
}
