package dev.vla.sim.world;

import static dev.vla.sim.TestScenes.DOWN;
import static dev.vla.sim.TestScenes.GEOMETRY;
import static dev.vla.sim.TestScenes.graspFromAbove;
import static dev.vla.sim.TestScenes.moveTip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.sim.TestScenes;
import dev.vla.sim.episode.Episode;
import dev.vla.sim.scenario.Predicate;
import dev.vla.sim.scenario.gen.SdfWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Released and loaded objects drop straight down onto the floor, a surface or into a container. */
class ReleaseTest {
  private static final double EPS = 1e-9;

  /** Carries the cube at (0.55, 0) to above (x, y), its bottom at {@code bottom}, and opens the gripper. */
  private static Body carryAndRelease(Simulator sim, double x, double y, double bottom) {
    graspFromAbove(sim, "cube");
    assertEquals("cube", sim.held().map(Body::name).orElse("nothing"));
    moveTip(sim, 0.55, 0, bottom + 0.025 + 0.2, DOWN);
    moveTip(sim, x, y, bottom + 0.025, DOWN);
    Body cube = sim.body("cube").orElseThrow();
    assertEquals(bottom, cube.bounds()[2], 1e-6, "carried to the release height");
    TestScenes.gripper(sim, GEOMETRY.gripperMaxWidth());
    assertEquals(Optional.empty(), sim.held());
    assertFalse(sim.robotState().holding());
    assertEquals(GEOMETRY.gripperMaxWidth(), sim.robotState().gripperWidth(), EPS);
    return cube;
  }

  private static boolean holds(Simulator sim, Class<? extends Predicate> type) {
    Predicate p = sim.scenario().task().expect().stream().filter(type::isInstance).findFirst().orElseThrow();
    return new Episode(sim).holds(p);
  }

  private static SdfWriter cubeInFront() {
    return TestScenes.world().object("cube", "cube", "red", null, 0.55, 0, 0, 0, 0.05);
  }

  @Test
  void releasedOverAContainerItDropsOntoTheContainerFloor() {
    Simulator sim = TestScenes.simulator(cubeInFront()
        .container("bin", "bin", "blue", null, 0.25, 0.5, 0, 0.3, 0.3, 0.25)
        .expect("<vla:in object=\"cube\" container=\"bin\"/>"));
    assertFalse(holds(sim, Predicate.In.class), "on the floor at the start");

    graspFromAbove(sim, "cube");
    moveTip(sim, 0.55, 0, 0.45, DOWN);
    moveTip(sim, 0.25, 0.5, 0.45, DOWN);
    assertFalse(holds(sim, Predicate.In.class), "held above the bin is not in it");

    TestScenes.gripper(sim, GEOMETRY.gripperMaxWidth());
    Body cube = sim.body("cube").orElseThrow();
    assertEquals(0.02, cube.bounds()[2], EPS, "bottom on the bin's 2 cm floor");
    assertEquals(0.25, cube.centre()[0], 1e-6);
    assertEquals(0.5, cube.centre()[1], 1e-6);
    assertTrue(holds(sim, Predicate.In.class));
    assertTrue(holds(sim, Predicate.NotHolding.class));

    // The bin is not something to rest on from outside: the cube did not land on its rim.
    assertTrue(cube.bounds()[5] < sim.body("bin").orElseThrow().bounds()[5]);
  }

  @Test
  void releasedOverATableItRestsOnTheTop() {
    Simulator sim = TestScenes.simulator(TestScenes.world()
        .object("cube", "cube", "red", null, 0.55, 0, 0, 0, 0.05)
        .table("table", "white", 0.75, -0.5, 0, 0.4, 0.4, 0.45)
        .expect("<vla:on object=\"cube\" surface=\"table\"/>"));
    assertFalse(holds(sim, Predicate.On.class));
    Body cube = carryAndRelease(sim, 0.6, -0.4, 0.52);
    assertEquals(0.45, cube.bounds()[2], EPS, "dropped 7 cm onto the 0.45 m top");
    assertEquals(0.6, cube.centre()[0], 1e-6);
    assertTrue(holds(sim, Predicate.On.class));
  }

  @Test
  void releasedOverTheFloorItLandsOnTheFloor() {
    Simulator sim = TestScenes.simulator(cubeInFront()
        .table("table", "white", 0.75, -0.5, 0, 0.4, 0.4, 0.45)
        .expect("<vla:on object=\"cube\" surface=\"table\"/>"));
    Body cube = carryAndRelease(sim, 0.35, 0.4, 0.3);
    assertEquals(0, cube.bounds()[2], EPS);
    assertEquals(0.35, cube.centre()[0], 1e-6);
    assertEquals(0.4, cube.centre()[1], 1e-6);
    assertFalse(holds(sim, Predicate.On.class));
  }

  @Test
  void releasedOverAnotherObjectItStacksOnIt() {
    Simulator sim = TestScenes.simulator(cubeInFront()
        .object("base_cube", "cube", "green", "large", 0.35, 0.4, 0, 0.3, 0.09)
        .expect("<vla:on object=\"cube\" surface=\"base_cube\"/>"));
    Body cube = carryAndRelease(sim, 0.35, 0.4, 0.2);
    assertEquals(0.09, cube.bounds()[2], EPS);
    assertTrue(holds(sim, Predicate.On.class));
  }

  @Test
  void objectsWrittenAboveTheirSupportSettleOntoItAtLoad() {
    Simulator sim = TestScenes.simulator(TestScenes.world()
        .object("floating", "cube", "red", null, 0.5, 0, 0.03, 0, 0.05)
        .table("table", "white", 1.5, 0, 0, 0.6, 0.8, 0.7)
        .object("on_table", "ball", "yellow", null, 1.5, 0.1, 0.73, 0, 0.06)
        .container("bin", "bin", "blue", null, -1, 0, 0, 0, 0.3, 0.25)
        .object("in_bin", "can", "orange", null, -1, 0.02, 0.1, 0, 0.066)
        .expect("<vla:on object=\"on_table\" surface=\"table\"/>")
        .expect("<vla:in object=\"in_bin\" container=\"bin\"/>"));
    assertEquals(0, sim.body("floating").orElseThrow().bounds()[2], EPS, "3 cm above the floor falls to it");
    assertEquals(0.7, sim.body("on_table").orElseThrow().bounds()[2], EPS);
    assertEquals(0.02, sim.body("in_bin").orElseThrow().bounds()[2], EPS);
    assertTrue(holds(sim, Predicate.On.class));
    assertTrue(holds(sim, Predicate.In.class));
    assertEquals(0.7, sim.body("table").orElseThrow().bounds()[5], EPS, "static furniture stays put");
  }
}
