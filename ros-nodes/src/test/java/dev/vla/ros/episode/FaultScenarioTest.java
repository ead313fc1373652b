package dev.vla.ros.episode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.SkillStatus;
import dev.vla.model.Policies;
import dev.vla.ros.Topics;
import dev.vla.ros.msg.Twist;
import dev.vla.ros.nodes.Node;
import dev.vla.ros.nodes.SafetyNode;
import dev.vla.ros.transport.Transport;
import dev.vla.sim.episode.Episode;
import dev.vla.sim.scenario.Say;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.scenario.Trigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Faults injected into whole episodes (simulator, camera, vla node, executor, safety supervisor over
 * topics): the robot stops when it must, and completes or asks once the fault is over.
 */
class FaultScenarioTest {
  /** Moments of the run: what went out on /cmd_vel and how fast the simulated base really moved. */
  static final class Watch extends Node {
    final Episode episode;
    final List<double[]> cmdVel = new ArrayList<>(); // {t, v, w}
    final List<double[]> baseSpeed = new ArrayList<>(); // {t, |v| + |w|}

    Watch(Transport t, Episode episode) {
      super("watch", t);
      this.episode = episode;
      subscribeImmediate(Topics.CMD_VEL, (Twist m) -> cmdVel.add(new double[] {episode.sim().time(),
          m.linear().x(), m.angular().z()}));
    }

    @Override
    public Duration period() {
      return hz(50);
    }

    @Override
    protected void onTick(long nowNanos) {
      var s = episode.sim().robotState();
      baseSpeed.add(new double[] {episode.sim().time(), Math.abs(s.linearVelocity()) + Math.abs(s.angularVelocity())});
    }

    boolean movingCommandBetween(double from, double to) {
      return cmdVel.stream().anyMatch(c -> c[0] > from && c[0] < to && (c[1] != 0 || c[2] != 0));
    }

    double movingCommandAt(double t) {
      return cmdVel.stream().filter(c -> Math.abs(c[0] - t) < 0.1).mapToDouble(c -> Math.abs(c[1]) + Math.abs(c[2]))
          .max().orElse(0);
    }

    /** The first time at or after {@code from} when the base has stood still (speed 0) ever since, up to {@code until}. */
    /** The last non-zero /cmd_vel at or after {@code from}, before {@code until}; NaN if none. */
    double lastMotionCommand(double from, double until) {
      return cmdVel.stream().filter(c -> c[0] >= from && c[0] < until && (c[1] != 0 || c[2] != 0))
          .mapToDouble(c -> c[0]).max().orElse(Double.NaN);
    }

    /** For docs/reliability.md: when motion commands ended and when the base came to rest after a fault. */
    void figures(String fault, double at, double until) {
      System.out.printf(java.util.Locale.ROOT, "fault figures: %s at %.2f s: last motion command %+.0f ms, first zero command %+.0f ms, base at rest %+.0f ms%n",
          fault, at, (lastMotionCommand(at, until) - at) * 1000,
          (cmdVel.stream().filter(c -> c[0] >= at && c[1] == 0 && c[2] == 0).mapToDouble(c -> c[0]).min().orElse(Double.NaN) - at) * 1000,
          (stillFrom(at, until) - at) * 1000);
    }

    double stillFrom(double from, double until) {
      double still = Double.NaN;
      for (double[] s : baseSpeed) {
        if (s[0] < from || s[0] > until) {
          continue;
        }
        if (s[1] > 1e-9) {
          still = Double.NaN;
        } else if (Double.isNaN(still)) {
          still = s[0];
        }
      }
      return still;
    }
  }

  private static final class Run {
    final EndToEndScenarioTest.Log log = new EndToEndScenarioTest.Log();
    Watch watch;
    EpisodeResult result;

    Run(Scenario scenario, List<Fault> faults) {
      this(scenario, EpisodeRunner.Options.evaluation(5).withFaults(faults));
    }

    Run(Scenario scenario, EpisodeRunner.Options options) {
      result = EpisodeRunner.run(scenario, truth -> Policies.create("keyword", truth), options, log, (t, episode) -> {
            watch = new Watch(t, episode);
            return List.of(watch);
          });
    }
  }

  private static Scenario demo() throws Exception {
    return EndToEndScenarioTest.scenario("red_cube_blue_bin.sdf");
  }

