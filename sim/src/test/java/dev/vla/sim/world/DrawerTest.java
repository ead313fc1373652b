package dev.vla.sim.world;

import static dev.vla.sim.TestScenes.DT;
import static dev.vla.sim.TestScenes.GEOMETRY;
import static dev.vla.sim.TestScenes.drive;
import static dev.vla.sim.TestScenes.moveTip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.sim.TestScenes;
import dev.vla.sim.episode.Episode;
import dev.vla.sim.scenario.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A cabinet drawer on a prismatic joint: pulled open by its grasped handle, pushed shut with closed
 * fingers, carrying what rests in its tray.
 */
class DrawerTest {
  private static final double TRAVEL = 0.3;

  /** A 0.5 m cabinet at x = 0.9 whose drawer opens towards the robot (-x), a cube in its tray. */
  private static Simulator cabinet() {
    return TestScenes.simulator(TestScenes.world()
        .drawer("cabinet", "white", 0.9, 0, 0, 0.5, TRAVEL, false)
        .object("cube", "cube", "red", null, 0.88, 0, 0.2, 0, 0.05)
        .expect("<vla:opened object=\"cabinet\"/>")
        .expect("<vla:closed object=\"cabinet\"/>"));
  }

  private static boolean holds(Simulator sim, Class<? extends Predicate> type) {
    Predicate p = sim.scenario().task().expect().stream().filter(type::isInstance).findFirst().orElseThrow();
    return new Episode(sim).holds(p);
  }

  /** Reaches the handle horizontally (pitch 0) from 10 cm in front, {@code sideways} along it, and closes. */
  private static void graspHandle(Simulator sim, double sideways) {
    double[] h = sim.body("cabinet").orElseThrow().handlePoint().orElseThrow();
    TestScenes.gripper(sim, GEOMETRY.gripperMaxWidth());
    moveTip(sim, h[0] - 0.1, h[1] + sideways, h[2], 0);
    moveTip(sim, h[0], h[1] + sideways, h[2], 0, 1.0);
    TestScenes.gripper(sim, 0);
  }

  @Test
  void theHandlePointIsOnTheDrawerFront() {
    Simulator sim = cabinet();
    Body cabinet = sim.body("cabinet").orElseThrow();
    assertTrue(cabinet.hasDrawerJoint());
    assertEquals(0, cabinet.jointPosition());
    assertEquals(TRAVEL, cabinet.jointUpper(), 1e-12);
    // Front panel face at 0.9 - 0.2 = 0.7, the handle 2.5 cm proud of it at a quarter of the panel up.
    double[] h = cabinet.handlePoint().orElseThrow();
    assertEquals(0.685, h[0], 1e-9);
    assertEquals(0, h[1], 1e-9);
    assertEquals(0.25 + 0.18 / 4, h[2], 1e-9);
    assertEquals(0.18, sim.body("cube").orElseThrow().bounds()[2], 1e-9, "the cube rests on the tray");
    assertTrue(holds(sim, Predicate.Closed.class));
    assertFalse(holds(sim, Predicate.Opened.class));
  }

  @Test
  void pullingTheGraspedHandleOpensTheDrawerUpToItsLimitWithTheTrayContents() {
    Simulator sim = cabinet();
    Body cabinet = sim.body("cabinet").orElseThrow();
    Body cube = sim.body("cube").orElseThrow();
    graspHandle(sim, 0);
    assertEquals(0.02, sim.robotState().gripperWidth(), 1e-9, "the fingers rest on the 2 cm handle");
    assertTrue(sim.robotState().holding(), "the gripper feels the handle");
    assertTrue(sim.held().isEmpty(), "a handle is not a held object");
    assertEquals(0, cabinet.jointPosition(), "grasping does not move it");

    // Back the base away: the fingertip moves straight along the drawer's axis.
    double lastPosition = 0;
    for (int i = 0; i < 250; i++) {
      drive(sim, -0.1, 0, DT);
      double travelled = -sim.worldPose().x();
      double position = cabinet.jointPosition();
      assertTrue(position >= lastPosition, "only opens while pulled");
      assertEquals(Math.min(travelled, TRAVEL), position, 1e-9, "follows the fingertip up to the limit");
      assertEquals(0.88 - position, cube.centre()[0], 1e-9, "the tray carries the cube");
      lastPosition = position;
    }
    assertTrue(-sim.worldPose().x() < TRAVEL, "not at the limit yet");
    drive(sim, -0.1, 0, 1.0);
    assertTrue(-sim.worldPose().x() > TRAVEL + 0.02, "pulled past the limit");
    assertEquals(TRAVEL, cabinet.jointPosition(), 1e-12, "stops at the upper limit");
    assertEquals(0.88 - TRAVEL, cube.centre()[0], 1e-9);
    assertEquals(0.18, cube.bounds()[2], 1e-9);
    assertTrue(holds(sim, Predicate.Opened.class));
    assertFalse(holds(sim, Predicate.Closed.class));

    // Pulling on, the fingers slip off the handle; the drawer stays open.
    drive(sim, -0.1, 0, 1.0);
    assertEquals(TRAVEL, cabinet.jointPosition(), 1e-12);
    assertEquals(0, sim.robotState().gripperWidth(), 1e-9, "nothing left between the fingers");
  }

