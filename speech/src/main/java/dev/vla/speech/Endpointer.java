package dev.vla.speech;

/**
 * Turns per-window speech probabilities into utterance boundaries, with hysteresis: speech starts
 * after {@code minSpeechWindows} windows at or above the start threshold, and ends after the
 * probability has stayed under the end threshold for the hangover (pauses between words are
 * shorter). Pure logic on window indices, so it is tested without audio.
 */
public final class Endpointer {
  /**
   * Settings, in 32 ms VAD windows.
   *
   * @param startThreshold probability that counts as speech
   * @param endThreshold probability under which a window counts as silence
   * @param minSpeechWindows consecutive speech windows that start an utterance (a click is shorter)
   * @param hangoverWindows consecutive silent windows that end it
   * @param maxWindows an utterance is cut here (someone talking on and on, or steady noise)
   */
  public record Config(double startThreshold, double endThreshold, int minSpeechWindows, int hangoverWindows,
      int maxWindows) {
    public Config {
      if (!(startThreshold > 0 && startThreshold < 1 && endThreshold > 0 && endThreshold <= startThreshold)) {
        throw new IllegalArgumentException("VAD thresholds must satisfy 0 < end <= start < 1, got start "
            + startThreshold + " end " + endThreshold);
      }
      if (minSpeechWindows < 1 || hangoverWindows < 1 || maxWindows <= minSpeechWindows) {
        throw new IllegalArgumentException("VAD window counts must be positive and max > min speech");
      }
    }

    /** Tuned on the synthetic speech set: see docs/speech.md. */
    public static Config defaults() {
      return new Config(0.5, 0.35, 2, 8, 375);
    }
  }

  /** What a window did to the utterance state. */
  public enum Change { NONE, STARTED, ENDED }

  private final Config config;
  private boolean inSpeech;
  private int run;
  private int silent;
  private int length;
  private int startWindow;
  private int window = -1;

  public Endpointer(Config config) {
    this.config = config;
  }

  /** Feeds the next window's probability. */
  public Change accept(double p) {
    window++;
    if (!inSpeech) {
      run = p >= config.startThreshold() ? run + 1 : 0;
      if (run >= config.minSpeechWindows()) {
        inSpeech = true;
        startWindow = window - run + 1;
        length = run;
        silent = 0;
        run = 0;
        return Change.STARTED;
      }
      return Change.NONE;
    }
    length++;
    silent = p < config.endThreshold() ? silent + 1 : 0;
    if (silent >= config.hangoverWindows() || length >= config.maxWindows()) {
      inSpeech = false;
      return Change.ENDED;
    }
    return Change.NONE;
  }

  public boolean inSpeech() {
    return inSpeech;
  }

  /** Index of the first speech window of the current (or last) utterance. */
  public int startWindow() {
    return startWindow;
  }

  /** Silent windows at the end of the utterance that just ended (0 when it was cut for length). */
  public int trailingSilence() {
    return silent;
  }

  public Config config() {
    return config;
  }
}
