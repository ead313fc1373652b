package dev.vla.speech;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Reads any PCM WAV (8/16/24/32-bit, any rate, any channels) as 16 kHz mono s16, and writes that format. */
public final class WavFile {
  /** Longest file read (10 minutes): a bound on memory for a file picked by mistake. */
  static final long MAX_SECONDS = 600;
  /** Sample rates read: telephone-band and below is not speech the recogniser can use, above is no microphone's. */
  static final int MIN_RATE = 1_000;
  static final int MAX_RATE = 384_000;
  /** Channels read: the most an {@code AudioChunk} carries (its count is a uint8); a header claiming more lies. */
  static final int MAX_CHANNELS = 255;

  private WavFile() {}

  /**
   * The file's audio as 16 kHz mono; a clear {@link IOException} for what is not PCM audio, or has a rate
   * outside 1 to 384 kHz or more than 255 channels.
   */
  public static short[] read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("no audio file at " + file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  static short[] read(InputStream raw, String what) throws IOException {
    try {
      return decode(raw, what);
    } catch (RuntimeException e) {
      // The JDK's readers trust header fields (sizes, block alignment); a header that lies can make them throw.
      throw new IOException(what + " is not readable audio: " + e, e);
    }
  }

  private static short[] decode(InputStream raw, String what) throws IOException {
    AudioInputStream src;
    try {
      src = AudioSystem.getAudioInputStream(new java.io.BufferedInputStream(raw));
    } catch (UnsupportedAudioFileException e) {
      throw new IOException(what + " is not a WAV/AIFF/AU audio file this reader understands (" + e.getMessage() + ")");
    }
    AudioFormat f = src.getFormat();
    if (f.getChannels() <= 0 || f.getChannels() > MAX_CHANNELS) {
      throw new IOException(what + ": " + f.getChannels() + " channels; expected 1 to " + MAX_CHANNELS + " (" + f + ")");
    }
    if (!(f.getSampleRate() >= MIN_RATE && f.getSampleRate() <= MAX_RATE)) {
      throw new IOException(what + ": sample rate " + f.getSampleRate() + " Hz is outside " + MIN_RATE + " to " + MAX_RATE
          + " Hz (" + f + ")");
    }
    AudioFormat s16 = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), 16, f.getChannels(),
        2 * f.getChannels(), f.getSampleRate(), false);
    AudioInputStream pcm;
    try {
      pcm = f.matches(s16) ? src : AudioSystem.getAudioInputStream(s16, src);
    } catch (IllegalArgumentException e) {
      throw new IOException(what + ": cannot convert " + f + " to 16-bit PCM");
    }
    long maxBytes = (long) (MAX_SECONDS * f.getSampleRate()) * 2 * f.getChannels();
    byte[] bytes = pcm.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 16));
    int frameBytes = 2 * f.getChannels();
    short[] interleaved = Pcm.fromLittleEndian(bytes, bytes.length / frameBytes * frameBytes);
    return Pcm.resample(Pcm.downmix(interleaved, f.getChannels()), Math.round(f.getSampleRate()), Pcm.RATE);
  }

  /** Writes 16 kHz mono s16 as a WAV file. */
  public static void write(Path file, short[] samples) throws IOException {
    byte[] bytes = Pcm.toLittleEndian(samples, 0, samples.length);
    AudioFormat format = new AudioFormat(Pcm.RATE, 16, 1, true, false);
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format, samples.length)) {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
    }
  }
}
