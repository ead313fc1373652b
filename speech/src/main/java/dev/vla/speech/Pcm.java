package dev.vla.speech;

import java.util.Random;

/** Operations on 16-bit mono PCM, the speech stage's one audio format (16 kHz unless stated). */
public final class Pcm {
  /** The rate everything in the speech stage runs at (DESIGN §3: {@code /audio/audio} is 16 kHz mono s16). */
  public static final int RATE = 16_000;

  /** Most samples a resampling may produce: ten minutes at 48 kHz, far above any speech the stage takes. */
  static final int MAX_SAMPLES = 600 * 48_000;

  private Pcm() {}

  /** Samples scaled to [-1, 1). */
  public static float[] toFloat(short[] s) {
    float[] f = new float[s.length];
    for (int i = 0; i < s.length; i++) {
      f[i] = s[i] / 32768f;
    }
    return f;
  }

  /** Little-endian bytes, what Sphinx's front end reads. */
  public static byte[] toLittleEndian(short[] s, int from, int to) {
    byte[] b = new byte[(to - from) * 2];
    for (int i = from; i < to; i++) {
      b[2 * (i - from)] = (byte) s[i];
      b[2 * (i - from) + 1] = (byte) (s[i] >> 8);
    }
    return b;
  }

  /** The first {@code length} bytes (an even count) of little-endian s16 as samples. */
  public static short[] fromLittleEndian(byte[] b, int length) {
    if (length < 0 || length > b.length) {
      throw new IllegalArgumentException("cannot read " + length + " bytes of samples from " + b.length + " bytes");
    }
    short[] s = new short[length / 2];
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8));
    }
    return s;
  }

  /** Interleaved samples of {@code channels} channels averaged to mono; mono comes back as it is. */
  public static short[] downmix(short[] interleaved, int channels) {
    if (channels < 1) {
      throw new IllegalArgumentException("audio needs at least one channel, got " + channels);
    }
    if (channels == 1) {
      return interleaved;
    }
    short[] mono = new short[interleaved.length / channels];
    for (int i = 0; i < mono.length; i++) {
      int sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += interleaved[i * channels + c];
      }
      mono[i] = (short) (sum / channels);
    }
    return mono;
  }

  /** Root mean square in full-scale units (0..1). */
  public static double rms(short[] s, int from, int to) {
    if (to <= from) {
      return 0;
    }
    double sum = 0;
    for (int i = from; i < to; i++) {
      double v = s[i] / 32768.0;
      sum += v * v;
    }
    return Math.sqrt(sum / (to - from));
  }

  /**
   * Resamples by linear interpolation after a moving-average low-pass when downsampling. Good enough
   * for speech into a 16 kHz recogniser (whose features stop at 8 kHz anyway).
   */
  public static short[] resample(short[] in, int fromRate, int toRate) {
    if (fromRate == toRate || in.length == 0) {
      return in.clone();
    }
    if (fromRate <= 0 || toRate <= 0) {
      throw new IllegalArgumentException("sample rates must be positive, got " + fromRate + " and " + toRate);
    }
    long outSamples = (long) in.length * toRate / fromRate;
    if (outSamples > MAX_SAMPLES) {
      throw new IllegalArgumentException("resampling " + in.length + " samples from " + fromRate + " to " + toRate
          + " Hz gives " + outSamples + " samples; at most " + MAX_SAMPLES);
    }
    double[] x = new double[in.length];
    int taps = fromRate > toRate ? (int) Math.ceil((double) fromRate / toRate) : 1;
    // The moving average from running sums: the same value as summing each window (integers, exact in a double),
    // in time linear in the input whatever the ratio of the rates.
    long[] prefix = new long[in.length + 1];
    for (int i = 0; i < in.length; i++) {
      prefix[i + 1] = prefix[i] + in[i];
    }
    for (int i = 0; i < in.length; i++) {
      int lo = (int) Math.max(0, (long) i - taps / 2);
      int hi = (int) Math.min(in.length - 1, (long) i + (taps - 1) / 2);
      x[i] = (double) (prefix[hi + 1] - prefix[lo]) / (hi - lo + 1);
    }
    int outLength = (int) outSamples;
    short[] out = new short[outLength];
    double step = (double) fromRate / toRate;
    for (int i = 0; i < outLength; i++) {
      double pos = i * step;
      int k = (int) pos;
      double frac = pos - k;
      double v = k + 1 < x.length ? x[k] * (1 - frac) + x[k + 1] * frac : x[Math.min(k, x.length - 1)];
      out[i] = clip(v);
    }
    return out;
  }

  /**
   * Adds white Gaussian noise at {@code snrDb} relative to the signal's power over its speech
   * (samples above a floor), the usual way test sets state SNR. Silence gets noise of the same level.
   */
  public static short[] withNoise(short[] speech, double snrDb, Random rng) {
    double signalRms = activeRms(speech);
    double noiseRms = signalRms / Math.pow(10, snrDb / 20);
    return addNoise(speech, noiseRms, rng);
  }

  /** Adds white Gaussian noise of the given RMS (full-scale units). */
  public static short[] addNoise(short[] s, double noiseRms, Random rng) {
    short[] out = new short[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = clip(s[i] + rng.nextGaussian() * noiseRms * 32768);
    }
    return out;
  }

  /**
   * The sample after the last 10 ms frame with speech energy (RMS above 3% of the loudest frame's):
   * where a synthesiser's clip stops speaking, before its trailing silence. What "end of the word"
   * means in the latency figures.
   */
  public static int speechEnd(short[] s) {
    int frame = RATE / 100;
    double peak = 0;
    for (int i = 0; i + frame <= s.length; i += frame) {
      peak = Math.max(peak, rms(s, i, i + frame));
    }
    int end = 0;
    for (int i = 0; i + frame <= s.length; i += frame) {
      if (rms(s, i, i + frame) > 0.03 * peak) {
        end = i + frame;
      }
    }
    return end;
  }

  /** RMS over the samples louder than 1% of full scale: the speech, not the pauses between words. */
  static double activeRms(short[] s) {
    double sum = 0;
    int n = 0;
    for (short v : s) {
      double a = v / 32768.0;
      if (Math.abs(a) > 0.01) {
        sum += a * a;
        n++;
      }
    }
    return n == 0 ? 0 : Math.sqrt(sum / n);
  }

  static short clip(double v) {
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
  }
}
