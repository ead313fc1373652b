package dev.vla.ros.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.model.language.Utterances;
import dev.vla.ros.Topics;
import dev.vla.ros.msg.AudioChunk;
import dev.vla.ros.msg.DiagnosticArray;
import dev.vla.ros.msg.Header;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.transport.InMemoryTransport;
import dev.vla.ros.transport.Publisher;
import dev.vla.speech.Pcm;
import dev.vla.speech.Recognizer;
import dev.vla.speech.SileroVad;
import dev.vla.speech.SpeechStage;
import dev.vla.speech.Synthesiser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The node around the speech stage: audio formats, malformed chunks, what it publishes. The VAD is
 * real; the recogniser is a stand-in that returns a set transcript, so these tests are about the node.
 */
class SpeechNodeTest {
  /** Returns {@code text} for every utterance (rejects when null). */
  static final class Scripted implements Recognizer {
    final String text;
    int calls;

    Scripted(String text) {
      this.text = text;
    }

    @Override
    public Transcript recognise(short[] samples) {
      calls++;
      return text == null ? Transcript.rejected(1) : new Transcript(text, false, 1);
    }

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public void close() {}
  }

  static final class Rig implements AutoCloseable {
    final InMemoryTransport transport = new InMemoryTransport();
    final List<String> published = new ArrayList<>();
    final SpeechStage stage;
    final SpeechNode node;
    final Publisher<AudioChunk> mic;

    Rig(Recognizer recognizer) {
      stage = new SpeechStage(new SileroVad(), recognizer, SpeechStage.Config.defaults());
      transport.subscribe(Topics.INSTRUCTION, (StringMsg m) -> published.add(m.data()));
      node = new SpeechNode(transport, stage, line -> { });
      mic = transport.advertise(Topics.AUDIO);
    }

    void play(short[] samples, int rate, int channels) {
      int chunk = rate / 50 * channels;
      for (int i = 0; i < samples.length; i += chunk) {
        mic.publish(new AudioChunk(new Header(0, "mic"), rate, channels,
            Arrays.copyOfRange(samples, i, Math.min(samples.length, i + chunk))));
        node.tick(i);
      }
    }

    @Override
    public void close() {
      node.close();
      stage.close();
      transport.close();
    }
  }

  static short[] speech(String text) throws Exception {
    short[] s = new Synthesiser().speak(new Synthesiser.Voice("flite", "slt", 0), text);
    short[] out = new short[s.length + Pcm.RATE * 3 / 2];
    System.arraycopy(s, 0, out, Pcm.RATE / 2, s.length);
    return out;
  }

  @Test
  void anUtteranceIsPublishedOnTheInstructionTopic() throws Exception {
    try (Rig rig = new Rig(new Scripted("pick up the green ball"))) {
      rig.play(speech("pick up the green ball"), Pcm.RATE, 1);
      assertEquals(List.of("pick up the green ball"), rig.published);
      assertEquals(DiagnosticArray.Level.OK, rig.node.diagnose().level());
    }
  }

  @Test
  void stereoAt48kHzIsDownmixedAndResampled() throws Exception {
    short[] mono = Pcm.resample(speech("go to the kitchen"), Pcm.RATE, 48_000);
    short[] stereo = new short[mono.length * 2];
    for (int i = 0; i < mono.length; i++) {
      stereo[2 * i] = mono[i];
      stereo[2 * i + 1] = mono[i];
    }
    try (Rig rig = new Rig(new Scripted("go to the kitchen"))) {
      rig.play(stereo, 48_000, 2);
      assertEquals(List.of("go to the kitchen"), rig.published);
    }
  }

  @Test
  void speechOutsideTheCommandLanguageAsksToRepeat() throws Exception {
    try (Rig rig = new Rig(new Scripted(null))) {
      rig.play(speech("sing me a song about the weather please"), Pcm.RATE, 1);
      assertEquals(List.of(Utterances.UNINTELLIGIBLE), rig.published);
    }
  }

  @Test
  void malformedChunksAreCountedAndIgnored() throws Exception {
    Scripted recognizer = new Scripted("stop");
    try (Rig rig = new Rig(recognizer)) {
      rig.mic.publish(new AudioChunk(new Header(0, "mic"), 16_000, 0, new short[320]));
      rig.mic.publish(new AudioChunk(new Header(0, "mic"), 0, 1, new short[320]));
      rig.mic.publish(new AudioChunk(new Header(0, "mic"), 16_000, 2, new short[321]));
      rig.mic.publish(new AudioChunk(new Header(0, "mic"), 16_000, 1, null));
      rig.mic.publish(new AudioChunk(new Header(0, "mic"), 16_000, 1, new short[0]));
      rig.node.tick(0);
      DiagnosticArray.Status s = rig.node.diagnose();
      assertEquals(DiagnosticArray.Level.WARN, s.level());
      assertEquals("5", s.values().get("bad_chunks"));
      assertTrue(rig.published.isEmpty());
      rig.play(speech("stop"), Pcm.RATE, 1);
      assertEquals(List.of("stop"), rig.published, "the node keeps working after bad input");
    }
  }
}
