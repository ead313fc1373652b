package dev.vla.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Garbage audio: random bytes and WAV files whose headers lie (huge data sizes, zero or 65535 channels,
 * absurd rates, odd sample sizes, unknown formats, truncated chunks) into {@link WavFile}, and bad
 * arguments into {@link Pcm}. WAV reading gives 16 kHz mono or a clear IOException; PCM helpers give a
 * result or an IllegalArgumentException; neither allocates beyond what the input justifies or takes time
 * beyond linear.
 */
class AudioFuzzTest {
  static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** A RIFF/WAVE file with the given header fields and {@code payload} bytes of data, however inconsistent. */
  static byte[] wav(int formatTag, int channels, int rate, int byteRate, int blockAlign, int bits, long dataSize,
      int fmtSize, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(44 + Math.max(0, fmtSize - 16) + payload.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + payload.length).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(fmtSize).putShort((short) formatTag).putShort((short) channels).putInt(rate)
        .putInt(byteRate).putShort((short) blockAlign).putShort((short) bits);
    for (int i = 16; i < fmtSize; i++) {
      b.put((byte) 0);
    }
    b.put("data".getBytes()).putInt((int) dataSize).put(payload);
    return b.array();
  }

  enum Outcome { AUDIO, REFUSED }

  /** The last refusal's message, for the statistics of what was refused. */
  static String lastRefusal = "";

