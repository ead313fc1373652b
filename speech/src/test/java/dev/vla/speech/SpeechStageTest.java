package dev.vla.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.model.language.UtteranceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole stage on speech from espeak-ng and flite, fed in 20 ms chunks as the audio topic delivers it. */
class SpeechStageTest {
  private static SpeechStage stage;
  private static final Synthesiser TTS = new Synthesiser();

  @BeforeAll
  static void load() {
    stage = SpeechStage.standard(List.of("kitchen", "office"));
  }

  @AfterAll
  static void close() {
    stage.close();
  }

  /** Speech with half a second of quiet room noise before and one second after. */
  static short[] padded(short[] speech) {
    short[] out = new short[speech.length + Pcm.RATE * 3 / 2];
    System.arraycopy(speech, 0, out, Pcm.RATE / 2, speech.length);
    return Pcm.addNoise(out, 0.0005, new Random(1));
  }

  static List<SpeechStage.Event> feed(short[] audio) {
    List<SpeechStage.Event> events = new ArrayList<>();
    int chunk = Pcm.RATE / 50;
    for (int i = 0; i < audio.length; i += chunk) {
      short[] c = java.util.Arrays.copyOfRange(audio, i, Math.min(audio.length, i + chunk));
      events.addAll(stage.accept(c, i * 1_000_000_000L / Pcm.RATE));
    }
    return events;
  }

  @Test
  void recognisesACommandAndItsIntent() throws Exception {
    List<SpeechStage.Event> events = feed(padded(TTS.speak(new Synthesiser.Voice("flite", "slt", 0),
        "put the red cube in the blue bin")));
    System.out.println(events);
    assertInstanceOf(SpeechStage.Started.class, events.get(0));
    SpeechStage.Heard heard = assertInstanceOf(SpeechStage.Heard.class, events.get(events.size() - 1));
    assertEquals("put the red cube in the blue bin", heard.text());
    assertEquals(UtteranceKind.INSTRUCTION, heard.kind());
    assertFalse(heard.actedOn());
  }

  @Test
  void spotsAStopWordBeforeTheUtteranceEnds() throws Exception {
    short[] speech = TTS.speak(Synthesiser.DEFAULT_VOICE, "stop");
    List<SpeechStage.Event> events = feed(padded(speech));
    System.out.println(events);
    SpeechStage.Spotted spotted = (SpeechStage.Spotted) events.stream().filter(e -> e instanceof SpeechStage.Spotted)
        .findFirst().orElseThrow(() -> new AssertionError("no stop spotted in " + events));
    assertEquals(UtteranceKind.STOP, spotted.kind());
    SpeechStage.Heard heard = assertInstanceOf(SpeechStage.Heard.class, events.get(events.size() - 1));
    assertTrue(heard.actedOn(), "the final transcript must not send the stop twice");
    assertTrue(spotted.audioNanos() < heard.audioNanos() + 400_000_000L);
  }

  @Test
  void silenceAndNoiseProduceNothing() {
    short[] quiet = Pcm.addNoise(new short[Pcm.RATE * 3], 0.001, new Random(2));
    assertTrue(feed(quiet).isEmpty());
  }
}
