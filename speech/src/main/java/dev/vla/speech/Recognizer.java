package dev.vla.speech;

/**
 * Speech to text for one segmented utterance (16 kHz mono). The product's implementation is
 * {@link SphinxRecognizer}; a robot with a stronger recogniser implements this interface and passes
 * it to {@link SpeechStage} (docs/speech.md says how). Used from one thread.
 */
public interface Recognizer extends AutoCloseable {
  /** What was said, or {@link Transcript#rejected} when the audio is not a command this recogniser knows. */
  Transcript recognise(short[] samples);

  /** A short name for logs and reports. */
  String name();

  @Override
  void close();

  /**
   * A recognition result.
   *
   * @param text lower-case words, empty when rejected
   * @param rejected true when the speech was heard but is not in the command language
   * @param decodeMillis time spent decoding
   */
  record Transcript(String text, boolean rejected, double decodeMillis) {
    public static Transcript rejected(double decodeMillis) {
      return new Transcript("", true, decodeMillis);
    }
  }
}
