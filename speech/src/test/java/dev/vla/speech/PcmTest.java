package dev.vla.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcmTest {
  @TempDir Path dir;

  static short[] tone(double hz, int rate, double seconds, double amplitude) {
    short[] s = new short[(int) (rate * seconds)];
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return s;
  }

  /** Zero crossings per second / 2: the frequency of a pure tone. */
  static double frequency(short[] s, int rate) {
    int crossings = 0;
    for (int i = 1; i < s.length; i++) {
      if ((s[i - 1] < 0) != (s[i] < 0)) {
        crossings++;
      }
    }
    return crossings / 2.0 / (s.length / (double) rate);
  }

  @Test
  void resamplingKeepsDurationAndPitch() {
    short[] in = tone(440, 44_100, 1.0, 0.5);
    short[] out = Pcm.resample(in, 44_100, Pcm.RATE);
    assertEquals(Pcm.RATE, out.length, 2);
    assertEquals(440, frequency(out, Pcm.RATE), 3);
    assertEquals(Pcm.rms(in, 0, in.length), Pcm.rms(out, 0, out.length), 0.02);
    assertThrows(IllegalArgumentException.class, () -> Pcm.resample(in, 0, Pcm.RATE));
  }

  @Test
  void noiseIsAddedAtTheRequestedSignalToNoiseRatio() {
    short[] speech = tone(300, Pcm.RATE, 1.0, 0.3);
    for (double db : new double[] {20, 10, 0}) {
      short[] noisy = Pcm.withNoise(speech, db, new Random(3));
      double signal = 0;
      double noise = 0;
      for (int i = 0; i < speech.length; i++) {
        signal += (double) speech[i] * speech[i];
        noise += (double) (noisy[i] - speech[i]) * (noisy[i] - speech[i]);
      }
      assertEquals(db, 10 * Math.log10(signal / noise), 0.5);
    }
  }

  @Test
  void speechEndIsWhereTheSoundStops() {
    short[] clip = new short[Pcm.RATE * 2];
    System.arraycopy(tone(200, Pcm.RATE, 0.5, 0.3), 0, clip, Pcm.RATE / 4, Pcm.RATE / 2);
    assertEquals(Pcm.RATE * 3 / 4, Pcm.speechEnd(clip), Pcm.RATE / 100);
    assertEquals(0, Pcm.speechEnd(new short[Pcm.RATE]));
  }

  @Test
  void wavFilesOfAnyRateAndChannelCountReadAs16kMono() throws Exception {
    short[] left = tone(500, 48_000, 0.5, 0.4);
    byte[] stereo = new byte[left.length * 4];
    for (int i = 0; i < left.length; i++) {
      stereo[4 * i] = (byte) left[i];
      stereo[4 * i + 1] = (byte) (left[i] >> 8);
      stereo[4 * i + 2] = (byte) left[i];
      stereo[4 * i + 3] = (byte) (left[i] >> 8);
    }
    Path file = dir.resolve("stereo.wav");
    AudioFormat f = new AudioFormat(48_000, 16, 2, true, false);
    AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(stereo), f, left.length), AudioFileFormat.Type.WAVE,
        file.toFile());
    short[] mono = WavFile.read(file);
    assertEquals(Pcm.RATE / 2, mono.length, 2);
    assertEquals(500, frequency(mono, Pcm.RATE), 4);

    Path again = dir.resolve("again.wav");
    WavFile.write(again, mono);
    assertEquals(mono.length, WavFile.read(again).length);
  }

  @Test
  void whatIsNotAudioGetsAClearError() throws Exception {
    Path junk = dir.resolve("junk.wav");
    Files.write(junk, "this is not a wav file at all, only text".getBytes());
    IOException e = assertThrows(IOException.class, () -> WavFile.read(junk));
    assertTrue(e.getMessage().contains("junk.wav"), e.getMessage());
    IOException missing = assertThrows(IOException.class, () -> WavFile.read(dir.resolve("none.wav")));
    assertTrue(missing.getMessage().startsWith("no audio file"), missing.getMessage());
  }
}
