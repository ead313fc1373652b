package dev.vla.sim.render;

/**
 * Camera noise applied in place on a rendered frame: Gaussian colour noise and depth noise whose
 * standard deviation grows with the square of the distance, as on a stereo RGB-D sensor.
 * Deterministic for a seed. Runs on the Java arrays directly (a frame every camera tick is the hot
 * path: copying into OpenCV and back cost several times the rendering itself). Stateless.
 */
public final class SensorNoise {
  private static final int TABLE_BITS = 16;
  /** Standard normal samples, drawn once; indexed by a fast per-frame generator. */
  private static final float[] NORMAL = table();

  private SensorNoise() {}

  private static float[] table() {
    java.util.Random r = new java.util.Random(0x5EED);
    float[] t = new float[1 << TABLE_BITS];
    for (int i = 0; i < t.length; i++) {
      t[i] = (float) r.nextGaussian();
    }
    return t;
  }

  /**
   * @param colorSigma standard deviation of the colour noise in intensity levels (0..255)
   * @param depthSigmaAtOneMetre standard deviation of the depth noise at 1 m; at depth z it is this times z squared
   */
  public static void apply(RgbdFrame frame, double colorSigma, double depthSigmaAtOneMetre, long seed) {
    long state = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    byte[] rgb = frame.rgb();
    float sigma = (float) colorSigma;
    int mask = (1 << TABLE_BITS) - 1;
    for (int i = 0; i < rgb.length; i++) {
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      int v = (rgb[i] & 0xff) + Math.round(sigma * NORMAL[(int) state & mask]);
      rgb[i] = (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
    }
    float[] depth = frame.depth();
    float k = (float) depthSigmaAtOneMetre;
    for (int i = 0; i < depth.length; i++) {
      float z = depth[i];
      if (z == z) { // not NaN
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        depth[i] = z + k * z * z * NORMAL[(int) state & mask];
      }
    }
  }
}