  /** The demo with the instruction said again at {@code t}. */
  private static Scenario demoSaidAgainAt(double t) throws Exception {
    Scenario s = demo();
    String text = s.task().says().get(0).text();
    return s.withSays(List.of(new Say(0, new Trigger.At(0.5), text, 0), new Say(1, new Trigger.At(t), text, 0)));
  }

  @Test
  void theDemoDrivesAtOneAndAHalfSeconds() throws Exception {
    // The moment the faults below strike: the base is driving to the table.
    Run run = new Run(demo(), List.of(new Fault.ModelFailure(60, 1)));
    assertTrue(run.result.success(), run.result.verdict().failure());
    assertTrue(run.watch.movingCommandAt(1.5) > 0.05, "driving at t=1.5");
  }

  @Test
  void theEmergencyStopHaltsTheRobotUntilResetAndNothingResumesByItself() throws Exception {
    Run run = new Run(demoSaidAgainAt(9.0), List.of(new Fault.EmergencyStop(1.5, 4.0)));
    Watch w = run.watch;
    w.figures("emergency stop", 1.5, 9.0);
    assertFalse(w.movingCommandBetween(1.52, 9.0), "no motion command from the stop to the new instruction");
    double still = w.stillFrom(1.5, 9.0);
    assertTrue(still <= 1.5 + 0.6, "base at rest " + still + " s (decelerating from <= 0.4 m/s at 1 m/s²)");
    assertTrue(run.log.lines.stream().anyMatch(l -> l.contains("emergency_stop: emergency stop from /vla/estop")), run.log.lines.toString());
    assertTrue(run.log.lines.stream().anyMatch(l -> l.contains("released, emergency_stop")));
    assertTrue(run.log.lines.stream().anyMatch(l -> l.contains("vla: emergency stop: instruction")));
    assertTrue(run.result.success(), "the instruction given after the reset is carried out: " + run.result.verdict().failure());
  }

  @Test
  void anEmergencyStopWithoutResetRefusesEveryInstruction() throws Exception {
    Run run = new Run(demoSaidAgainAt(4.0), List.of(new Fault.EmergencyStop(1.5, 0)));
    assertFalse(run.watch.movingCommandBetween(1.52, 1000));
    assertTrue(run.log.lines.stream().anyMatch(l -> l.contains("emergency stop engaged: \"put the red cube")), run.log.lines.toString());
    assertFalse(run.result.success());
  }

  @Test
  void aCrashedExecutorCannotLeaveTheBaseDrivingAndARestartedOneCarriesOn() throws Exception {
    Run run = new Run(demo(), List.of(new Fault.ExecutorCrash(1.5, 2.0)));
    Watch w = run.watch;
    w.figures("executor crash", 1.5, 3.5);
    // The watchdog (250 ms) zeroes /cmd_vel; the base then decelerates.
    assertFalse(w.movingCommandBetween(1.5 + 0.25 + 0.04, 3.5), "no motion command from the watchdog on");
    assertTrue(w.cmdVel.stream().anyMatch(c -> c[0] > 1.7 && c[0] < 1.8 && c[1] == 0 && c[2] == 0), "zero velocity sent");
    double still = w.stillFrom(1.5, 3.5);
    assertTrue(still <= 1.5 + 0.25 + 0.04 + 0.5, "base at rest at " + still);
    assertTrue(run.log.lines.stream().anyMatch(l -> l.startsWith("safety: watchdog")), run.log.lines.toString());
    assertTrue(run.log.lines.stream().anyMatch(l -> l.contains("the executor restarted")), run.log.lines.toString());
    assertTrue(run.result.success(), run.result.verdict().failure());
  }

  @Test
  void losingTheRobotsPeerStopsItAndTheTaskCarriesOnWhenItReturns() throws Exception {
    Run run = new Run(demo(), List.of(new Fault.PeerLoss(1.5, 2.0)));
    run.watch.figures("robot peer lost", 1.5, 3.5);
    double still = run.watch.stillFrom(1.5, 3.5);
    // The base's own command timeout (0.5 s, as ros2_control's diff drive) stops it; no command reaches it.
    assertTrue(still <= 1.5 + 0.5 + 0.5, "base at rest at " + still);
    assertTrue(run.log.lines.stream().anyMatch(l -> l.startsWith("safety: stale_camera")), run.log.lines.toString());
    assertTrue(run.result.success(), run.result.verdict().failure());
  }

