package dev.vla.sim.world;

import static dev.vla.sim.TestScenes.DOWN;
import static dev.vla.sim.TestScenes.DT;
import static dev.vla.sim.TestScenes.GEOMETRY;
import static dev.vla.sim.TestScenes.drive;
import static dev.vla.sim.TestScenes.graspAt;
import static dev.vla.sim.TestScenes.graspFromAbove;
import static dev.vla.sim.TestScenes.moveTip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.RobotState;
import dev.vla.sim.TestScenes;
import dev.vla.sim.scenario.gen.SdfWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parallel gripper grasps a graspable object that lies between its fingers, and nothing else. */
class GraspTest {
  private static SdfWriter cubeInFront() {
    return TestScenes.world().object("cube", "cube", "red", null, 0.55, 0, 0, 0, 0.05);
  }

  private static String heldName(Simulator sim) {
    return sim.held().map(Body::name).orElse("nothing");
  }

  @Test
  void aCubeIsGraspedWhenTheFingersCloseOnItAndCarriedWithTheFingertip() {
    Simulator sim = TestScenes.simulator(cubeInFront());
    Body cube = sim.body("cube").orElseThrow();
    assertArrayEquals(new double[] {0.55, 0, 0.025}, cube.centre(), 1e-9);

    TestScenes.gripper(sim, GEOMETRY.gripperMaxWidth());
    moveTip(sim, 0.55, 0, 0.05 + 0.12 - 0.025, DOWN);
    moveTip(sim, 0.55, 0, 0.05 - 0.025, DOWN, 1.0);
    assertEquals(Optional.empty(), sim.held(), "open fingers around it hold nothing yet");
    assertArrayEquals(new double[] {0.55, 0, 0.025}, cube.centre(), 1e-9, "descending open does not disturb it");

    sim.commandGripper(0);
    int steps = 0;
    while (sim.held().isEmpty() && steps++ < 200) {
      sim.step(DT);
    }
    // 0.15 m to 0.05 m at 0.15 m/s.
    assertEquals(0.1 / GEOMETRY.gripperSpeed(), steps * DT, 2 * DT);
    assertEquals("cube", heldName(sim));
    RobotState closing = sim.robotState();
    assertEquals(0.05, closing.gripperWidth(), 1e-9, "the fingers stop at the cube's width");
    assertFalse(closing.holding(), "the fingers were still moving this step");
    sim.step(DT);
    RobotState settled = sim.robotState();
    assertTrue(settled.holding(), "fingers at rest and pressing: " + settled.gripperEffort() + " N");
    assertTrue(settled.gripperEffort() > RobotState.HOLDING_EFFORT_NEWTONS);
    sim.step(1.0);
    assertEquals(0.05, sim.robotState().gripperWidth(), 1e-9);
    assertTrue(cube.touched());

    // Lift, swing the arm, drive: the cube's centre stays at the fingertip.
    moveTip(sim, 0.55, 0, 0.4, DOWN);
    assertArrayEquals(sim.fingertip(), cube.centre(), 1e-9);
    moveTip(sim, 0.3, 0.35, 0.5, DOWN);
    assertArrayEquals(sim.fingertip(), cube.centre(), 1e-9);
    drive(sim, 0.3, 0.3, 2.0);
    assertTrue(sim.worldPose().x() > 0.4);
    assertArrayEquals(sim.fingertip(), cube.centre(), 1e-9);
    assertTrue(sim.collisions().isEmpty(), "a held object is no obstacle to the base");
    assertTrue(sim.robotState().holding());
  }

  @Test
  void anOffCentreCubeBetweenTheOpenFingersIsCentredAndGrasped() {
    Simulator sim = TestScenes.simulator(cubeInFront());
    graspFromAbove(sim, "cube", 0.03);
    assertEquals("cube", heldName(sim), "3 cm off centre the cube is still between fingers 15 cm apart");
    // The arm turned a little to reach the offset point, so the fingers meet the cube slightly askew.
    double yaw = sim.robotState().armJoint(0);
    assertTrue(Math.abs(yaw) > 0.05);
    assertEquals(0.05 * (Math.cos(yaw) + Math.abs(Math.sin(yaw))), sim.robotState().gripperWidth(), 1e-9);
    Body cube = sim.body("cube").orElseThrow();
    double[] tip = sim.fingertip();
    double across = -(cube.centre()[0] - tip[0]) * Math.sin(yaw) + (cube.centre()[1] - tip[1]) * Math.cos(yaw);
    assertEquals(0, across, 1e-9, "the closing fingers pushed it to the middle between them");
    assertEquals(0.025, cube.centre()[2], 1e-9, "pushed sideways, not lifted");
  }

