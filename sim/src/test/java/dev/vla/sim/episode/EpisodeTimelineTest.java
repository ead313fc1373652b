package dev.vla.sim.episode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.Pose2D;
import dev.vla.sim.TestScenes;
import dev.vla.sim.render.Solid;
import dev.vla.sim.scenario.Event;
import dev.vla.sim.scenario.Say;
import dev.vla.sim.scenario.Trigger;
import dev.vla.sim.scenario.gen.SdfWriter;
import dev.vla.sim.world.Body;
import dev.vla.sim.world.Simulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenario's timeline: when utterances and events are due, what events do, and how an episode ends. */
class EpisodeTimelineTest {
  private static final double TICK = 0.1;

  private static SdfWriter timeline() {
    return new SdfWriter("timeline")
        .object("red_cube", "cube", "red", null, 0.5, 0, 0, 0, 0.05)
        .object("blue_cube", "cube", "blue", null, 0.5, 0.4, 0, 0, 0.05)
        .table("table", "white", 1.5, -1, 0, 0.6, 0.6, 0.5)
        .say("at=\"1\"", "first")
        .say("after=\"say:0\"", "second")
        .say("after=\"skill_started:pick\"", "third")
        .say("after=\"skill_ended:pick\"", "fourth")
        .say("after=\"event:1\"", "fifth")
        .event("at=\"2\" type=\"camera_dropout\" duration=\"1\"")
        .event("after=\"say:1\" type=\"audio_noise\" snr_db=\"5\" duration=\"2\"")
        .event("at=\"3\" type=\"move_object\" object=\"red_cube\" to=\"1.5 -1 0.8\"")
        .event("after=\"skill_ended:pick\" type=\"remove_object\" object=\"blue_cube\"")
        .event("at=\"4\" type=\"push_robot\" offset=\"0.2 -0.1 0.3\"")
        .timeout(8)
        .expect("<vla:not_holding/>");
  }

  private static Episode episode(SdfWriter sdf) {
    return new Episode(TestScenes.simulator(sdf));
  }

  private static List<Integer> indices(List<Say> says) {
    return says.stream().map(Say::index).toList();
  }

  private static List<Integer> eventIndices(List<Event> events) {
    return events.stream().map(Event::index).toList();
  }

  @Test
  void saysAreDueAtTheirTimeOrRightAfterWhatTheyWaitFor() {
    Episode e = episode(timeline());
    Simulator sim = e.sim();
    assertEquals(List.of(), indices(e.dueSays()));
    sim.step(0.9);
    assertEquals(List.of(), indices(e.dueSays()));
    sim.step(0.1);
    assertEquals(List.of(0), indices(e.dueSays()), "at t=1");
    assertTrue(e.sayReleased(0));
    assertEquals(List.of(), indices(e.dueSays()), "released once");

    // say:1 waits for say:0 to be delivered, not released.
    sim.step(1.5);
    assertEquals(List.of(), indices(e.dueSays()));
    assertTrue(Double.isNaN(e.sayTime(0)));
    e.delivered(0, sim.time());
    assertEquals(2.5, e.sayTime(0), 1e-9);
    e.delivered(0, 9.0);
    assertEquals(2.5, e.sayTime(0), 1e-9, "the first delivery counts");
    assertEquals(List.of(1), indices(e.dueSays()));

    e.skillStarted("navigate");
    e.skillEnded("navigate");
    assertEquals(List.of(), indices(e.dueSays()));
    e.skillStarted("pick");
    assertEquals(List.of(2), indices(e.dueSays()));
    e.skillEnded("pick");
    assertEquals(List.of(3), indices(e.dueSays()));

    // say:4 waits for event:1, which waits for say:1 to be delivered.
    assertEquals(List.of(), indices(e.dueSays()));
    assertFalse(e.fireDueEvents().stream().anyMatch(ev -> ev.index() == 1));
    e.delivered(1, sim.time());
    assertTrue(e.fireDueEvents().stream().anyMatch(ev -> ev.index() == 1));
    assertEquals(List.of(4), indices(e.dueSays()));
    assertTrue(e.sayReleased(4));
    assertTrue(Double.isNaN(e.sayTime(4)), "released, not yet delivered");
  }

