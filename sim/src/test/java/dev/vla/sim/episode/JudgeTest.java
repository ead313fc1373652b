package dev.vla.sim.episode;

import static dev.vla.sim.TestScenes.drive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.sim.TestScenes;
import dev.vla.sim.scenario.Event;
import dev.vla.sim.scenario.Predicate;
import dev.vla.sim.scenario.Trigger;
import dev.vla.sim.scenario.gen.SdfWriter;
import dev.vla.sim.world.Simulator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every success predicate, holding and not, with the explanation a failure gives. */
class JudgeTest {
  // Indices of the predicates in the scene's <vla:expect>.
  private static final int IN = 0;
  private static final int ON = 1;
  private static final int HOLDING = 2;
  private static final int NOT_HOLDING = 3;
  private static final int NEAR_NAME = 4;
  private static final int NEAR_NAME_TIGHT = 5;
  private static final int ROBOT_NEAR_TABLE = 6;
  private static final int NEAR_XY = 7;
  private static final int NEAR_XY_TIGHT = 8;
  private static final int IN_REGION = 9;
  private static final int ROBOT_IN_REGION = 10;
  private static final int UNTOUCHED_RED = 11;
  private static final int UNTOUCHED_GREEN = 12;
  private static final int NO_MOTION = 13;
  private static final int ASKED = 14;
  private static final int OPENED = 15;
  private static final int OPENED_SHUT = 16;
  private static final int CLOSED = 17;
  private static final int CLOSED_OPEN = 18;
  private static final int NO_COLLISION = 19;

  private static Episode scene() {
    SdfWriter sdf = new SdfWriter("judge")
        .object("red_cube", "cube", "red", null, 0.5, 0, 0, 0, 0.05)
        .object("green_cube", "cube", "green", null, 0.5, 0.33, 0, 0, 0.06)
        .container("bin", "bin", "blue", null, -0.8, 0.8, 0, 0, 0.3, 0.25)
        .table("table", "white", 1.5, -1.2, 0, 0.6, 0.6, 0.5)
        .drawer("open_drawer", "white", 3, 2, 0, 0.5, 0.3, true)
        .drawer("shut_drawer", "black", 3, -2.5, 0, 0.5, 0.3, false)
        .region("kitchen", 3, 0, 1, 1)
        .expect("<vla:in object=\"red_cube\" container=\"bin\"/>")
        .expect("<vla:on object=\"red_cube\" surface=\"table\"/>")
        .expect("<vla:holding object=\"red_cube\"/>")
        .expect("<vla:not_holding/>")
        .expect("<vla:near object=\"red_cube\" target=\"green_cube\" within=\"0.35\"/>")
        .expect("<vla:near object=\"red_cube\" target=\"green_cube\" within=\"0.25\"/>")
        .expect("<vla:near object=\"robot\" target=\"table\" within=\"0.5\"/>")
        .expect("<vla:near object=\"red_cube\" target=\"0.5 0.1\" within=\"0.15\"/>")
        .expect("<vla:near object=\"red_cube\" target=\"0.5 0.1\" within=\"0.05\"/>")
        .expect("<vla:in_region object=\"red_cube\" region=\"kitchen\"/>")
        .expect("<vla:in_region object=\"robot\" region=\"kitchen\"/>")
        .expect("<vla:untouched object=\"red_cube\"/>")
        .expect("<vla:untouched object=\"green_cube\"/>")
        .expect("<vla:no_motion/>")
        .expect("<vla:asked/>")
        .expect("<vla:opened object=\"open_drawer\"/>")
        .expect("<vla:opened object=\"shut_drawer\"/>")
        .expect("<vla:closed object=\"shut_drawer\"/>")
        .expect("<vla:closed object=\"open_drawer\"/>")
        .expect("<vla:no_collision/>");
    return new Episode(TestScenes.simulator(sdf, TestScenes.staticBox("wall", -1.5, 0, 0, 0.1, 3, 1)));
  }

  private static Verdict.Check check(Episode e, int index) {
    return e.judge().checks().get(index);
  }

  private static void assertHolds(Episode e, int index) {
    Verdict.Check c = check(e, index);
    assertTrue(c.holds(), () -> "predicate " + index + ": " + c.explanation());
  }

