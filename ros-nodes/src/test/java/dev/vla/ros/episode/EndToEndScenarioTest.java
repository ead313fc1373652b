package dev.vla.ros.episode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.SkillStatus;
import dev.vla.model.Policies;
import dev.vla.ros.dds.DdsSettings;
import dev.vla.sim.episode.Episode;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.scenario.ScenarioLoader;
import dev.vla.speech.SpeechStage;
import dev.vla.speech.Synthesiser;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scenarios through the real stack: simulator, camera rendering, vla node with a policy, executor and
 * skills, all over topics, judged by the scenario's predicates. No fakes.
 */
class EndToEndScenarioTest {
  static Scenario scenario(String file) throws Exception {
    return ScenarioLoader.load(resource(file));
  }

  static Path resource(String file) throws URISyntaxException {
    return Path.of(EndToEndScenarioTest.class.getResource("/scenarios/" + file).toURI());
  }

  static final class Log implements EpisodeRunner.Listener {
    final List<SkillStatus> statuses = new ArrayList<>();
    final List<String> lines = new ArrayList<>();

    @Override
    public void status(double t, SkillStatus s) {
      statuses.add(s);
    }

    @Override
    public void line(double t, String text) {
      lines.add(text);
    }
  }

  static EpisodeResult run(String file, String policy, Log log) throws Exception {
    return EpisodeRunner.run(scenario(file), truth -> Policies.create(policy, truth), EpisodeRunner.Options.evaluation(5),
        log, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"oracle", "keyword"})
  void theDemoPutsTheRedCubeInTheBlueBin(String policy) throws Exception {
    Log log = new Log();
    EpisodeResult r = run("red_cube_blue_bin.sdf", policy, log);
    assertTrue(r.success(), r.verdict().failure());
    assertEquals(Episode.Ending.DONE, r.verdict().ending());
    List<String> skills = r.calls().stream().map(AffordanceCall::skill).toList();
    assertTrue(skills.contains("pick") && skills.contains("place"), skills.toString());
    assertEquals("done", skills.get(skills.size() - 1));
    AffordanceCall pick = r.calls().stream().filter(c -> c.skill().equals("pick")).findFirst().orElseThrow();
    assertTrue(pick.targetPixel().isPresent() && pick.targetPoint().isPresent(), "pick points at a pixel lifted to a point");
    assertEquals("odom", pick.targetPoint().get().frameId());
  }

  /** The same stack on a real DDS graph (a domain of its own), paced to the wall clock as ./vla run does. */
  static EpisodeRunner.Options overDds() {
    return new EpisodeRunner.Options(5, 15, true, true, DdsSettings.defaults().withDomain(83), null,
        EpisodeRunner.MODEL_TIMEOUT, List.of());
  }

  @Test
  void theDemoAndATypedStopWorkOverDdsToo() throws Exception {
    EpisodeResult demo = EpisodeRunner.run(scenario("red_cube_blue_bin.sdf"), truth -> Policies.create("keyword", truth),
        overDds(), new Log(), null);
    assertTrue(demo.success(), demo.verdict().failure());
    Log log = new Log();
    EpisodeResult stop = EpisodeRunner.run(scenario("45_stop_1.sdf"), truth -> Policies.create("keyword", truth),
        overDds(), log, null);
    assertTrue(stop.success(), stop.verdict().failure());
    assertTrue(log.statuses.stream().anyMatch(s -> s.state() == SkillStatus.State.CANCELLED), log.statuses.toString());
  }

  /**
   * The utterances spoken (flite) into /audio/audio and heard by the speech stage (Silero VAD, Sphinx
   * 4): the demo succeeds, and a spoken "stop" halts the robot within the scenario's half second,
   * sent by the stop fast path before the utterance ended.
   */
  @Test
  void spokenInstructionsAndAStopGoThroughTheSpeechStage() throws Exception {
    try (SpeechStage stage = SpeechStage.standard(List.of())) {
      EpisodeRunner.Speech speech = new EpisodeRunner.Speech(Synthesiser.Voice.parse("flite:slt"), stage);
      Log demoLog = new Log();
      EpisodeResult demo = EpisodeRunner.run(scenario("red_cube_blue_bin.sdf"), truth -> Policies.create("keyword", truth),
          EpisodeRunner.Options.evaluation(5).withSpeech(speech), demoLog, null);
      assertTrue(demo.success(), demo.verdict().failure() + "\n" + String.join("\n", demoLog.lines));
      assertTrue(demoLog.lines.stream().anyMatch(l -> l.startsWith("speech: \"put the red cube in the blue bin\"")),
          String.join("\n", demoLog.lines));
      Log log = new Log();
      EpisodeResult stop = EpisodeRunner.run(scenario("45_stop_1.sdf"), truth -> Policies.create("keyword", truth),
          EpisodeRunner.Options.evaluation(5).withSpeech(speech), log, null);
      assertTrue(stop.success(), stop.verdict().failure() + "\n" + String.join("\n", log.lines));
      assertTrue(log.lines.stream().anyMatch(l -> l.contains("while still speaking")), String.join("\n", log.lines));
      assertTrue(log.statuses.stream().anyMatch(s -> s.state() == SkillStatus.State.CANCELLED), log.statuses.toString());
    }
  }