  @Test
  void eventsFireOnTheirTriggerAndChangeTheWorld() {
    Episode e = episode(timeline());
    Simulator sim = e.sim();
    Body red = sim.body("red_cube").orElseThrow();
    Body blue = sim.body("blue_cube").orElseThrow();
    Pose2D startOdom = sim.odomPose();

    // Ticks up to t=1.9: nothing is due by time, nothing it waits for has happened.
    for (int k = 0; k < 20; k++) {
      assertEquals(List.of(), e.fireDueEvents(), "t=" + sim.time());
      assertFalse(e.cameraDropped());
      sim.step(TICK);
    }
    List<Event> atTwo = e.fireDueEvents();
    assertEquals(List.of(0), eventIndices(atTwo));
    assertInstanceOf(Event.CameraDropout.class, atTwo.get(0));
    assertEquals(2.0, e.eventTime(0), 1e-9);
    assertTrue(e.cameraDropped());
    sim.step(0.9);
    assertEquals(List.of(), e.fireDueEvents(), "each event happens once");
    assertTrue(e.cameraDropped(), "still dropped at 2.9 s");

    sim.step(0.1);
    assertEquals(List.of(2), eventIndices(e.fireDueEvents()));
    sim.step(0.05);
    assertFalse(e.cameraDropped(), "the dropout lasted 1 s");
    // move_object: teleported, then dropped onto what is below: the table's top.
    assertEquals(1.5, red.centre()[0], 1e-9);
    assertEquals(-1, red.centre()[1], 1e-9);
    assertEquals(0.5, red.bounds()[2], 1e-9);

    sim.step(0.95);
    Pose2D before = sim.worldPose();
    assertEquals(List.of(4), eventIndices(e.fireDueEvents()));
    TestScenes.assertPose(before.x() + 0.2, before.y() - 0.1, before.yaw() + 0.3, sim.worldPose(), 1e-12);
    assertEquals(startOdom, sim.odomPose(), "odometry does not feel the push");

    assertFalse(blue.removed());
    e.skillEnded("pick");
    assertEquals(List.of(3), eventIndices(e.fireDueEvents()));
    assertTrue(blue.removed());
    int blueId = sim.bodies().indexOf(blue);
    assertFalse(sim.solids().stream().map(Solid::id).anyMatch(id -> id == blueId), "no longer drawn");

    assertEquals(Double.POSITIVE_INFINITY, e.audioNoiseSnrDb());
    e.delivered(0, sim.time());
    e.delivered(1, sim.time());
    assertEquals(List.of(1), eventIndices(e.fireDueEvents()));
    double noiseStart = sim.time();
    assertEquals(noiseStart, e.eventTime(1), 1e-12);
    assertEquals(5.0, e.audioNoiseSnrDb());
    sim.step(1.9);
    assertEquals(5.0, e.audioNoiseSnrDb());
    sim.step(0.2);
    assertEquals(Double.POSITIVE_INFINITY, e.audioNoiseSnrDb(), "2 s of noise");
    assertTrue(Double.isNaN(e.sayTime(4)));
  }

  @Test
  void movingOrRemovingAHeldObjectTakesItOutOfTheGripper() {
    Episode e = episode(timeline());
    Simulator sim = e.sim();
    TestScenes.graspFromAbove(sim, "red_cube");
    assertEquals("red_cube", sim.held().map(Body::name).orElse("nothing"));
    sim.apply(new Event.MoveObject(2, new Trigger.At(0), 1, "red_cube", 1.5, -1, 0.8));
    assertTrue(sim.held().isEmpty());
    assertEquals(0.5, sim.body("red_cube").orElseThrow().bounds()[2], 1e-9);

    TestScenes.graspFromAbove(sim, "blue_cube");
    assertEquals("blue_cube", sim.held().map(Body::name).orElse("nothing"));
    sim.apply(new Event.RemoveObject(3, new Trigger.At(0), 1, "blue_cube"));
    assertTrue(sim.held().isEmpty());
    assertTrue(sim.body("blue_cube").orElseThrow().removed());
  }

  @Test
  void doneEndsTheEpisodeOnce() {
    Episode e = episode(timeline());
    assertEquals(Episode.Ending.RUNNING, e.ending());
    assertFalse(e.finished());
    e.sim().step(1.5);
    assertEquals(1.5, e.endTime(), 1e-9, "while running, the end time is now");
    e.done();
    assertEquals(Episode.Ending.DONE, e.ending());
    assertTrue(e.finished());
    e.sim().step(1.0);
    e.asked();
    e.recordTick();
    assertEquals(Episode.Ending.DONE, e.ending(), "the first ending stands");
    assertEquals(1.5, e.endTime(), 1e-9);
    assertEquals(Episode.Ending.DONE, e.judge().ending());
    assertEquals(1.5, e.judge().endTimeSeconds(), 1e-9);
  }

  @Test
  void askingEndsTheEpisode() {
    Episode e = episode(timeline());
    e.sim().step(2.0);
    e.asked();
    assertEquals(Episode.Ending.ASKED, e.ending());
    assertTrue(e.wasAsked());
    assertEquals(2.0, e.endTime(), 1e-9);
  }

  @Test
  void theTimeoutEndsTheEpisodeAtTheFirstTickPastIt() {
    Episode e = episode(timeline());
    for (int k = 0; k < 80; k++) {
      e.recordTick();
      assertEquals(Episode.Ending.RUNNING, e.ending(), "t=" + e.sim().time());
      e.sim().step(TICK);
    }
    e.recordTick();
    assertEquals(Episode.Ending.TIMEOUT, e.ending());
    assertEquals(8.0, e.endTime(), 1e-9);
    e.done();
    assertEquals(Episode.Ending.TIMEOUT, e.ending());
  }
}