  @Test
  void aHandleGraspedOffCentreAlongItStillPulls() {
    Simulator sim = cabinet();
    graspHandle(sim, 0.02);
    assertEquals(0.02, sim.robotState().gripperWidth(), 1e-9);
    drive(sim, -0.1, 0, 2.0);
    assertTrue(sim.body("cabinet").orElseThrow().jointPosition() > 0.15);
  }

  @Test
  void missingTheHandleOpensNothing() {
    Simulator sim = cabinet();
    double[] h = sim.body("cabinet").orElseThrow().handlePoint().orElseThrow();
    TestScenes.gripper(sim, GEOMETRY.gripperMaxWidth());
    moveTip(sim, h[0] - 0.08, h[1], h[2], 0); // 8 cm short of it
    TestScenes.gripper(sim, 0);
    assertEquals(0, sim.robotState().gripperWidth(), 1e-9);
    drive(sim, -0.1, 0, 2.0);
    assertEquals(0, sim.body("cabinet").orElseThrow().jointPosition());
    assertFalse(sim.body("cabinet").orElseThrow().touched());
  }

  @Test
  void pushingTheFrontWithClosedFingersClosesIt() {
    Simulator sim = TestScenes.simulator(TestScenes.world()
        .drawer("cabinet", "white", 0.9, 0, 0, 0.5, TRAVEL, true)
        .object("cube", "cube", "red", null, 0.58, 0, 0.2, 0, 0.05)
        .robot(-0.3, 0, 0)
        .expect("<vla:opened object=\"cabinet\"/>")
        .expect("<vla:closed object=\"cabinet\"/>"));
    Body cabinet = sim.body("cabinet").orElseThrow();
    Body cube = sim.body("cube").orElseThrow();
    // Written open: the joint runs [-travel, 0] and starts at 0, its upper limit.
    assertEquals(0, cabinet.jointPosition());
    assertEquals(-TRAVEL, cabinet.jointLower(), 1e-12);
    assertTrue(holds(sim, Predicate.Opened.class));
    assertEquals(0.18, cube.bounds()[2], 1e-9, "in the open drawer's tray");

    // Front panel at x 0.4 .. 0.42, z 0.16 .. 0.34: touch it below the handle with closed fingers.
    double[] h = cabinet.handlePoint().orElseThrow();
    assertEquals(0.385, h[0], 1e-9);
    TestScenes.gripper(sim, 0);
    moveTip(sim, 0.33, 0, 0.21, 0);
    assertEquals(0, cabinet.jointPosition(), "not touched yet");

    // An open gripper sweeping through it does not push.
    TestScenes.gripper(sim, GEOMETRY.gripperMaxWidth());
    drive(sim, 0.1, 0, 1.0);
    assertEquals(0, cabinet.jointPosition());
    drive(sim, -0.1, 0, 1.2);
    assertEquals(0, cabinet.jointPosition());
    TestScenes.gripper(sim, 0);

    // 0.41 m forward: the fingertip ends 2 cm inside the shut front.
    drive(sim, 0.1, 0, 4.2);
    assertEquals(-TRAVEL, cabinet.jointPosition(), 1e-12, "pushed in to the lower limit and no further");
    assertEquals(0.58 + TRAVEL, cube.centre()[0], 1e-9, "the tray carried the cube in");
    assertTrue(cabinet.touched());
    assertTrue(holds(sim, Predicate.Closed.class));
    assertFalse(holds(sim, Predicate.Opened.class));
    assertTrue(sim.collisions().isEmpty(), sim.collisions().toString());
  }
}
