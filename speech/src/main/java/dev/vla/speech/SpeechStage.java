package dev.vla.speech;

import dev.vla.model.language.UtteranceKind;
import dev.vla.model.language.Utterances;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The speech pipeline for one audio stream: Silero VAD windows → {@link Endpointer} → while the
 * person speaks, the stop spotter on the audio so far (so "stop" acts before the utterance ends) →
 * at the end of the utterance, the recogniser and the utterance's intent. Fed chunks of 16 kHz
 * mono audio of any length; returns what happened. One thread; bounded memory (an utterance is cut
 * at the endpointer's maximum length).
 */
public final class SpeechStage implements AutoCloseable {
  /**
   * Settings.
   *
   * @param vad endpointing
   * @param prePadWindows audio kept before the detected start (the VAD reacts after the first phoneme)
   * @param spotEveryWindows how often the spotter looks at the utterance so far
   * @param spotMaxWindows the spotter looks only at utterances up to this long: a stop word opens
   *     what the person says, and spotting on long audio would cost more than it saves
   */
  public record Config(Endpointer.Config vad, int prePadWindows, int spotEveryWindows, int spotMaxWindows) {
    public Config {
      if (prePadWindows < 0 || spotEveryWindows < 1 || spotMaxWindows < 1) {
        throw new IllegalArgumentException("speech stage window counts must be positive");
      }
    }

    public static Config defaults() {
      return new Config(Endpointer.Config.defaults(), 6, 3, 40);
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
   * @param actedOn the spotter already sent it (a lone stop or wait word): do not send it twice
   */
  public record Heard(String text, UtteranceKind kind, long audioNanos, double seconds, double decodeMillis,
      boolean actedOn) implements Event {}

  /** Speech that is not a command the recogniser knows. */
  public record Rejected(long audioNanos, double seconds, double decodeMillis) implements Event {}

  /** The spotter's out-of-grammar prior: high, so that other words come back rejected, not as "stop". */
  static final double SPOTTER_OOG = Double.parseDouble(System.getProperty("vla.spotter.oog", "1e-8"));
  /** A stop word takes at least this many windows to say (~200 ms). */
  private static final int MIN_SPOT_WINDOWS = 6;
  private static final long WINDOW_NANOS = SileroVad.WINDOW * 1_000_000_000L / Pcm.RATE;

  private final SileroVad vad;
  private final Recognizer recognizer;
  private final Recognizer spotter;
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
  private float lastProbability;
  private long utterances;
  private long rejections;

  /**
   * @param spotter the stop-word recogniser, or null to act on stop words only when the utterance ends
   */
  public SpeechStage(SileroVad vad, Recognizer recognizer, Recognizer spotter, Config config) {
    this.vad = vad;
    this.recognizer = recognizer;
    this.spotter = spotter;
    this.config = config;
    this.endpointer = new Endpointer(config.vad());
    int keep = config.prePadWindows() + config.vad().minSpeechWindows();
    this.history = new short[keep * SileroVad.WINDOW];
    this.utterance = new short[config.vad().maxWindows() * SileroVad.WINDOW + history.length];
  }

  /** The usual stage: the command grammar for these places and the stop-word spotter. */
  public static SpeechStage standard(List<String> places) {
    return new SpeechStage(new SileroVad(), new SphinxRecognizer("commands", CommandGrammar.commands(places), 1e-30),
        new SphinxRecognizer("stopwords", CommandGrammar.stopWords(), SPOTTER_OOG), Config.defaults());
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
      int speechWindows = config.vad().minSpeechWindows();
      events.add(new Started(windowEnd - speechWindows * WINDOW_NANOS));
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
    int speechWindows = utteranceWindows - config.prePadWindows();
    if (spotter != null && !spotted && speechWindows >= MIN_SPOT_WINDOWS && speechWindows <= config.spotMaxWindows()
        && speechWindows % config.spotEveryWindows() == 0) {
      Recognizer.Transcript t = spotter.recognise(Arrays.copyOf(utterance, utteranceWindows * window.length));
      if (!t.rejected()) {
        UtteranceKind kind = Utterances.classify(t.text());
        if (kind == UtteranceKind.STOP || kind == UtteranceKind.WAIT) {
          spotted = true;
          events.add(new Spotted(t.text(), kind, windowEnd, t.decodeMillis()));
        }
      }
    }
  }

  private Event finish(long speechEndNanos) {
    short[] audio = Arrays.copyOf(utterance, utteranceWindows * window.length);
    double seconds = audio.length / (double) Pcm.RATE;
    Recognizer.Transcript t = recognizer.recognise(audio);
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
    if (spotter != null) {
      spotter.close();
    }
    vad.close();
  }
}
