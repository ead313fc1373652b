package dev.vla.model;

import static dev.vla.model.TestScenes.K;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.Pixel;
import dev.vla.affordances.Point3;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lifting the pixel a policy points at to a point in odom, on hand-made depth images. */
class TargetLifterTest {
  static final double EPS = 1e-9;

  static Point3 lift(Observation obs, int u, int v) {
    return TargetLifter.lift(obs, new Pixel(u, v)).orElseThrow(() -> new AssertionError("no point for (" + u + "," + v + ")"));
  }

  static void assertPoint(double x, double y, double z, Point3 p, double eps) {
    assertEquals("odom", p.frameId());
    assertEquals(x, p.x(), eps, "x of " + p);
    assertEquals(y, p.y(), eps, "y of " + p);
    assertEquals(z, p.z(), eps, "z of " + p);
  }

  @ParameterizedTest(name = "pixel ({0},{1})")
  @CsvSource({"31,23", "0,0", "63,47", "10,40", "50,5", "32,24"})
  void aPixelLiftsToItsBackProjectedPointWithTheIdentityPose(int u, int v) {
    Observation obs = TestScenes.observation(K, TestScenes.constantDepth(K, 2.0f), Rigid.identity());
    assertPoint((u - 31.5) * 2.0 / 50, (v - 23.5) * 2.0 / 50, 2.0, lift(obs, u, v), EPS);
  }

  @Test
  void medianIgnoresNanZeroNegativeAndIsolatedOutliers() {
    float[] d = TestScenes.constantDepth(K, 2.0f);
    int u = 20;
    int v = 20;
    // Inside the 5x5 window: eight holes, two non-positive readings and three wild outliers.
    int[][] holes = {{-2, -2}, {-1, -2}, {0, -2}, {1, -2}, {2, -2}, {-2, -1}, {2, 2}, {0, 0}};
    for (int[] h : holes) {
      d[(v + h[1]) * K.width() + u + h[0]] = Float.NaN;
    }
    d[(v + 1) * K.width() + u] = 0f;
    d[(v - 1) * K.width() + u] = -1f;
    d[(v + 1) * K.width() + u + 1] = 0.05f;
    d[(v + 2) * K.width() + u - 2] = 40f;
    d[v * K.width() + u + 2] = Float.POSITIVE_INFINITY;
    // Outside the window: ignored even though wildly different.
    d[v * K.width() + u + 3] = 0.2f;
    Observation obs = TestScenes.observation(K, d, Rigid.identity());
    assertPoint((u - 31.5) * 2.0 / 50, (v - 23.5) * 2.0 / 50, 2.0, lift(obs, u, v), EPS);
  }

  @Test
  void medianOfTheWindowIsTakenNotTheCentrePixel() {
    float[] d = TestScenes.constantDepth(K, 3.0f);
    int u = 30;
    int v = 30;
    // Rows of the window at 1.0, 1.5, 2.0 (centre row), 2.5, 3.0: the median is the centre row's depth.
    for (int dv = -2; dv <= 2; dv++) {
      for (int du = -2; du <= 2; du++) {
        d[(v + dv) * K.width() + u + du] = 2.0f + 0.5f * dv;
      }
    }
    d[v * K.width() + u] = 9f; // the centre pixel itself is an outlier
    Observation obs = TestScenes.observation(K, d, Rigid.identity());
    assertEquals(2.0, lift(obs, u, v).z(), EPS);
    assertEquals(2.0, TargetLifter.medianDepth(obs, u, v, TargetLifter.WINDOW), EPS);
  }

  @Test
  void withNoDepthInTheWindowTheNearestValidPixelsWithinSixPixelsAreUsed() {
    float[] d = TestScenes.constantDepth(K, Float.NaN);
    int u = 30;
    int v = 24;
    d[v * K.width() + u + 5] = 3.0f;
    d[(v - 6) * K.width() + u - 6] = 3.0f; // corner of the 13x13 search square
    d[v * K.width() + u + 7] = 0.5f; // beyond the search square: ignored
    Observation obs = TestScenes.observation(K, d, Rigid.identity());
    // The depth comes from the neighbours, but the point stays on the ray through the pixel itself.
    assertPoint((u - 31.5) * 3.0 / 50, (v - 23.5) * 3.0 / 50, 3.0, lift(obs, u, v), EPS);
  }

