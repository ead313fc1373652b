package dev.vla.sim.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SensorEffectsTest {
  private static final SensorEffects.Settings REALISTIC = new SensorEffects.Settings(4.0, 1.1, 1.0, 0.9, 0.002);

  private static RgbdFrame renderedScene() {
    CameraModel camera = RenderBenchmark.camera();
    RgbdFrame frame = RgbdFrame.forCamera(camera);
    new Renderer(camera).render(RenderBenchmark.tabletopScene(), RenderBenchmark.worldFromCamera(),
        Lighting.standard(), frame);
    return frame;
  }

  private static RgbdFrame copyOf(RgbdFrame frame) {
    RgbdFrame copy = new RgbdFrame(frame.width(), frame.height());
    frame.copyTo(copy);
    return copy;
  }

  @Test
  void sameSeedGivesIdenticalBytes() {
    RgbdFrame clean = renderedScene();
    RgbdFrame first = copyOf(clean);
    RgbdFrame second = copyOf(clean);
    SensorEffects.apply(first, REALISTIC, 1234);
    SensorEffects.apply(second, REALISTIC, 1234);
    assertArrayEquals(first.rgb(), second.rgb());
    assertArrayEquals(first.depth(), second.depth());
    assertFalse(Arrays.equals(clean.rgb(), first.rgb()));
  }

  @Test
  void differentSeedsGiveDifferentNoise() {
    RgbdFrame clean = renderedScene();
    RgbdFrame first = copyOf(clean);
    RgbdFrame second = copyOf(clean);
    SensorEffects.apply(first, REALISTIC, 1);
    SensorEffects.apply(second, REALISTIC, 2);
    assertFalse(Arrays.equals(first.rgb(), second.rgb()));
    assertFalse(Arrays.equals(first.depth(), second.depth()));
  }

  @Test
  void noEffectsLeaveTheFrameUnchanged() {
    RgbdFrame clean = renderedScene();
    RgbdFrame frame = copyOf(clean);
    SensorEffects.apply(frame, SensorEffects.Settings.none(), 7);
    assertArrayEquals(clean.rgb(), frame.rgb());
    assertArrayEquals(clean.depth(), frame.depth());
  }

  @Test
  void pixelNoiseHasTheRequestedSpread() {
    RgbdFrame frame = new RgbdFrame(200, 100);
    Arrays.fill(frame.rgb(), (byte) 128);
    SensorEffects.addPixelNoise(frame, 5.0, 99);
    double sum = 0;
    double sumSquares = 0;
    for (byte value : frame.rgb()) {
      double difference = (value & 0xff) - 128;
      sum += difference;
      sumSquares += difference * difference;
    }
    int n = frame.rgb().length;
    assertEquals(0, sum / n, 0.1);
    // Rounding to whole levels adds 1/12 to the variance.
    assertEquals(5.0, Math.sqrt(sumSquares / n - 1.0 / 12), 0.15);
  }

  @Test
  void colourGainScalesEachChannelAndSaturates() {
    RgbdFrame frame = new RgbdFrame(4, 2);
    for (int p = 0; p < 8; p++) {
      frame.rgb()[3 * p] = 100;
      frame.rgb()[3 * p + 1] = 100;
      frame.rgb()[3 * p + 2] = (byte) 200;
    }
    SensorEffects.applyColourGain(frame, 1.5, 0.5, 2.0);
    assertArrayEquals(new int[] {150, 50, 255}, frame.rgbAt(3, 1));
  }

  @Test
  void depthNoiseGrowsWithTheSquareOfDepthAndKeepsMissingDepth() {
    RgbdFrame frame = new RgbdFrame(200, 100);
    int half = frame.depth().length / 2;
    Arrays.fill(frame.depth(), 0, half, 1.0f);
    Arrays.fill(frame.depth(), half, frame.depth().length - 1, 3.0f);
    frame.depth()[frame.depth().length - 1] = Float.NaN;
    SensorEffects.addDepthNoise(frame, 0.01, 5);
    double nearSpread = spread(frame.depth(), 0, half, 1.0);
    double farSpread = spread(frame.depth(), half, frame.depth().length - 1, 3.0);
    assertEquals(0.01, nearSpread, 0.001);
    assertEquals(0.09, farSpread, 0.009);
    assertTrue(Float.isNaN(frame.depth()[frame.depth().length - 1]));
  }

  private static double spread(float[] values, int from, int to, double truth) {
    double sumSquares = 0;
    for (int i = from; i < to; i++) {
      sumSquares += (values[i] - truth) * (values[i] - truth);
    }
    return Math.sqrt(sumSquares / (to - from));
  }
}
