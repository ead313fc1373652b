package dev.vla.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CameraIntrinsicsTest {
  static final CameraIntrinsics K = new CameraIntrinsics(640, 480, 554.26, 554.26, 319.5, 239.5);

  @Property
  void projectUndoesBackProject(@ForAll @DoubleRange(min = -50, max = 700) double u,
      @ForAll @DoubleRange(min = -50, max = 530) double v, @ForAll @DoubleRange(min = 0.05, max = 20) double z) {
    double[] p = K.backProject(u, v, z);
    assertEquals(z, p[2], 0);
    double[] uv = K.project(p[0], p[1], p[2]);
    assertEquals(u, uv[0], 1e-9);
    assertEquals(v, uv[1], 1e-9);
  }

  @Property
  void backProjectUndoesProject(@ForAll @DoubleRange(min = -3, max = 3) double x,
      @ForAll @DoubleRange(min = -3, max = 3) double y, @ForAll @DoubleRange(min = 0.05, max = 20) double z) {
    double[] uv = K.project(x, y, z);
    assertArrayEquals(new double[] {x, y, z}, K.backProject(uv[0], uv[1], z), 1e-9);
  }

  @Test
  void thePrincipalPointIsOnTheOpticalAxis() {
    assertArrayEquals(new double[] {0, 0, 2}, K.backProject(319.5, 239.5, 2), 0);
    assertArrayEquals(new double[] {319.5, 239.5}, K.project(0, 0, 5), 0);
    // one focal length to the right at unit depth is one metre to the right
    assertArrayEquals(new double[] {1, 0, 1}, K.backProject(319.5 + 554.26, 239.5, 1), 1e-12);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"0,480", "640,0", "-1,480", "640,-5"})
  void imageSizeMustBePositive(int w, int h) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CameraIntrinsics(w, h, 500, 500, 320, 240));
    assertTrue(e.getMessage().contains("image size must be positive"), e.getMessage());
    assertTrue(e.getMessage().contains(w + "x" + h), e.getMessage());
  }

  @ParameterizedTest(name = "fx={0} fy={1} cx={2} cy={3}")
  @CsvSource({
      "0,500,320,240", "-500,500,320,240", "NaN,500,320,240", "Infinity,500,320,240",
      "500,0,320,240", "500,NaN,320,240", "500,Infinity,320,240", "500,-Infinity,320,240",
      "500,500,NaN,240", "500,500,Infinity,240", "500,500,320,NaN", "500,500,320,-Infinity"})
  void focalLengthsMustBePositiveAndEverythingFinite(double fx, double fy, double cx, double cy) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CameraIntrinsics(64, 48, fx, fy, cx, cy));
    assertTrue(e.getMessage().contains("focal lengths must be positive"), e.getMessage());
    assertTrue(e.getMessage().contains("fx=" + fx) && e.getMessage().contains("cy=" + cy), e.getMessage());
  }

  @Test
  void aPrincipalPointOutsideTheImageIsAllowed() {
    // Cropped and off-centre sensors have them; only non-finite values are rejected.
    assertEquals(-10.0, new CameraIntrinsics(64, 48, 50, 50, -10, 100).cx());
  }
}
