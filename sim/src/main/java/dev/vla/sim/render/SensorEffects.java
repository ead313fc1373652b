package dev.vla.sim.render;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Optional camera realism applied to a rendered {@link RgbdFrame} in place, with OpenCV: Gaussian
 * pixel noise, per-channel colour gain (lighting and white-balance jitter) and depth noise that grows
 * with the square of the distance, as a stereo depth sensor's does.
 *
 * <p>Every noise is drawn from its own {@code cv::RNG} seeded by the caller, never from OpenCV's
 * global generator, so the same frame and seed always give the same bytes, whatever other threads
 * do. The rendering itself (a z-buffer) stays in Java because OpenCV has no depth-tested triangle
 * fill; OpenCV handles the image buffers, these effects and encoding.
 *
 * <p>Stateless; each call allocates and frees its own native buffers, so calls on different frames
 * may run on different threads at once.
 */
public final class SensorEffects {
  private SensorEffects() {}

  /**
   * What to apply to a frame. Zero noise and unit gains leave the frame unchanged.
   *
   * @param pixelNoiseSigma standard deviation of the added colour noise, in 0..255 intensity levels
   * @param gainR gain on the red channel (1 = unchanged); likewise {@code gainG}, {@code gainB}
   * @param depthNoisePerSquareMetre the depth noise's standard deviation at 1 m; at depth z it is
   *     this times z squared (about 0.001-0.003 for a consumer stereo camera)
   */
  public record Settings(
      double pixelNoiseSigma, double gainR, double gainG, double gainB, double depthNoisePerSquareMetre) {
    public Settings {
      for (double value : new double[] {pixelNoiseSigma, gainR, gainG, gainB, depthNoisePerSquareMetre}) {
        if (!(value >= 0) || Double.isInfinite(value)) {
          throw new IllegalArgumentException("sensor effect settings must be finite and non-negative");
        }
      }
    }

    public static Settings none() {
      return new Settings(0, 1, 1, 1, 0);
    }
  }

  /**
   * Applies every effect in {@code settings}: colour gain, then pixel noise, then depth noise. The
   * colour and depth noises use seeds derived from {@code seed}, so they are not correlated.
   */
  public static void apply(RgbdFrame frame, Settings settings, long seed) {
    if (settings.gainR() != 1 || settings.gainG() != 1 || settings.gainB() != 1) {
      applyColourGain(frame, settings.gainR(), settings.gainG(), settings.gainB());
    }
    if (settings.pixelNoiseSigma() > 0) {
      addPixelNoise(frame, settings.pixelNoiseSigma(), seed);
    }
    if (settings.depthNoisePerSquareMetre() > 0) {
      // A fixed odd constant decorrelates the depth generator from the colour one.
      addDepthNoise(frame, settings.depthNoisePerSquareMetre(), seed * 0x9E3779B97F4A7C15L + 1);
    }
  }

  /** Multiplies each colour channel by its gain, saturating at 255. */
  public static void applyColourGain(RgbdFrame frame, double gainR, double gainG, double gainB) {
    try (Mat rgb = frame.rgbMat();
        Mat scaled = new Mat();
        Mat gains = new Mat(3, 3, CV_64F, new Scalar(0.0));
        DoubleIndexer gainIndexer = gains.createIndexer()) {
      gainIndexer.put(0, 0, gainR);
      gainIndexer.put(1, 1, gainG);
      gainIndexer.put(2, 2, gainB);
      // cv::transform with a diagonal matrix scales each channel; saturate_cast clamps to 0..255.
      opencv_core.transform(rgb, scaled, gains);
      frame.copyRgbFrom(scaled);
    }
  }

  /** Adds zero-mean Gaussian noise of {@code sigma} intensity levels to every colour channel. */
  public static void addPixelNoise(RgbdFrame frame, double sigma, long seed) {
    try (Mat rgb = frame.rgbMat();
        Mat noisy = new Mat();
        Mat noise = new Mat(frame.height(), frame.width(), CV_32FC3);
        Mat mean = new Mat(1, 1, CV_64F, new Scalar(0.0));
        Mat deviation = new Mat(1, 1, CV_64F, new Scalar(sigma));
        RNG rng = new RNG(seed)) {
      rng._fill(noise, RNG.NORMAL, mean, deviation);
      rgb.convertTo(noisy, CV_32FC3);
      opencv_core.add(noisy, noise, noisy);
      noisy.convertTo(rgb, CV_8UC3); // rounds and saturates to 0..255
      frame.copyRgbFrom(rgb);
    }
  }

  /**
   * Adds zero-mean Gaussian noise with standard deviation {@code perSquareMetre * z * z} to every
   * depth; pixels without depth stay NaN.
   */
  public static void addDepthNoise(RgbdFrame frame, double perSquareMetre, long seed) {
    try (Mat depth = frame.depthMat();
        Mat noise = new Mat(frame.height(), frame.width(), CV_32FC1);
        Mat depthSquared = new Mat();
        Mat mean = new Mat(1, 1, CV_64F, new Scalar(0.0));
        Mat deviation = new Mat(1, 1, CV_64F, new Scalar(1.0));
        RNG rng = new RNG(seed)) {
      rng._fill(noise, RNG.NORMAL, mean, deviation);
      opencv_core.multiply(depth, depth, depthSquared);
      opencv_core.multiply(depthSquared, noise, noise, perSquareMetre, -1);
      opencv_core.add(depth, noise, depth); // NaN + noise stays NaN
      frame.copyDepthFrom(depth);
    }
  }
}