  @Test
  void aFailingModelHoldsStillThenCarriesOn() throws Exception {
    Run run = new Run(demo(), List.of(new Fault.ModelFailure(0.3, 2.0)));
    assertFalse(run.watch.movingCommandBetween(0, 2.3), "nothing moves while the model fails");
    assertTrue(run.log.lines.stream().anyMatch(l -> l.contains("model session failed")), run.log.lines.toString());
    assertTrue(run.result.success(), run.result.verdict().failure());
  }

  @Test
  void anInstructionDuringAStalledDecisionWaitsForThePolicyToBeFree() throws Exception {
    // The first decision (t=0.5) stalls 1.5 s of wall time; sim time runs on after the 1 s timeout, so
    // the instruction said again at 0.7 arrives while the abandoned decision still runs on the policy.
    Run run = new Run(demoSaidAgainAt(0.7), EpisodeRunner.Options.evaluation(5)
        .withFaults(List.of(new Fault.SlowModel(0.3, 0.3, 1.5))).withModelTimeout(EpisodeRunner.MODEL_TIMEOUT));
    assertTrue(run.log.lines.stream().anyMatch(l -> l.contains("the late decision finished")), run.log.lines.toString());
    assertTrue(run.log.lines.stream().anyMatch(l -> l.contains("instruction #2")), run.log.lines.toString());
    assertFalse(run.log.lines.stream().anyMatch(l -> l.contains("reset while a decision ran")), run.log.lines.toString());
    assertTrue(run.result.success(), run.result.verdict().failure());
  }

  @Test
  void aStalledModelIsAbandonedAtItsTimeoutAndTheRobotTold() throws Exception {
    Run run = new Run(demo(), EpisodeRunner.Options.evaluation(5).withFaults(List.of(new Fault.SlowModel(0.3, 0.5, 1.5)))
        .withModelTimeout(EpisodeRunner.MODEL_TIMEOUT));
    assertTrue(run.log.lines.stream().anyMatch(l -> l.contains("model timeout: keyword took more than 1000 ms")),
        run.log.lines.toString());
    assertTrue(run.log.statuses.stream().anyMatch(s -> s.skill().equals("stop") && s.reason().startsWith("model timeout")
        || s.skill().equals("stop") && s.state() == SkillStatus.State.SUCCEEDED), "a stop went to the executor");
    assertTrue(run.result.success(), run.result.verdict().failure());
  }

  /**
   * The scenario events of the contract through the whole stack, supervisor included: an object moved
   * away mid-pick, an object removed (the robot asks), the robot pushed mid-task, instructions spoken
   * into 10 dB noise (typed here: the words arrive while the noise event runs).
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "53_event_object_moved.sdf, oracle",
    "54_event_object_removed.sdf, keyword",
    "56_event_robot_pushed.sdf, keyword",
    "57_event_audio_noise.sdf, keyword"})
  void theScenarioEventsAreSurvived(String file, String policy) throws Exception {
    Scenario sc = dev.vla.sim.scenario.ScenarioLoader.load(java.nio.file.Path.of("..", "scenarios", "skeleton", file));
    EndToEndScenarioTest.Log log = new EndToEndScenarioTest.Log();
    EpisodeResult r = EpisodeRunner.run(sc, truth -> Policies.create(policy, truth), EpisodeRunner.Options.evaluation(5),
        log, null);
    assertTrue(log.lines.stream().anyMatch(l -> l.contains(" event #0 ")), log.lines.toString());
    assertTrue(r.success(), file + ": " + r.verdict().failure());
  }

  @Test
  void theSupervisorsReportsAreNotSkillsOfTheEpisode() throws Exception {
    Run run = new Run(EndToEndScenarioTest.scenario("55_event_camera_dropout.sdf"), List.of(new Fault.ModelFailure(99, 1)));
    assertTrue(run.log.lines.stream().anyMatch(l -> l.startsWith("safety: stale_camera: camera data is")), run.log.lines.toString());
    assertTrue(run.log.lines.stream().anyMatch(l -> l.startsWith("safety: released, stale_camera")));
    assertEquals(0, run.result.calls().stream().filter(c -> c.skill().equals(SafetyNode.SKILL)).count());
    assertTrue(run.result.success(), run.result.verdict().failure());
  }
}
