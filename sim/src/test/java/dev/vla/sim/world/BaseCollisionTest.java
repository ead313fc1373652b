package dev.vla.sim.world;

import static dev.vla.sim.TestScenes.drive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.sim.TestScenes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The base stops at whatever stands on the floor up to its height, and records the hit. */
class BaseCollisionTest {
  private static final double RADIUS = TestScenes.GEOMETRY.baseRadius();

  @Test
  void drivingIntoABoxStopsAtItsFaceAndRecordsOneCollision() {
    // A crate whose near face is at x = 1.45.
    Simulator sim = TestScenes.simulator(TestScenes.world(),
        TestScenes.staticBox("crate", 1.6, 0.1, 0, 0.3, 0.6, 0.5));
    drive(sim, 0.4, 0, 6.0);
    double gap = 1.45 - sim.worldPose().x();
    assertTrue(gap >= RADIUS - 1e-9, "base centre " + gap + " m from the face");
    assertTrue(gap < RADIUS + 0.005, "stopped right at the face, " + gap + " m from it");
    assertEquals(0, sim.worldPose().y(), 1e-12);
    assertEquals(0, sim.robotState().linearVelocity(), 1e-12);
    List<Simulator.Collision> hits = sim.collisions();
    assertEquals(1, hits.size(), "pressing on for seconds is one collision: " + hits);
    Simulator.Collision hit = hits.get(0);
    assertEquals("crate", hit.body());
    assertEquals(sim.worldPose().x(), hit.x(), 0.005);
    assertTrue(hit.timeSeconds() > 3.0 && hit.timeSeconds() < 4.0, "hit at t=" + hit.timeSeconds());

    // Backing away is free, and driving in again is a second collision.
    drive(sim, -0.3, 0, 1.0);
    assertTrue(1.45 - sim.worldPose().x() > RADIUS + 0.1);
    drive(sim, 0.4, 0, 2.0);
    assertEquals(2, sim.collisions().size());
    assertTrue(1.45 - sim.worldPose().x() >= RADIUS - 1e-9);
  }

  @Test
  void aBaseShovedIntoAnObstacleCanBackOutButNotGoDeeper() {
    Simulator sim = TestScenes.simulator(TestScenes.world(),
        TestScenes.staticBox("crate", 1.6, 0, 0, 0.3, 0.6, 0.5));
    // Shoved so that the base overlaps the crate's face (at x = 1.45) by 10 cm.
    sim.apply(new dev.vla.sim.scenario.Event.PushRobot(0, new dev.vla.sim.scenario.Trigger.At(0), 0,
        1.45 - RADIUS + 0.10, 0, 0));
    double shoved = sim.worldPose().x();
    drive(sim, 0.3, 0, 1.0);
    assertEquals(shoved, sim.worldPose().x(), 1e-9, "forward would go deeper: blocked");
    drive(sim, -0.3, 0, 2.0);
    assertTrue(1.45 - sim.worldPose().x() > RADIUS, "backed out: " + sim.worldPose().x());
  }

  @Test
  void turningInPlaceBesideAWallIsNoCollision() {
    Simulator sim = TestScenes.simulator(TestScenes.world(), TestScenes.staticBox("wall", 1.0, 0, 0, 0.1, 3, 1));
    drive(sim, 0.3, 0, 5.0);
    int hits = sim.collisions().size();
    double x = sim.worldPose().x();
    drive(sim, 0, 1.2, 3.0);
    assertEquals(hits, sim.collisions().size());
    assertEquals(x, sim.worldPose().x(), 1e-12);
    assertTrue(Math.abs(sim.worldPose().yaw()) > 0.5);
  }

  @Test
  void aDiagonalApproachStopsAtTheRotatedFootprint() {
    // A box turned 45 degrees: its corner points at the robot.
    Simulator sim = TestScenes.simulator(TestScenes.world(),
        TestScenes.staticBox("diamond", 1.5, 0, Math.PI / 4, 0.4, 0.4, 0.6));
    drive(sim, 0.3, 0, 8.0);
    double corner = 1.5 - 0.2 * Math.sqrt(2);
    double gap = corner - sim.worldPose().x();
    assertTrue(gap >= RADIUS - 1e-9 && gap < RADIUS + 0.005, "gap to the corner " + gap);
    assertEquals("diamond", sim.collisions().get(0).body());
  }

  @Test
  void aTableTopAboveTheBasePassesOverItButItsLegsBlock() {
    // Legs 4 cm square at x = 1.5 +- 0.36 and y = +-0.56; the top 0.75 m up.
    Simulator under = TestScenes.simulator(TestScenes.world().table("table", "white", 1.5, 0, 0, 0.8, 1.2, 0.75));
    drive(under, 0.4, 0, 8.0);
    assertTrue(under.worldPose().x() > 2.5, "drove under the top and out: " + under.worldPose());
    assertTrue(under.collisions().isEmpty(), under.collisions().toString());

    Simulator intoLeg = TestScenes.simulator(TestScenes.world().table("table", "white", 1.5, 0, 0, 0.8, 1.2, 0.75)
        .robot(0, 0.56, 0));
    drive(intoLeg, 0.4, 0, 8.0);
    double legFace = 1.5 - 0.36 - 0.02;
    double gap = legFace - intoLeg.worldPose().x();
    assertTrue(gap >= RADIUS - 1e-9 && gap < RADIUS + 0.005, "gap to the leg " + gap);
    assertEquals(1, intoLeg.collisions().size());
    assertEquals("table", intoLeg.collisions().get(0).body());
  }

  @Test
  void aLowTableTopHitsTheBase() {
    // The top's underside at 0.30 m is below the 0.35 m base: it blocks before the legs could.
    Simulator sim = TestScenes.simulator(TestScenes.world().table("coffee_table", "black", 1.5, 0, 0, 0.8, 1.2, 0.34));
    drive(sim, 0.4, 0, 6.0);
    double gap = (1.5 - 0.4) - sim.worldPose().x();
    assertTrue(gap >= RADIUS - 1e-9 && gap < RADIUS + 0.005, "gap to the top's edge " + gap);
    assertEquals("coffee_table", sim.collisions().get(0).body());
  }

  @Test
  void containersOnTheFloorBlockToo() {
    Simulator sim = TestScenes.simulator(TestScenes.world()
        .container("bin", "bin", "blue", null, 1.2, 0, 0, 0, 0.3, 0.25));
    drive(sim, 0.3, 0, 6.0);
    double gap = (1.2 - 0.15) - sim.worldPose().x();
    assertTrue(gap >= RADIUS - 1e-9 && gap < RADIUS + 0.005, "gap to the bin " + gap);
    assertEquals("bin", sim.collisions().get(0).body());
  }
}
