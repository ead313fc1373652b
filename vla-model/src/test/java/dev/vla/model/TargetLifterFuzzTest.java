package dev.vla.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.Pixel;
import dev.vla.affordances.Point3;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Depth images with NaN, infinite, negative, denormal and overflowing values, under camera poses with
 * entries near the largest double: lifting a pixel gives a finite point or none, never an exception from
 * the point it would have built.
 */
class TargetLifterFuzzTest {
  static final CameraIntrinsics K = TestScenes.K;

  static final float[] HOSTILE = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE, 3e38f,
      1e30f, -1f, 0f, -0f, Float.MIN_VALUE, 1e-30f, 0.5f, 1.5f, 4f};

  /** A depth image of hostile values: each pixel one of {@link #HOSTILE} or a plausible depth, by seed. */
  @Provide
  Arbitrary<float[]> depthImages() {
    return Arbitraries.longs().map(seed -> {
      java.util.Random rng = new java.util.Random(seed);
      float[] d = new float[K.width() * K.height()];
      float plausible = 0.05f + 10 * rng.nextFloat();
      int hostileShare = rng.nextInt(101);
      for (int i = 0; i < d.length; i++) {
        d[i] = rng.nextInt(100) < hostileShare ? HOSTILE[rng.nextInt(HOSTILE.length)] : plausible;
      }
      return d;
    });
  }

  @Provide
  Arbitrary<Double> entries() {
    return Arbitraries.oneOf(Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -1e300, 1e154, 0.0, 1.0, -1.0),
        Arbitraries.doubles().between(-5, 5));
  }

  @Provide
  Arbitrary<Rigid> poses() {
    return Arbitraries.oneOf(
        Arbitraries.just(TestScenes.cameraPose(0, 0, 1.2, 0.6)),
        entries().array(double[].class).ofSize(12).map(a -> new Rigid(new double[] {a[0], a[1], a[2], a[3], a[4], a[5],
            a[6], a[7], a[8], a[9], a[10], a[11], 0, 0, 0, 1})));
  }

  @Property(tries = 1500)
  void aLiftedPointIsFiniteOrAbsent(@ForAll("depthImages") float[] depth, @ForAll("poses") Rigid pose,
      @ForAll @IntRange(min = 0, max = 70) int u, @ForAll @IntRange(min = 0, max = 50) int v) {
    Observation obs = TestScenes.observation(K, depth, pose);
    Optional<Point3> p = TargetLifter.lift(obs, new Pixel(u, v));
    p.ifPresent(point -> assertTrue(Double.isFinite(point.x()) && Double.isFinite(point.y())
        && Double.isFinite(point.z())));
  }

  @Test
  void anOverflowingDepthGivesNoPoint() {
    float[] depth = TestScenes.constantDepth(K, Float.MAX_VALUE);
    Rigid pose = new Rigid(new double[] {1e300, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1});
    assertTrue(TargetLifter.lift(TestScenes.observation(K, depth, pose), new Pixel(0, 0)).isEmpty());
  }
}
