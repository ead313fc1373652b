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
    stage.reset();
    List<SpeechStage.Event> events = feed(padded(TTS.speak(new Synthesiser.Voice("flite", "slt", 0),
        "put the red cube in the blue bin")));
    assertInstanceOf(SpeechStage.Started.class, events.get(0));
    SpeechStage.Heard heard = assertInstanceOf(SpeechStage.Heard.class, events.get(events.size() - 1));
    assertEquals("put the red cube in the blue bin", heard.text());
    assertEquals(UtteranceKind.INSTRUCTION, heard.kind());
    assertFalse(heard.actedOn());
  }

  @Test
  void spotsAStopWordBeforeTheUtteranceEnds() throws Exception {
    stage.reset();
    short[] speech = TTS.speak(Synthesiser.DEFAULT_VOICE, "stop");
    List<SpeechStage.Event> events = feed(padded(speech));
    SpeechStage.Spotted spotted = (SpeechStage.Spotted) events.stream().filter(e -> e instanceof SpeechStage.Spotted)
        .findFirst().orElseThrow(() -> new AssertionError("no stop spotted in " + events));
    assertEquals(UtteranceKind.STOP, spotted.kind());
    SpeechStage.Heard heard = assertInstanceOf(SpeechStage.Heard.class, events.get(events.size() - 1));
    assertTrue(heard.actedOn(), "the final transcript must not send the stop twice");
    // Sent at the first pause after the word, long before the endpointer's hangover ends the utterance.
    long hangover = Endpointer.Config.defaults().hangoverWindows() * 32_000_000L;
    assertTrue(spotted.audioNanos() < heard.audioNanos() + hangover / 2, spotted + " vs " + heard);
  }

  @Test
  void silenceAndNoiseProduceNothing() {
    stage.reset();
    short[] quiet = Pcm.addNoise(new short[Pcm.RATE * 3], 0.001, new Random(2));
    assertTrue(feed(quiet).isEmpty());
  }

  @Test
  void garbageAudioNeverCrashesTheStageNorBecomesACommand() {
    stage.reset();
    Random rng = new Random(4);
    short[] garbage = new short[Pcm.RATE * 4];
    for (int i = 0; i < garbage.length; i++) {
      int block = i / 1600;
      garbage[i] = switch (block % 4) {
        case 0 -> (short) rng.nextInt(); // full-scale white noise
        case 1 -> (short) ((i / 20) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE); // clipped square wave
        case 2 -> 0; // digital silence
        default -> (short) (Short.MAX_VALUE * Math.sin(i * 0.7)); // a loud whistle
      };
    }
    List<SpeechStage.Event> events = feed(garbage);
    assertTrue(events.stream().noneMatch(e -> e instanceof SpeechStage.Heard h && h.kind() != UtteranceKind.CHATTER
        || e instanceof SpeechStage.Spotted), events.toString());
    // odd chunk sizes, including empty ones, are fine
    assertTrue(stage.accept(new short[0], 0).isEmpty());
    assertTrue(stage.accept(new short[7], 0).isEmpty());
  }

  @Test
  void utterancesAreRecognisedOneAfterAnother() throws Exception {
    stage.reset();
    short[] a = padded(TTS.speak(new Synthesiser.Voice("flite", "slt", 0), "pick up the green ball"));
    short[] b = padded(TTS.speak(new Synthesiser.Voice("flite", "slt", 0), "go to the kitchen"));
    short[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    List<String> heard = feed(both).stream().filter(e -> e instanceof SpeechStage.Heard)
        .map(e -> ((SpeechStage.Heard) e).text()).toList();
    assertEquals(List.of("pick up the green ball", "go to the kitchen"), heard);
  }
}