  @ParameterizedTest(name = "fingertip offset lateral {0}, radial {1}, height {2}")
  @CsvSource({
    "0.12, 0, 0", // entirely beside the fingers
    "-0.12, 0, 0",
    "0, 0.06, 0", // beyond the fingers' depth
    "0, -0.06, 0",
    "0, 0, 0.05" // fingertips above the top
  })
  void aGripperNotAroundTheCubeClosesOnNothing(double lateral, double radial, double up) {
    Simulator sim = TestScenes.simulator(cubeInFront());
    // Arm yaw is 0 straight ahead: lateral is +y, radial is +x.
    graspAt(sim, 0.55 + radial, lateral, 0.025 + up);
    assertEquals("nothing", heldName(sim));
    RobotState state = sim.robotState();
    assertEquals(0, state.gripperWidth(), 1e-9);
    assertFalse(state.holding());
    assertEquals(0, state.gripperEffort());
    assertArrayEquals(new double[] {0.55, 0, 0.025}, sim.body("cube").orElseThrow().centre(), 1e-9);
    assertFalse(sim.body("cube").orElseThrow().touched());
  }

  @ParameterizedTest(name = "{0} of {1} m at yaw {2}")
  @CsvSource({
    "ball, 0.06, 0, 0.06",
    "cylinder, 0.05, 0, 0.05",
    "cylinder, 0.05, 1.1, 0.05", // a cylinder is as wide whatever its yaw
    "can, 0.066, 0.4, 0.066",
    "block, 0.07, 0, 0.042", // fingers across its 0.6 x 0.07 side
    "cube, 0.12, 0, 0.12", // large: fits the 0.15 m opening
    // Large and turned 45 degrees: 0.12 x 0.072 block, across the fingers 0.096 * sqrt(2)
    "block, 0.12, 0.7853981633974483, 0.1357645019878171"
  })
  void objectsOfEveryGraspableShapeAreGraspedAtTheirWidth(String category, double size, double yaw, double width) {
    Simulator sim = TestScenes.simulator(TestScenes.world().object("thing", category, "blue", null, 0.5, 0, 0, yaw,
        size));
    Body thing = sim.body("thing").orElseThrow();
    assertEquals(0, thing.bounds()[2], 1e-9);
    graspFromAbove(sim, "thing");
    assertEquals("thing", heldName(sim));
    assertEquals(width, sim.robotState().gripperWidth(), 1e-6, "the file keeps 4 decimals of the yaw");
    assertTrue(sim.robotState().holding());
    moveTip(sim, 0.4, 0, 0.5, DOWN);
    assertTrue(thing.bounds()[2] > 0.3, "lifted with the arm");
  }

  @Test
  void aLargeCubeTurned45DegreesIsGraspedAcrossItsFacesNotItsCorners() {
    // The cube's diagonal (0.17 m) does not fit the 0.15 m opening; reaching for it along a 45 degree
    // bearing puts the fingers across two faces instead.
    double bearing = Math.PI / 4;
    double x = GEOMETRY.shoulderX() + 0.42 * Math.cos(bearing);
    double y = 0.42 * Math.sin(bearing);
    SdfWriter scene = TestScenes.world().object("big", "cube", "green", "large", x, y, 0, bearing, 0.12);

    Simulator across = TestScenes.simulator(scene);
    graspFromAbove(across, "big");
    assertEquals("big", heldName(across));
    assertEquals(0.12, across.robotState().gripperWidth(), 1e-6, "the file keeps 4 decimals of the yaw");
    double[] centre = across.body("big").orElseThrow().centre();
    assertEquals(0, Math.hypot(centre[0] - across.fingertip()[0], centre[1] - across.fingertip()[1]), 1e-9);

    Simulator corners = TestScenes.simulator(TestScenes.world().object("big", "cube", "green", "large", 0.5, 0, 0,
        Math.PI / 4, 0.12));
    graspFromAbove(corners, "big");
    assertEquals("nothing", heldName(corners));
  }

  @Test
  void nonGraspableModelsAreNeverGrasped() {
    // A bin small enough to fit between the fingers, and an untagged block of scenery.
    Simulator sim = TestScenes.simulator(TestScenes.world()
            .container("small_bin", "bin", "blue", "small", 0.5, 0, 0, 0, 0.1, 0.1),
        TestScenes.staticBox("scenery", 0.45, -0.3, 0, 0.05, 0.05, 0.05));
    graspFromAbove(sim, "small_bin");
    assertEquals("nothing", heldName(sim));
    assertEquals(0, sim.robotState().gripperWidth(), 1e-9);
    assertFalse(sim.robotState().holding());

    graspFromAbove(sim, "scenery");
    assertEquals("nothing", heldName(sim));
    assertArrayEquals(new double[] {0.5, 0, 0.05}, sim.body("small_bin").orElseThrow().centre(), 1e-9);
  }
}
