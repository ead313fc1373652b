package dev.vla.sim.episode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.sim.TestScenes;
import dev.vla.sim.scenario.gen.SdfWriter;
import dev.vla.sim.world.Simulator;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * {@code stopped_within}: from a motion log of control ticks, the robot must have stopped commanding
 * base and arm motion by the deadline and stay stopped until the next utterance (or the end of the
 * event); the verdict reports how long after the moment it stopped.
 */
class StoppedWithinTest {
  /** Control period: ticks are at k * 0.05 s; say:0 is at tick 20 (1 s), say:1 at tick 100 (5 s). */
  private static final double TICK = 0.05;

  private static Episode stopScene() {
    return new Episode(TestScenes.simulator(new SdfWriter("stop")
        .say("at=\"1\"", "stop")
        .say("at=\"5\"", "carry on")
        .expect("<vla:stopped_within seconds=\"0.5\" after=\"say:0\"/>")));
  }

  private static Episode dropoutScene() {
    return new Episode(TestScenes.simulator(new SdfWriter("dropout")
        .say("at=\"1\"", "go")
        .say("at=\"5\"", "carry on")
        .event("at=\"2\" type=\"camera_dropout\" duration=\"1\"")
        .expect("<vla:stopped_within seconds=\"0.3\" after=\"event:0\"/>")));
  }

  /**
   * Runs the episode to 7 s the way the runner does: deliver due utterances at once (unless {@code
   * deliver} is false), fire events, command this tick's motion, record the tick, step.
   */
  private static Verdict run(Episode e, boolean deliver, IntPredicate baseMoving, IntPredicate sendsCommand,
      IntConsumer alsoEachTick) {
    Simulator sim = e.sim();
    for (int k = 0; k <= 140; k++) {
      alsoEachTick.accept(k);
      e.dueSays().forEach(s -> {
        if (deliver) {
          e.delivered(s.index(), sim.time());
        }
      });
      e.fireDueEvents();
      if (sendsCommand.test(k)) {
        sim.commandBase(baseMoving.test(k) ? 0.3 : 0, baseMoving.test(k) ? 0.2 : 0);
      }
      e.recordTick();
      sim.step(TICK);
    }
    return e.judge();
  }

  private static Verdict run(Episode e, IntPredicate baseMoving) {
    return run(e, true, baseMoving, k -> true, k -> { });
  }

  private static String explanation(Verdict v) {
    return v.checks().get(0).explanation();
  }

  @Test
  void stoppingBeforeTheDeadlineAndResumingAfterTheNextUtterancePasses() {
    // Moving until 1.3 s, still until 5 s, moving again from 5 s.
    Verdict v = run(stopScene(), k -> k < 26 || k >= 100);
    assertTrue(v.success(), v.failure());
    assertEquals("stopped within 0.50 s of say:0, stopped 300 ms after it", explanation(v));
    assertEquals(0.3, v.stopLatencySeconds(), 1e-9);
  }

  @Test
  void stoppingAtTheDeadlineFails() {
    // The tick at 1.5 s still commands motion.
    Verdict v = run(stopScene(), k -> k <= 30);
    assertFalse(v.success());
    assertEquals("not stopped within 0.50 s of say:0: motion commanded from t=1.50 to t=1.50, stopped 550 ms after it",
        v.failure());
    assertEquals(0.55, v.stopLatencySeconds(), 1e-9);
  }

  @Test
  void stoppingLateFailsWithTheSpanOfMotion() {
    Verdict v = run(stopScene(), k -> k < 34);
    assertEquals("not stopped within 0.50 s of say:0: motion commanded from t=1.50 to t=1.65, stopped 700 ms after it",
        v.failure());
    assertEquals(0.7, v.stopLatencySeconds(), 1e-9);
  }

  @Test
  void movingAgainBeforeTheNextUtteranceFails() {
    // Stopped in time, but moves again from 3 s to 3.45 s while the user has said nothing new.
    Verdict v = run(stopScene(), k -> k < 26 || (k >= 60 && k < 70));
    assertEquals("not stopped within 0.50 s of say:0: motion commanded from t=3.00 to t=3.45, stopped 300 ms after it",
        v.failure());
    assertEquals(0.3, v.stopLatencySeconds(), 1e-9, "the latency is the first stop");
  }

  @Test
  void aCommandThatIsMerelyNoLongerSentCountsAsMotionUntilItTimesOut() {
    // The controller sends its last command at 1.25 s instead of sending zero: the base's 0.5 s command
    // timeout keeps it in force until 1.75 s.
    Verdict v = run(stopScene(), true, k -> true, k -> k < 26, k -> { });
    assertTrue(v.failure().matches("not stopped within 0\\.50 s of say:0: motion commanded from t=1\\.50 to "
        + "t=1\\.7[05], stopped (750|800) ms after it"), v.failure());
  }

  @Test
  void armMotionCountsToo() {
    Episode e = stopScene();
    e.sim().commandArm(new double[] {1.0, 0.5, -1.0, -0.5}, 2.0); // t=0 .. 2 s
    Verdict v = run(e, k -> false);
    assertEquals("not stopped within 0.50 s of say:0: motion commanded from t=1.50 to t=1.95, stopped 1000 ms after it",
        v.failure());
  }

  @Test
  void headMotionDoesNotCount() {
    Episode e = stopScene();
    // The head pans back and forth the whole time.
    Verdict v = run(e, true, k -> k < 26, k -> true, k -> {
      if (k % 40 == 0) {
        e.sim().commandHead(k % 80 == 0 ? 1.5 : -1.5, 0.3);
      }
    });
    assertTrue(v.success(), v.failure());
    assertEquals(0.3, v.stopLatencySeconds(), 1e-9);
  }

  @Test
  void anUtteranceNeverDeliveredFails() {
    Verdict v = run(stopScene(), false, k -> k < 26, k -> true, k -> { });
    assertEquals("not stopped: say:0 never happened", v.failure());
    assertTrue(Double.isNaN(v.stopLatencySeconds()));
  }

  @Test
  void afterAnEventTheWindowEndsWithTheEvent() {
    // Dropout from 2 s to 3 s: stopped by 2.3 s, moving again once it is over is fine.
    Verdict ok = run(dropoutScene(), k -> k < 44 || k > 60);
    assertTrue(ok.success(), ok.failure());
    assertEquals("stopped within 0.30 s of event:0, stopped 200 ms after it", explanation(ok));
    assertEquals(0.2, ok.stopLatencySeconds(), 1e-9);

    // Moving again at 2.9 s, before the dropout is over, fails.
    Verdict early = run(dropoutScene(), k -> k < 44 || k == 58 || k == 59);
    assertEquals("not stopped within 0.30 s of event:0: motion commanded from t=2.90 to t=2.95, stopped 200 ms after it",
        early.failure());
  }
}