  @Test
  void validDepthOnlyBeyondSixPixelsGivesNothing() {
    float[] d = TestScenes.constantDepth(K, Float.NaN);
    d[24 * K.width() + 30 + 7] = 1.0f;
    d[(24 + 7) * K.width() + 30] = 1.0f;
    Observation obs = TestScenes.observation(K, d, Rigid.identity());
    assertEquals(Optional.empty(), TargetLifter.lift(obs, new Pixel(30, 24)));
  }

  @Test
  void allNanGivesNothing() {
    Observation obs = TestScenes.observation(K, TestScenes.constantDepth(K, Float.NaN), Rigid.identity());
    for (int[] p : new int[][] {{0, 0}, {31, 23}, {63, 47}}) {
      assertEquals(Optional.empty(), TargetLifter.lift(obs, new Pixel(p[0], p[1])));
    }
  }

  @Test
  void zeroAndNegativeDepthCountAsNoReturn() {
    float[] d = new float[K.width() * K.height()];
    for (int i = 0; i < d.length; i++) {
      d[i] = i % 2 == 0 ? 0f : -2f;
    }
    Observation obs = TestScenes.observation(K, d, Rigid.identity());
    assertEquals(Optional.empty(), TargetLifter.lift(obs, new Pixel(31, 23)));
  }

  @ParameterizedTest(name = "pixel ({0},{1})")
  @CsvSource({"64,0", "0,48", "64,48", "1000,10", "10,1000"})
  void pixelsOutsideTheImageGiveNothing(int u, int v) {
    Observation obs = TestScenes.observation(K, TestScenes.constantDepth(K, 2.0f), Rigid.identity());
    assertEquals(Optional.empty(), TargetLifter.lift(obs, new Pixel(u, v)));
  }

  @Test
  void aPixelAtTheCornerUsesThePartOfTheWindowInsideTheImage() {
    float[] d = TestScenes.constantDepth(K, Float.NaN);
    d[K.width() + 1] = 1.5f; // (1,1), inside the corner's window
    Observation obs = TestScenes.observation(K, d, Rigid.identity());
    assertPoint((0 - 31.5) * 1.5 / 50, (0 - 23.5) * 1.5 / 50, 1.5, lift(obs, 0, 0), EPS);
  }

  @Test
  void thePointIsMovedIntoOdomByTheCameraPose() {
    // Camera 1.2 m up, 0.1 m ahead of the origin, looking straight down; top of the image toward +x.
    Rigid down = TestScenes.cameraPose(0.1, 0, 1.2, Math.PI / 2);
    Observation obs = TestScenes.observation(K, TestScenes.constantDepth(K, 1.2f), down);
    for (int[] p : new int[][] {{31, 23}, {0, 0}, {63, 47}, {10, 40}}) {
      double x = (p[0] - 31.5) * 1.2 / 50;
      double y = (p[1] - 23.5) * 1.2 / 50;
      // optical x (image right) is odom -y, optical y (image down) is odom -x
      assertPoint(0.1 - y, -x, 0, lift(obs, p[0], p[1]), 1e-6);
    }
  }

  @Test
  void theFloorLiftsToHeightZeroThroughATiltedCamera() {
    Rigid pose = TestScenes.cameraPose(0.05, 0.3, 1.2, Math.toRadians(45));
    float[] d = TestScenes.floorDepth(K, pose);
    assertTrue(Arrays.stream(toDouble(d)).allMatch(Double::isFinite), "every ray of a 45 degree tilt hits the floor");
    Observation obs = TestScenes.observation(K, d, pose);
    // Interior pixels only: the depth of a tilted plane changes row by row, and the window of a pixel
    // within two of the border is cut off on one side, so its median comes from a neighbouring row.
    for (int v = TargetLifter.WINDOW; v < K.height() - TargetLifter.WINDOW; v += 3) {
      for (int u = TargetLifter.WINDOW; u < K.width() - TargetLifter.WINDOW; u += 5) {
        Point3 p = lift(obs, u, v);
        assertEquals(0, p.z(), 1e-5, "floor at (" + u + "," + v + ") lifted to " + p);
        assertTrue(p.x() > 0.05, "the floor seen is ahead of the camera: " + p);
      }
    }
    // The image centre looks 45 degrees down from 1.2 m: the floor 1.2 m ahead, straight in front.
    Point3 centre = lift(obs, 31, 23);
    assertEquals(0.05 + 1.2, centre.x(), 0.03);
    assertEquals(0.3, centre.y(), 0.03);
  }

  private static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }
}
