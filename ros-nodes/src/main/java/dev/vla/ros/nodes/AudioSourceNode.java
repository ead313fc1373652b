package dev.vla.ros.nodes;

import dev.vla.ros.Topics;
import dev.vla.ros.msg.AudioChunk;
import dev.vla.ros.msg.DiagnosticArray;
import dev.vla.ros.msg.Header;
import dev.vla.ros.transport.Publisher;
import dev.vla.speech.Pcm;
import dev.vla.speech.WavFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/**
 * Publishes {@code /audio/audio} (16 kHz mono s16, 20 ms chunks) from the computer's microphone
 * (javax.sound) or from a WAV file played in real time, as an audio driver node would.
 */
public final class AudioSourceNode extends Node {
  /** Where the audio comes from. */
  public sealed interface Source {}

  /** The default capture device. */
  public record Microphone() implements Source {}

  /** A WAV file, played once from the node's start. */
  public record File(Path path) implements Source {}

  private static final int CHUNK = Pcm.RATE / 50;

  private final Publisher<AudioChunk> audio;
  private final String description;
  private final TargetDataLine line;
  private final short[] file;
  private int filePosition;
  private long startNanos = -1;
  private long published;
  private volatile long chunks;

  /** Opens the source; an {@link IOException} that says what is missing when it cannot. */
  public AudioSourceNode(dev.vla.ros.transport.Transport transport, Source source) throws IOException {
    super("audio", transport);
    if (source instanceof File f) {
      this.file = WavFile.read(f.path());
      this.line = null;
      this.description = f.path().getFileName() + String.format(java.util.Locale.ROOT, " (%.1f s)", file.length / (double) Pcm.RATE);
    } else {
      this.file = null;
      AudioFormat format = new AudioFormat(Pcm.RATE, 16, 1, true, false);
      try {
        this.line = AudioSystem.getTargetDataLine(format);
        line.open(format, CHUNK * 2 * 10);
        line.start();
      } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
        throw new IOException("no microphone: javax.sound has no capture device for 16 kHz mono ("
            + e.getMessage() + "); use --audio FILE.wav, or /audio/audio from another ROS 2 node");
      }
      this.description = "microphone " + line.getLineInfo();
    }
    this.audio = publisher(Topics.AUDIO);
  }

  @Override
  public Duration period() {
    return hz(50);
  }

  @Override
  protected void onTick(long nowNanos) {
    if (startNanos < 0) {
      startNanos = nowNanos;
    }
    if (line != null) {
      int bytes = line.available() & ~1;
      if (bytes > 0) {
        byte[] b = new byte[bytes];
        short[] s = Pcm.fromLittleEndian(b, line.read(b, 0, bytes) & ~1);
        send(s, nowNanos - s.length * 1_000_000_000L / Pcm.RATE);
      }
      return;
    }
    // The file plays in real time from the first tick; after it, the room is quiet.
    long due = (nowNanos - startNanos) * Pcm.RATE / 1_000_000_000L;
    while (published + CHUNK <= due) {
      short[] s = new short[CHUNK];
      if (filePosition < file.length) {
        int n = Math.min(CHUNK, file.length - filePosition);
        System.arraycopy(file, filePosition, s, 0, n);
        filePosition += n;
      }
      send(s, startNanos + published * 1_000_000_000L / Pcm.RATE);
    }
  }

  private void send(short[] samples, long stamp) {
    audio.publish(new AudioChunk(new Header(stamp, "microphone"), Pcm.RATE, 1, samples));
    published += samples.length;
    chunks++;
  }

  @Override
  public DiagnosticArray.Status diagnose() {
    return new DiagnosticArray.Status(DiagnosticArray.Level.OK, name(), chunks == 0 ? "starting" : "streaming", description,
        Map.of("chunks", Long.toString(chunks)));
  }

  @Override
  protected void onClose() {
    if (line != null) {
      line.stop();
      line.close();
    }
  }
}
