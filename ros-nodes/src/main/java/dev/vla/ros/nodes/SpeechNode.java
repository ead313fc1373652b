package dev.vla.ros.nodes;

import dev.vla.model.language.Utterances;
import dev.vla.ros.Topics;
import dev.vla.ros.msg.AudioChunk;
import dev.vla.ros.msg.DiagnosticArray;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.transport.Publisher;
import dev.vla.ros.transport.Transport;
import dev.vla.speech.Pcm;
import dev.vla.speech.SpeechStage;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The speech stage as a node: {@code /audio/audio} in, {@code /vla/instruction} out. A stop or wait
 * word is published at the first pause after it, before the utterance has ended; the executor acts
 * on it without the model (DESIGN §2). Other utterances are published when they end.
 * Speech the recogniser cannot place in the command language is published as
 * {@link Utterances#UNINTELLIGIBLE}, so the controller asks the person to repeat instead of guessing.
 */
public final class SpeechNode extends Node {
  /** Rejected sounds shorter than this are coughs and clicks, not attempts to talk to the robot. */
  private static final double MIN_REJECTED_SECONDS = 0.6;

  private final SpeechStage stage;
  private final Consumer<String> events;
  private final Publisher<StringMsg> instruction;
  private volatile long chunks;
  private volatile long badChunks;
  private volatile String lastHeard = "";

  private final boolean ownsStage;

  /** The caller owns {@code stage} (loading it takes seconds, so runs share one) and closes it. */
  public SpeechNode(Transport transport, SpeechStage stage, Consumer<String> events) {
    this(transport, stage, events, false);
  }

  /** A node that closes its stage with itself: for a node process of its own. */
  public static SpeechNode owning(Transport transport, SpeechStage stage, Consumer<String> events) {
    return new SpeechNode(transport, stage, events, true);
  }

  private SpeechNode(Transport transport, SpeechStage stage, Consumer<String> events, boolean ownsStage) {
    super("speech", transport);
    this.ownsStage = ownsStage;
    this.stage = stage;
    this.events = events;
    this.instruction = publisher(Topics.INSTRUCTION);
    subscribe(Topics.AUDIO, this::onAudio);
  }

  @Override
  public Duration period() {
    return hz(100);
  }

  private void onAudio(AudioChunk chunk) {
    short[] samples = chunk.samples();
    if (samples == null || samples.length == 0 || chunk.channels() < 1 || chunk.sampleRate() < 4_000
        || chunk.sampleRate() > 192_000 || samples.length % chunk.channels() != 0) {
      badChunks++;
      if (badChunks == 1 || badChunks % 100 == 0) {
        log.log(System.Logger.Level.WARNING, String.format(Locale.ROOT,
            "ignored %d audio chunk(s) on %s: expected 16 kHz mono s16, got %d Hz, %d channel(s), %d samples",
            badChunks, Topics.AUDIO.name(), chunk.sampleRate(), chunk.channels(), samples == null ? 0 : samples.length));
      }
      return;
    }
    chunks++;
    short[] mono = Pcm.downmix(samples, chunk.channels());
    if (chunk.sampleRate() != Pcm.RATE) {
      mono = Pcm.resample(mono, chunk.sampleRate(), Pcm.RATE);
    }
    for (SpeechStage.Event e : stage.accept(mono, chunk.header().stampNanos())) {
      handle(e);
    }
  }

  private void handle(SpeechStage.Event e) {
    if (e instanceof SpeechStage.Spotted s) {
      instruction.publish(new StringMsg(s.text()));
      lastHeard = s.text();
      events.accept(String.format(Locale.ROOT, "speech: heard \"%s\" while still speaking: sent at once (%.0f ms to spot)",
          s.text(), s.decodeMillis()));
    } else if (e instanceof SpeechStage.Heard h) {
      lastHeard = h.text();
      String kind = h.kind().name().toLowerCase(Locale.ROOT);
      if (h.actedOn()) {
        events.accept(String.format(Locale.ROOT, "speech: \"%s\" (%s, already sent)", h.text(), kind));
        return;
      }
      instruction.publish(new StringMsg(h.text()));
      events.accept(String.format(Locale.ROOT, "speech: \"%s\" (%s; %.1f s of speech decoded in %.0f ms)", h.text(), kind,
          h.seconds(), h.decodeMillis()));
    } else if (e instanceof SpeechStage.Rejected r && r.seconds() >= MIN_REJECTED_SECONDS) {
      lastHeard = Utterances.UNINTELLIGIBLE;
      instruction.publish(new StringMsg(Utterances.UNINTELLIGIBLE));
      events.accept(String.format(Locale.ROOT, "speech: %.1f s of speech that is not a command I know", r.seconds()));
    }
  }

  @Override
  protected void onTick(long nowNanos) {
    // All the work happens as audio arrives (handlers run at the top of each tick).
  }

  @Override
  public DiagnosticArray.Status diagnose() {
    boolean bad = badChunks > 0;
    String message = chunks == 0 ? "no audio yet on " + Topics.AUDIO.name()
        : bad ? badChunks + " malformed audio chunks ignored" : "listening";
    return new DiagnosticArray.Status(chunks == 0 || bad ? DiagnosticArray.Level.WARN : DiagnosticArray.Level.OK, name(),
        message, stage.recognizerName(), Map.of("chunks", Long.toString(chunks), "bad_chunks", Long.toString(badChunks),
            "last_heard", lastHeard, "utterances", stage.counts()));
  }

  @Override
  protected void onClose() {
    if (ownsStage) {
      stage.close();
    }
  }
}
