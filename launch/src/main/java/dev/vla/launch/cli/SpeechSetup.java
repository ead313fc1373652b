package dev.vla.launch.cli;

import dev.vla.launch.UserError;
import dev.vla.ros.episode.EpisodeRunner;
import dev.vla.sim.scenario.Region;
import dev.vla.sim.scenario.Scenario;
import dev.vla.speech.CommandGrammar;
import dev.vla.speech.SpeechStage;
import dev.vla.speech.Synthesiser;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The speech stage and the simulated person's voice for {@code run --speech} and {@code eval --speech}. */
final class SpeechSetup implements AutoCloseable {
  /** flite's "slt" is the most natural voice Debian ships; docs/speech.md has every voice's figures. */
  static final Synthesiser.Voice DEFAULT_VOICE = new Synthesiser.Voice("flite", "slt", 175);

  private final Synthesiser.Voice voice;
  private final SpeechStage stage;

  private SpeechSetup(Synthesiser.Voice voice, SpeechStage stage) {
    this.voice = voice;
    this.stage = stage;
  }

  /**
   * Loads a stage whose grammar knows the default places and every region of {@code scenarios}.
   *
   * @param voiceSpec {@code ENGINE:NAME[:WPM]}, or null when audio comes from elsewhere
   */
  static SpeechSetup load(String voiceSpec, List<Scenario> scenarios, PrintStream out) {
    Synthesiser.Voice voice = null;
    if (voiceSpec != null) {
      try {
        voice = Synthesiser.Voice.parse(voiceSpec);
      } catch (IllegalArgumentException e) {
        throw new UserError("--voice: " + e.getMessage());
      }
    }
    long t0 = System.nanoTime();
    SpeechStage stage;
    try {
      stage = SpeechStage.standard(places(scenarios));
    } catch (RuntimeException e) {
      throw new UserError("cannot start the speech stage: " + e.getMessage());
    }
    out.printf(Locale.ROOT, "speech:  Silero VAD + %s (stop words act at the first pause); loaded in %.1f s%s%n", stage.recognizerName(),
        (System.nanoTime() - t0) / 1e9, voice == null ? "; audio from /audio/audio" : "; the person speaks with " + voice);
    return new SpeechSetup(voice, stage);
  }

  /** Another stage with the same grammar and voice, for a parallel job. */
  static SpeechSetup copy(SpeechSetup of, List<Scenario> scenarios) {
    return new SpeechSetup(of.voice, SpeechStage.standard(places(scenarios)));
  }

  static List<String> places(List<Scenario> scenarios) {
    Set<String> places = new LinkedHashSet<>(CommandGrammar.DEFAULT_PLACES);
    for (Scenario s : scenarios) {
      for (Region r : s.regions()) {
        places.add(r.name());
      }
    }
    return new ArrayList<>(places);
  }

  EpisodeRunner.Speech speech() {
    return new EpisodeRunner.Speech(voice, stage);
  }

  @Override
  public void close() {
    stage.close();
  }
}
