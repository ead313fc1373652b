package dev.vla.speech;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Text to 16 kHz speech with the command-line synthesisers Debian ships: espeak-ng (formant
 * synthesis, many voices and variants) and flite (CMU's diphone and statistical voices). The
 * simulator speaks {@code <vla:say>} with it and the speech test set is made with it. Thread-safe;
 * results are cached per voice and text.
 */
public final class Synthesiser {
  /**
   * A voice.
   *
   * @param engine {@code espeak-ng} or {@code flite}
   * @param name the engine's voice name (espeak-ng: {@code en-us}, {@code en-gb+f3}; flite: {@code slt})
   * @param wordsPerMinute speaking rate (espeak-ng only; flite speaks at its own rate)
   */
  public record Voice(String engine, String name, int wordsPerMinute) {
    public Voice {
      if (!engine.equals("espeak-ng") && !engine.equals("flite")) {
        throw new IllegalArgumentException("unknown speech synthesiser '" + engine + "'; use espeak-ng or flite");
      }
      if (!name.matches("[A-Za-z0-9_+.-]+")) {
        throw new IllegalArgumentException("bad voice name '" + name + "'");
      }
    }

    /** {@code espeak-ng:en-us:175} or {@code flite:slt}. */
    public static Voice parse(String spec) {
      String[] p = spec.split(":");
      if (p.length < 2 || p.length > 3) {
        throw new IllegalArgumentException("voice '" + spec + "' should be ENGINE:NAME[:WPM], e.g. espeak-ng:en-us:175 or flite:slt");
      }
      int wpm = 175;
      if (p.length == 3) {
        try {
          wpm = Integer.parseInt(p[2]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("voice '" + spec + "': speaking rate must be words per minute, got " + p[2]);
        }
      }
      return new Voice(p[0], p[1], wpm);
    }

    @Override
    public String toString() {
      return engine.equals("flite") ? engine + ":" + name : engine + ":" + name + ":" + wordsPerMinute;
    }
  }

  /** The voice {@code ./vla run --speech} uses unless told otherwise. */
  public static final Voice DEFAULT_VOICE = new Voice("espeak-ng", "en-us", 160);

  private final Map<String, short[]> cache = new ConcurrentHashMap<>();

  /** Speech for {@code text}; an {@link IOException} that says what is missing when the engine is not installed. */
  public short[] speak(Voice voice, String text) throws IOException {
    String key = voice + "\u0000" + text;
    short[] cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    short[] audio = voice.engine().equals("flite") ? flite(voice, text) : espeak(voice, text);
    cache.put(key, audio);
    return audio;
  }

  private static short[] espeak(Voice voice, String text) throws IOException {
    byte[] wav = run(List.of("espeak-ng", "-v", voice.name(), "-s", Integer.toString(voice.wordsPerMinute()),
        "--stdout", "--", clean(text)), null);
    return WavFile.read(new ByteArrayInputStream(wav), "espeak-ng output");
  }

  private static short[] flite(Voice voice, String text) throws IOException {
    Path out = Files.createTempFile("vla-flite", ".wav");
    try {
      run(List.of("flite", "-voice", voice.name(), "-t", clean(text), "-o", out.toString()), out);
      return WavFile.read(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** Plain words only: the text goes to another program. */
  private static String clean(String text) {
    String t = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9',.?! -]", " ").trim();
    return t.isEmpty() ? "." : t;
  }

  private static byte[] run(List<String> command, Path expectedFile) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException(command.get(0) + " is not installed (it speaks the test utterances); run ./setup.sh");
    }
    byte[] out = p.getInputStream().readAllBytes();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish within 30 s");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while " + command.get(0) + " was speaking");
    }
    if (p.exitValue() != 0) {
      throw new IOException(command.get(0) + " failed (exit " + p.exitValue() + ") for voice " + command.get(2));
    }
    return out;
  }
}
