package dev.vla.speech;

import dev.vla.model.language.UtteranceKind;
import dev.vla.model.language.Utterances;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The speech pipeline for one audio stream: Silero VAD windows → {@link Endpointer} → at the first
 * pause of a short utterance, the recogniser on what was said so far (so "stop" acts before the
 * utterance ends) → at the end of the utterance, the recogniser and the utterance's intent. Fed chunks of 16 kHz
 * mono audio of any length; returns what happened. One thread; bounded memory (an utterance is cut
 * at the endpointer's maximum length).
 */
public final class SpeechStage implements AutoCloseable {
  /**
   * Settings.
   *
   * @param vad endpointing
   * @param prePadWindows audio kept before the detected start (the VAD reacts after the first phoneme)
   * @param spotMaxWindows stop words are looked for at pauses only this far into an utterance: a
   *     stop word opens what the person says, and decoding long audio at every pause would cost more
   *     than it saves
   */
  public record Config(Endpointer.Config vad, int prePadWindows, int spotMaxWindows) {
    public Config {
      if (prePadWindows < 0 || spotMaxWindows < 1) {
        throw new IllegalArgumentException("speech stage window counts must be positive");
      }
    }

    public static Config defaults() {
      return new Config(Endpointer.Config.defaults(), 6, 40);
    }
  }

  /** What the stage noticed, each with the stream time (nanoseconds) it refers to. */
  public sealed interface Event {
    long audioNanos();
  }

  /** Speech began at {@code audioNanos}. */
  public record Started(long audioNanos) implements Event {}

  /**
   * A stop or wait word heard while the person is still speaking: act on it now.
   *
   * @param audioNanos the end of the audio it was heard in
   */
  public record Spotted(String text, UtteranceKind kind, long audioNanos, double decodeMillis) implements Event {}

  /**
   * A recognised utterance.
   *
   * @param audioNanos the end of the speech (before the hangover)
   * @param actedOn the stop fast path already sent it (a lone stop or wait word): do not send it twice
   */
  public record Heard(String text, UtteranceKind kind, long audioNanos, double seconds, double decodeMillis,
      boolean actedOn) implements Event {}

  /** Speech that is not a command the recogniser knows. */
  public record Rejected(long audioNanos, double seconds, double decodeMillis) implements Event {}

  /** A stop word takes at least this many windows to say (~190 ms). */
  private static final int MIN_SPOT_WINDOWS = 6;
  private static final long WINDOW_NANOS = SileroVad.WINDOW * 1_000_000_000L / Pcm.RATE;

  private final SileroVad vad;
  private final Recognizer recognizer;
  private final Config config;
  private Endpointer endpointer;
  private final short[] window = new short[SileroVad.WINDOW];
  private int windowFill;
  private long windowStartNanos = Long.MIN_VALUE;
  private final short[] history;
  private int historyWindows;
  private short[] utterance;
  private int utteranceWindows;
  private boolean spotted;
  /** The transcript decoded at the start of the current pause; null while the person speaks. */
  private Recognizer.Transcript early;
  private float lastProbability;
  private long utterances;
  private long rejections;

  public SpeechStage(SileroVad vad, Recognizer recognizer, Config config) {
    this.vad = vad;
    this.recognizer = recognizer;
    this.config = config;
    this.endpointer = new Endpointer(config.vad());
    int keep = config.prePadWindows() + config.vad().minSpeechWindows();
    this.history = new short[keep * SileroVad.WINDOW];
    this.utterance = new short[config.vad().maxWindows() * SileroVad.WINDOW + history.length];
  }

  /** The usual stage: Silero VAD and Sphinx 4 on the command grammar for these places. */
  public static SpeechStage standard(List<String> places) {
    return new SpeechStage(new SileroVad(), new SphinxRecognizer("commands", CommandGrammar.commands(places)),
        Config.defaults());
  }

  /**
   * Feeds audio.
   *
   * @param samples 16 kHz mono
   * @param firstSampleNanos stream time of the first sample; a chunk continues the previous one
   *     unless it starts a new stream
   */
  public List<Event> accept(short[] samples, long firstSampleNanos) {
    List<Event> events = new ArrayList<>(1);
    if (windowFill == 0) {
      windowStartNanos = firstSampleNanos;
    }
    for (int i = 0; i < samples.length; ) {
      int n = Math.min(samples.length - i, window.length - windowFill);
      System.arraycopy(samples, i, window, windowFill, n);
      windowFill += n;
      i += n;
      if (windowFill == window.length) {
        onWindow(events);
        windowFill = 0;
        windowStartNanos += WINDOW_NANOS;
      }
    }
    return events;
  }

  private void onWindow(List<Event> events) {
    float p = vad.probability(window, 0);
    lastProbability = p;
    remember(window);
    long windowEnd = windowStartNanos + WINDOW_NANOS;
    boolean wasInSpeech = endpointer.inSpeech();
    Endpointer.Change change = endpointer.accept(p);
    if (change == Endpointer.Change.STARTED) {
      System.arraycopy(history, history.length - historyWindows * window.length, utterance, 0,
          historyWindows * window.length);
      utteranceWindows = historyWindows;
      spotted = false;
      early = null;
      events.add(new Started(windowEnd - config.vad().minSpeechWindows() * WINDOW_NANOS));
      return;
    }
    if (!wasInSpeech) {
      return;
    }
    System.arraycopy(window, 0, utterance, utteranceWindows * window.length, window.length);
    utteranceWindows++;
    if (change == Endpointer.Change.ENDED) {
      events.add(finish(windowEnd - endpointer.trailingSilence() * WINDOW_NANOS));
      return;
    }
    // At the first window of each pause, decode what was said so far. If it is a stop or wait in a
    // short utterance, act now (the fast path; the person may still go on). Otherwise keep the result:
    // when the pause turns out to be the end of the utterance, it is the transcript, and the decoding
    // has been hidden under the endpointer's hangover.
    boolean pause = p < config.vad().endThreshold();
    if (!pause) {
      early = null;
    } else if (early == null && speechWindows() >= MIN_SPOT_WINDOWS) {
      early = recognizer.recognise(utteranceSoFar());
      if (!early.rejected() && !spotted && speechWindows() <= config.spotMaxWindows()) {
        UtteranceKind kind = Utterances.classify(early.text());
        if (kind == UtteranceKind.STOP || kind == UtteranceKind.WAIT) {
          spotted = true;
          events.add(new Spotted(early.text(), kind, windowEnd, early.decodeMillis()));
        }
      }
    }
  }

  private short[] utteranceSoFar() {
    return Arrays.copyOf(utterance, utteranceWindows * window.length);
  }

  private int speechWindows() {
    return utteranceWindows - config.prePadWindows();
  }

  private Event finish(long speechEndNanos) {
    double seconds = utteranceWindows * window.length / (double) Pcm.RATE;
    Recognizer.Transcript t = early != null ? early : recognizer.recognise(utteranceSoFar());
    early = null;
    utterances++;
    if (t.rejected()) {
      rejections++;
      return new Rejected(speechEndNanos, seconds, t.decodeMillis());
    }
    UtteranceKind kind = Utterances.classify(t.text());
    boolean actedOn = spotted && (kind == UtteranceKind.STOP || kind == UtteranceKind.WAIT);
    return new Heard(t.text(), kind, speechEndNanos, seconds, t.decodeMillis(), actedOn);
  }

  private void remember(short[] w) {
    int cap = history.length / w.length;
    if (historyWindows == cap) {
      System.arraycopy(history, w.length, history, 0, history.length - w.length);
      historyWindows--;
    }
    System.arraycopy(w, 0, history, historyWindows * w.length, w.length);
    historyWindows++;
  }

  /** Forgets the stream (a new episode or microphone): the models stay loaded. */
  public void reset() {
    vad.reset();
    endpointer = new Endpointer(config.vad());
    windowFill = 0;
    historyWindows = 0;
    utteranceWindows = 0;
    spotted = false;
  }

  /** Whether an utterance is in progress. */
  public boolean inSpeech() {
    return endpointer.inSpeech();
  }

  /** The last window's speech probability (for /diagnostics). */
  public float lastProbability() {
    return lastProbability;
  }

  /** Utterances ended so far and how many of them were rejected. */
  public String counts() {
    return String.format(Locale.ROOT, "%d utterances, %d rejected", utterances, rejections);
  }

  public String recognizerName() {
    return recognizer.name();
  }

  @Override
  public void close() {
    recognizer.close();
    vad.close();
  }
}