  /** Reads {@code bytes}: 16 kHz mono within bounds, or an IOException naming the source; nothing else. */
  static Outcome read(byte[] bytes) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    long t0 = System.nanoTime();
    Outcome outcome;
    try {
      short[] samples = WavFile.read(new ByteArrayInputStream(bytes), "fuzz.wav");
      assertNotNull(samples);
      // Any rate the reader accepts is at least 1 kHz: 16 kHz output is at most 16x the input's samples.
      assertTrue(samples.length <= 16L * bytes.length + 16, samples.length + " samples from " + bytes.length + " bytes");
      outcome = Outcome.AUDIO;
    } catch (IOException e) {
      assertTrue(e.getMessage() != null && e.getMessage().contains("fuzz.wav"), "names the file: " + e.getMessage());
      lastRefusal = e.getMessage();
      outcome = Outcome.REFUSED;
    } catch (RuntimeException | OutOfMemoryError e) {
      throw new AssertionError("WavFile.read threw " + e + " instead of an IOException", e);
    }
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(allocated < 64L * bytes.length + (16 << 20), "reading " + bytes.length + " bytes allocated " + allocated);
    assertTrue(ms < 5_000, "reading " + bytes.length + " bytes took " + ms + " ms");
    return outcome;
  }

  @Property(tries = 500)
  void randomBytesAreRefused(@ForAll @Size(max = 2_000) byte[] bytes) {
    assertEquals(Outcome.REFUSED, read(bytes));
  }

  @Provide
  Arbitrary<Integer> rates() {
    return Arbitraries.oneOf(Arbitraries.of(0, 1, 2, 999, 1_000, 8_000, 16_000, 44_100, 48_000, 384_000, 384_001,
        1_000_000, Integer.MAX_VALUE, -1, Integer.MIN_VALUE), Arbitraries.integers());
  }

  /** Mostly rates a reader accepts, so that the lies in the other fields are read too. */
  @Provide
  Arbitrary<Integer> wavRates() {
    return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(8_000, 16_000, 22_050, 44_100, 48_000)),
        Tuple.of(1, rates()));
  }

  @Property(tries = 1000)
  void wavHeadersThatLieAreReadOrRefused(@ForAll("wavRates") int rate,
      @ForAll("formatTags") int formatTag, @ForAll("channelCounts") int channels, @ForAll("sampleBits") int bits,
      @ForAll("dataSizes") long dataSize, @ForAll @IntRange(min = 0, max = 3) int fmtExtra, @ForAll boolean honestRates,
      @ForAll @Size(max = 4_000) byte[] payload) {
    int blockAlign = honestRates ? Math.max(1, channels * bits / 8) : new Random(rate).nextInt(70_000) - 1;
    int byteRate = honestRates ? rate * blockAlign : new Random(bits).nextInt();
    int fmtSize = fmtExtra == 0 ? 16 : fmtExtra == 1 ? 18 : fmtExtra == 2 ? 40 : 14;
    long size = dataSize == -2 ? payload.length : dataSize;
    Outcome outcome = read(wav(formatTag, channels, rate, byteRate, blockAlign, bits, size, fmtSize, payload));
    Statistics.collect(outcome == Outcome.AUDIO ? "audio" : lastRefusal.contains("sample rate") ? "refused: rate"
        : lastRefusal.contains("channels;") ? "refused: channels" : lastRefusal.contains("not readable audio")
        ? "refused: reader exception" : lastRefusal.contains("cannot convert") ? "refused: not convertible to PCM"
        : "refused: not audio");
  }

  @Provide
  Arbitrary<Integer> formatTags() {
    return Arbitraries.of(1, 1, 1, 3, 0xFFFE, 6, 7, 2, 0, 0xFFFF);
  }

  @Provide
  Arbitrary<Integer> channelCounts() {
    return Arbitraries.of(1, 1, 2, 0, 3, 8, 255, 65_535);
  }

  @Provide
  Arbitrary<Integer> sampleBits() {
    return Arbitraries.of(16, 16, 8, 24, 32, 0, 1, 7, 12, 64, 65_535);
  }

  @Provide
  Arbitrary<Long> dataSizes() {
    return Arbitraries.of(-2L, -2L, 0L, 1L, 0xFFFF_FFFFL, 0x7FFF_FFFFL, 0x8000_0000L, 1_000_000_000L);
  }

  /** A well-formed header claiming an absurd rate is refused as such, not resampled for minutes. */
  @Example
  void absurdRatesAreRefusedWithTheRate() {
    for (int rate : new int[] {1, 999, 384_001, 2_000_000_000}) {
      byte[] file = wav(1, 1, rate, rate * 2, 2, 16, 20_000, 16, new byte[20_000]);
      try {
        WavFile.read(new ByteArrayInputStream(file), "fuzz.wav");
        fail("a WAV file at " + rate + " Hz was read");
      } catch (IOException e) {
        assertTrue(e.getMessage().contains("sample rate"), e.getMessage());
      }
    }
  }

  @Property(tries = 500)
  void pcmHelpersRefuseBadArgumentsWithAReason(@ForAll @Size(max = 64) byte[] bytes, @ForAll("lengths") int length,
      @ForAll @Size(max = 64) short[] samples, @ForAll("channelArgs") int channels, @ForAll("rates") int from,
      @ForAll("rates") int to) {
    try {
      short[] s = Pcm.fromLittleEndian(bytes, length);
      assertEquals(length / 2, s.length);
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains("bytes"), e.getMessage());
    }
    try {
      short[] mono = Pcm.downmix(samples, channels);
      assertEquals(samples.length / channels, mono.length);
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains("channel"), e.getMessage());
    }
    long before = THREADS.getCurrentThreadAllocatedBytes();
    long t0 = System.nanoTime();
    try {
      short[] out = Pcm.resample(samples, from, to);
      assertTrue(samples.length == 0 || from == to || out.length == (int) ((long) samples.length * to / from),
          out.length + " samples");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains("rate") || e.getMessage().contains("samples"), e.getMessage());
    }
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < 256L << 20, "resampling " + samples.length + " samples " + from + " -> " + to + " allocated "
        + allocated);
    assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "resampling " + from + " -> " + to + " took seconds");
  }

  @Provide
  Arbitrary<Integer> lengths() {
    return Arbitraries.oneOf(Arbitraries.integers().between(-3, 70), Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  @Provide
  Arbitrary<Integer> channelArgs() {
    return Arbitraries.oneOf(Arbitraries.integers().between(-2, 9), Arbitraries.of(Integer.MIN_VALUE, 65_535,
        Integer.MAX_VALUE));
  }
}