  private static void assertHolds(Episode e, int index, String why) {
    assertTrue(check(e, index).holds(), why);
  }

  private static void assertFails(Episode e, int index, String explanation) {
    Verdict.Check c = check(e, index);
    assertFalse(c.holds(), () -> "predicate " + index + " holds: " + c.explanation());
    assertEquals(explanation, c.explanation());
  }

  private static void move(Simulator sim, String object, double x, double y, double z) {
    sim.apply(new Event.MoveObject(0, new Trigger.At(0), 1, object, x, y, z));
  }

  private static void push(Simulator sim, double dx, double dy) {
    sim.apply(new Event.PushRobot(0, new Trigger.At(0), 1, dx, dy, 0));
  }

  @Test
  void atTheStartEachPredicateHoldsOrExplainsWhyNot() {
    Episode e = scene();
    Verdict v = e.judge();
    assertEquals(20, v.checks().size());
    for (int i = 0; i < 20; i++) {
      assertEquals(e.task().expect().get(i), v.checks().get(i).predicate());
    }
    assertInstanceOf(Predicate.In.class, v.checks().get(IN).predicate());
    assertInstanceOf(Predicate.NoCollision.class, v.checks().get(NO_COLLISION).predicate());

    assertFails(e, IN, "not red_cube in bin");
    assertFails(e, ON, "not red_cube on table");
    assertFails(e, HOLDING, "not holding red_cube");
    assertHolds(e, NOT_HOLDING);
    assertHolds(e, NEAR_NAME);
    assertFails(e, NEAR_NAME_TIGHT, "not red_cube within 0.25 m of green_cube (0.30 m)");
    assertFails(e, ROBOT_NEAR_TABLE, "not robot within 0.50 m of table (1.50 m)");
    assertHolds(e, NEAR_XY);
    assertFails(e, NEAR_XY_TIGHT, "not red_cube within 0.05 m of (0.50, 0.10) (0.10 m)");
    assertFails(e, IN_REGION, "not red_cube in region kitchen");
    assertFails(e, ROBOT_IN_REGION, "not robot in region kitchen");
    assertHolds(e, UNTOUCHED_RED);
    assertHolds(e, UNTOUCHED_GREEN);
    assertHolds(e, NO_MOTION);
    assertFails(e, ASKED, "not asked for clarification");
    assertHolds(e, OPENED);
    assertFails(e, OPENED_SHUT, "not shut_drawer opened (joint 0.000 of [0.000, 0.300])");
    assertHolds(e, CLOSED);
    assertFails(e, CLOSED_OPEN, "not open_drawer closed (joint 0.000 of [-0.300, 0.000])");
    assertHolds(e, NO_COLLISION);

    assertFalse(v.success());
    String failures = v.checks().stream().filter(c -> !c.holds()).map(Verdict.Check::explanation)
        .collect(Collectors.joining("; "));
    assertEquals(failures, v.failure());
    assertTrue(v.failure().startsWith("not red_cube in bin; not red_cube on table; not holding red_cube; "));
    assertEquals(Episode.Ending.RUNNING, v.ending());
    assertTrue(Double.isNaN(v.stopLatencySeconds()), "no stopped_within in this task");
  }

  @Test
  void holdingAGraspedObject() {
    Episode e = scene();
    TestScenes.graspFromAbove(e.sim(), "red_cube");
    assertHolds(e, HOLDING);
    assertFails(e, NOT_HOLDING, "not gripper empty (holds red_cube)");
    assertFails(e, UNTOUCHED_RED, "not red_cube untouched");
    assertHolds(e, UNTOUCHED_GREEN);
    assertFails(e, NO_MOTION, "not no base or arm motion");
    assertHolds(e, NEAR_XY);

    // Held over the table, it is not on it.
    move(e.sim(), "red_cube", 1.5, -1.2, 0.8);
    assertFalse(e.sim().held().isPresent(), "moved out of the gripper");
    assertHolds(e, ON);
    assertHolds(e, NOT_HOLDING);
    assertFails(e, HOLDING, "not holding red_cube");
    assertFails(e, UNTOUCHED_RED, "not red_cube untouched");
  }

