package dev.vla.sim.world;

import static dev.vla.sim.TestScenes.ARM;
import static dev.vla.sim.TestScenes.DOWN;
import static dev.vla.sim.TestScenes.GEOMETRY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.sim.TestScenes;
import dev.vla.sim.episode.Episode;
import dev.vla.sim.episode.Verdict;
import dev.vla.sim.scenario.gen.SdfWriter;
import org.junit.jupiter.api.Test;

/** Closed fingers moving through an object push it along; nothing else moves it. */
class PushTest {
  /** Radius of the fingertip's sweep about the shoulder; the cube sits on it straight ahead. */
  private static final double R = 0.4;
  private static final double SWEEP = 0.35;

  private static SdfWriter cubes() {
    return new SdfWriter("push")
        .object("cube", "cube", "red", null, GEOMETRY.shoulderX() + R, 0, 0, 0, 0.05)
        .object("bystander", "cube", "blue", null, 0.4, -0.4, 0, 0, 0.05)
        .expect("<vla:untouched object=\"cube\"/>")
        .expect("<vla:untouched object=\"bystander\"/>");
  }

  /** Arm joints with the fingertip at height z on the sweep circle at bearing {@code yaw}. */
  private static double[] onSweep(double yaw, double z) {
    return ARM.inverse(GEOMETRY.shoulderX() + R * Math.cos(yaw), R * Math.sin(yaw), z, DOWN).orElseThrow();
  }

  /** Puts the fingertip at the sweep's start with the given opening, then swings it across in 2 s. */
  private static void sweep(Simulator sim, double z, double width) {
    TestScenes.gripper(sim, GEOMETRY.gripperMaxWidth());
    sim.commandArm(onSweep(-SWEEP, z), 0);
    sim.step(3.0);
    TestScenes.gripper(sim, width);
    sim.commandArm(onSweep(SWEEP, z), 2.0);
    sim.step(2.1);
    assertEquals(R * Math.sin(SWEEP), sim.fingertip()[1], 1e-9, "the sweep is over");
  }

  @Test
  void closedFingersSweptThroughACubeDisplaceItAlongTheSweep() {
    Simulator sim = TestScenes.simulator(cubes());
    Body cube = sim.body("cube").orElseThrow();
    double[] start = cube.centre();
    sweep(sim, 0.025, 0);

    double[] end = cube.centre();
    assertTrue(end[1] - start[1] > 0.15, "pushed sideways with the fingertip: " + end[1]);
    assertTrue(Math.abs(end[0] - start[0]) < 0.05, "along the sweep, not away from it: " + end[0]);
    assertEquals(start[2], end[2], 1e-12, "slid on the floor");
    // It ends just ahead of the fingertip, which came to rest at its side (2.5 cm from the finger centre).
    double[] tip = sim.fingertip();
    assertEquals(0.025, cube.footprintDistance(tip[0], tip[1]), 0.005);
    assertTrue(end[1] > tip[1]);

    assertTrue(cube.touched());
    assertTrue(sim.held().isEmpty(), "pushed, not grasped");
    Body bystander = sim.body("bystander").orElseThrow();
    assertFalse(bystander.touched());
    assertArrayEquals(new double[] {0.4, -0.4, 0.025}, bystander.centre(), 1e-12);

    Verdict verdict = new Episode(sim).judge();
    assertFalse(verdict.checks().get(0).holds());
    assertEquals("not cube untouched", verdict.checks().get(0).explanation());
    assertTrue(verdict.checks().get(1).holds(), verdict.checks().get(1).explanation());
    assertEquals("not cube untouched", verdict.failure());
  }

  @Test
  void fingersPassingAboveTheCubeLeaveItAlone() {
    Simulator sim = TestScenes.simulator(cubes());
    sweep(sim, 0.08, 0); // fingertip pad 2 cm: its bottom at 6 cm, over the 5 cm cube
    assertArrayEquals(new double[] {GEOMETRY.shoulderX() + R, 0, 0.025}, sim.body("cube").orElseThrow().centre(),
        1e-12);
    assertTrue(new Episode(sim).judge().success());
  }

  @Test
  void openFingersSweepingPastDoNotPush() {
    Simulator sim = TestScenes.simulator(cubes());
    sweep(sim, 0.025, GEOMETRY.gripperMaxWidth());
    assertArrayEquals(new double[] {GEOMETRY.shoulderX() + R, 0, 0.025}, sim.body("cube").orElseThrow().centre(),
        1e-12);
    assertFalse(sim.body("cube").orElseThrow().touched());
  }

  @Test
  void aCubePushedOffATableEdgeFallsToTheFloor() {
    // Table top x 0.35 .. 0.65, y -0.3 .. 0.05, 0.4 m high; the cube near its +y edge on the sweep.
    Simulator sim = TestScenes.simulator(new SdfWriter("push_off")
        .table("table", "white", 0.5, -0.125, 0, 0.3, 0.35, 0.4)
        .object("cube", "cube", "red", null, GEOMETRY.shoulderX() + R, 0, 0.4, 0, 0.05)
        .expect("<vla:on object=\"cube\" surface=\"table\"/>"));
    Body cube = sim.body("cube").orElseThrow();
    assertEquals(0.4, cube.bounds()[2], 1e-9);
    assertTrue(new Episode(sim).judge().success(), "on the table at the start");

    sweep(sim, 0.425, 0);
    // It falls as soon as its centre is past the edge, below the fingers, which sweep on above it.
    assertEquals(0.05, cube.centre()[1], 0.003, "pushed just past the edge");
    assertEquals(0, cube.bounds()[2], 1e-9, "with nothing under it, it fell to the floor");
    assertTrue(sim.fingertip()[1] > 0.1);
    assertEquals("not cube on table", new Episode(sim).judge().failure());
  }
}