  @Test
  void everyCallComesWithADebugImageOfItsFrame() throws Exception {
    List<dev.vla.ros.msg.Image> images = new ArrayList<>();
    EpisodeResult r = EpisodeRunner.run(scenario("red_cube_blue_bin.sdf"), truth -> Policies.create("keyword", truth),
        EpisodeRunner.Options.evaluation(5), new Log(), (transport, episode) -> {
          transport.subscribe(dev.vla.ros.Topics.DEBUG_IMAGE, images::add);
          return List.of();
        });
    assertTrue(r.success(), r.verdict().failure());
    assertEquals(r.calls().size(), images.size(), "one debug image per call");
    dev.vla.ros.msg.Image first = images.get(0);
    assertEquals("rgb8", first.encoding());
    assertEquals(dev.vla.ros.Topics.CAMERA_OPTICAL, first.header().frameId());
    AffordanceCall pick = r.calls().get(0);
    assertTrue(pick.targetPixel().isPresent());
  }

  @Test
  void aTypedStopHaltsAllMotionWithinATick() throws Exception {
    Log log = new Log();
    EpisodeResult r = run("45_stop_1.sdf", "keyword", log);
    assertTrue(r.success(), r.verdict().failure());
    assertTrue(r.verdict().stopLatencySeconds() <= 0.041, "stop latency " + r.verdict().stopLatencySeconds());
    assertTrue(log.statuses.stream().anyMatch(s -> s.state() == SkillStatus.State.CANCELLED
        && s.reason().contains("stop")), "the running skill was cancelled by the stop");
  }

  @Test
  void waitPausesAndContinueFinishesTheTask() throws Exception {
    Log log = new Log();
    EpisodeResult r = run("46_wait_continue_1.sdf", "keyword", log);
    assertTrue(r.success(), r.verdict().failure());
    assertTrue(log.statuses.stream().anyMatch(s -> s.state() == SkillStatus.State.PAUSED));
    assertTrue(log.statuses.stream().anyMatch(s -> s.state() == SkillStatus.State.RUNNING && s.reason().equals("resumed")));
  }

  @Test
  void aCorrectionRetargetsTheTask() throws Exception {
    Log log = new Log();
    EpisodeResult r = run("47_correction_1.sdf", "keyword", log);
    assertTrue(r.success(), r.verdict().failure());
    assertTrue(log.statuses.stream().anyMatch(s -> s.state() == SkillStatus.State.CANCELLED
        && s.reason().contains("correction")), "the running skill is cancelled before replanning");
  }

  @Test
  void anAdditionIsDoneAfterTheFirstRequest() throws Exception {
    EpisodeResult r = run("52_addition_2.sdf", "keyword", new Log());
    assertTrue(r.success(), r.verdict().failure());
    assertEquals(2, r.calls().stream().filter(c -> c.skill().equals("place")).count());
  }

  @Test
  void anAmbiguousRequestIsAnsweredWithAQuestionAndNoGrasp() throws Exception {
    EpisodeResult r = run("39_ambiguous_1.sdf", "keyword", new Log());
    assertTrue(r.success(), r.verdict().failure());
    assertEquals(Episode.Ending.ASKED, r.verdict().ending());
  }

  @Test
  void anUnsafeRequestIsDeclinedWithoutMoving() throws Exception {
    EpisodeResult r = run("41_refuse_1.sdf", "keyword", new Log());
    assertTrue(r.success(), r.verdict().failure());
    assertEquals(List.of("ask"), r.calls().stream().map(AffordanceCall::skill).toList());
  }

  @Test
  void aCameraDropoutMidTaskIsRiddenOut() throws Exception {
    Log log = new Log();
    EpisodeResult r = run("55_event_camera_dropout.sdf", "oracle", log);
    assertTrue(r.success(), r.verdict().failure());
    assertTrue(log.lines.stream().anyMatch(l -> l.contains("camera dropped out")));
  }

  @Test
  void theOraclePullsADrawerOpen() throws Exception {
    EpisodeResult r = run("27_open_drawer_1.sdf", "oracle", new Log());
    assertTrue(r.success(), r.verdict().failure());
    assertTrue(r.calls().stream().anyMatch(c -> c.skill().equals("open")));
  }

  @Test
  void runsAreDeterministicForASeed() throws Exception {
    List<String> a = run("red_cube_blue_bin.sdf", "keyword", new Log()).calls().stream().map(AffordanceCall::toString).toList();
    List<String> b = run("red_cube_blue_bin.sdf", "keyword", new Log()).calls().stream().map(AffordanceCall::toString).toList();
    assertEquals(a, b);
    assertFalse(a.isEmpty());
  }
}