  @Test
  void inAndOnFollowWhereTheObjectRests() {
    Episode e = scene();
    move(e.sim(), "red_cube", -0.8, 0.8, 0.4);
    assertEquals(0.02, e.sim().body("red_cube").orElseThrow().bounds()[2], 1e-9);
    assertHolds(e, IN);
    assertFails(e, ON, "not red_cube on table");
    assertHolds(e, UNTOUCHED_RED, "a scenario event is not the robot touching it");

    move(e.sim(), "red_cube", 1.5, -1.2, 0.8);
    assertHolds(e, ON);
    assertFails(e, IN, "not red_cube in bin");

    // Let go of 5 cm beyond the top's edge, it falls to the floor beside the table.
    move(e.sim(), "red_cube", 1.5, -0.85, 0.8);
    assertEquals(0, e.sim().body("red_cube").orElseThrow().bounds()[2], 1e-9);
    assertFails(e, ON, "not red_cube on table");

    // A removed object is nowhere, not even where it was.
    move(e.sim(), "red_cube", -0.8, 0.8, 0.4);
    assertHolds(e, IN);
    e.sim().apply(new Event.RemoveObject(0, new Trigger.At(0), 1, "red_cube"));
    assertFails(e, IN, "not red_cube in bin");
  }

  @Test
  void nearAndInRegionForObjectsAndTheRobot() {
    Episode e = scene();
    Simulator sim = e.sim();
    push(sim, 1.5, -0.5);
    // Robot at (1.5, -0.5); the table's top spans y -1.5 .. -0.9.
    assertHolds(e, ROBOT_NEAR_TABLE);
    assertEquals("robot within 0.50 m of table (0.40 m)", check(e, ROBOT_NEAR_TABLE).explanation());

    push(sim, 1.4, 0.4);
    assertHolds(e, ROBOT_IN_REGION);
    push(sim, 0.7, 0);
    assertFails(e, ROBOT_IN_REGION, "not robot in region kitchen");

    move(sim, "red_cube", 3.4, -0.4, 0.1);
    assertHolds(e, IN_REGION);
    assertFails(e, NEAR_XY, "not red_cube within 0.15 m of (0.50, 0.10) (2.94 m)");
    move(sim, "red_cube", 3.6, 0, 0.1);
    assertFails(e, IN_REGION, "not red_cube in region kitchen");

    move(sim, "red_cube", 0.5, 0.13, 0.1);
    assertHolds(e, NEAR_NAME_TIGHT);
    assertHolds(e, NEAR_XY_TIGHT);
  }

  @Test
  void noMotionAllowsTheHeadButNotTheArmOrBase() {
    Episode head = scene();
    head.sim().commandHead(1.0, 0.2);
    head.sim().step(2.0);
    assertEquals(1.0, head.sim().robotState().headPan());
    assertHolds(head, NO_MOTION);

    Episode arm = scene();
    arm.sim().commandArm(new double[] {0.3, 1.2, -2.5, -0.8}, 1.0);
    arm.sim().step(0.05);
    assertFails(arm, NO_MOTION, "not no base or arm motion");

    Episode base = scene();
    drive(base.sim(), 0, 0.5, 0.05);
    assertFails(base, NO_MOTION, "not no base or arm motion");

  }

  @Test
  void askedHoldsOnceTheControllerAsked() {
    Episode e = scene();
    e.asked();
    assertHolds(e, ASKED);
    assertEquals(Episode.Ending.ASKED, e.judge().ending());
  }

  @Test
  void noCollisionFailsNamingWhatWasHit() {
    Episode e = scene();
    drive(e.sim(), -0.3, 0, 6.0);
    assertEquals(1, e.sim().collisions().size());
    assertFails(e, NO_COLLISION, "not collision-free (hit wall)");
  }

  @Test
  void aSceneWhosePredicatesAllHoldSucceeds() {
    Episode e = new Episode(TestScenes.simulator(new SdfWriter("ok")
        .object("red_cube", "cube", "red", null, 0.5, 0, 0, 0, 0.05)
        .expect("<vla:not_holding/>")
        .expect("<vla:untouched object=\"red_cube\"/>")
        .expect("<vla:no_collision/>")));
    e.done();
    Verdict v = e.judge();
    assertTrue(v.success());
    assertEquals("", v.failure());
    assertEquals(List.of(true, true, true), v.checks().stream().map(Verdict.Check::holds).toList());
    assertEquals(Episode.Ending.DONE, v.ending());
  }
}
