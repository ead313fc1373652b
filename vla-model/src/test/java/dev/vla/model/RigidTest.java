package dev.vla.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RigidTest {

  /** A rigid transform from a unit quaternion (w, x, y, z) and a translation. */
  static Rigid fromQuaternion(double qw, double qx, double qy, double qz, double tx, double ty, double tz) {
    double n = Math.sqrt(qw * qw + qx * qx + qy * qy + qz * qz);
    double w = qw / n;
    double x = qx / n;
    double y = qy / n;
    double z = qz / n;
    return new Rigid(new double[] {
      1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w), tx,
      2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w), ty,
      2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y), tz,
      0, 0, 0, 1});
  }

  @Provide
  Arbitrary<Rigid> rigids() {
    Arbitrary<Double> q = Arbitraries.doubles().between(-1, 1);
    Arbitrary<Double> t = Arbitraries.doubles().between(-20, 20);
    return Combinators.combine(q, q, q, q, t, t, t).as((qw, qx, qy, qz, tx, ty, tz) -> {
      double n = Math.sqrt(qw * qw + qx * qx + qy * qy + qz * qz);
      return n < 1e-3 ? fromQuaternion(1, 0, 0, 0, tx, ty, tz) : fromQuaternion(qw, qx, qy, qz, tx, ty, tz);
    });
  }

  @Property
  void inverseUndoesApply(@ForAll("rigids") Rigid t, @ForAll @DoubleRange(min = -10, max = 10) double x,
      @ForAll @DoubleRange(min = -10, max = 10) double y, @ForAll @DoubleRange(min = -10, max = 10) double z) {
    double[] p = t.apply(x, y, z);
    assertArrayEquals(new double[] {x, y, z}, t.inverse().apply(p[0], p[1], p[2]), 1e-9);
    double[] q = t.inverse().apply(x, y, z);
    assertArrayEquals(new double[] {x, y, z}, t.apply(q[0], q[1], q[2]), 1e-9);
  }

  @Property
  void inverseOfTheInverseIsTheTransform(@ForAll("rigids") Rigid t) {
    assertArrayEquals(t.m(), t.inverse().inverse().m(), 1e-12);
  }

  @Property
  void applyPreservesDistances(@ForAll("rigids") Rigid t, @ForAll @DoubleRange(min = -5, max = 5) double x,
      @ForAll @DoubleRange(min = -5, max = 5) double y) {
    double[] a = t.apply(x, y, 0);
    double[] b = t.apply(0, 0, 1);
    double expected = Math.sqrt(x * x + y * y + 1);
    assertEquals(expected, Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2)), 1e-9);
  }

  @Test
  void identityLeavesPointsAlone() {
    assertArrayEquals(new double[] {1, -2, 3}, Rigid.identity().apply(1, -2, 3), 0);
    assertArrayEquals(Rigid.identity().m(), Rigid.identity().inverse().m(), 0);
  }

  @Test
  void aQuarterTurnAboutZWithATranslation() {
    Rigid t = fromQuaternion(Math.cos(Math.PI / 4), 0, 0, Math.sin(Math.PI / 4), 1, 2, 3);
    assertArrayEquals(new double[] {1, 3, 3}, t.apply(1, 0, 0), 1e-12); // x axis turns to y, then shifts
    assertArrayEquals(new double[] {1, 0, 0}, t.inverse().apply(1, 3, 3), 1e-12);
    assertArrayEquals(new double[] {0, 0, 1}, new double[] {t.m()[12], t.m()[13], t.m()[15]}, 0);
  }

  @Test
  void entriesAreCopiedInAndOut() {
    double[] m = Rigid.identity().m();
    Rigid t = new Rigid(m);
    m[3] = 99;
    assertEquals(0, t.m()[3]);
    double[] out = t.m();
    out[7] = 42;
    assertEquals(0, t.m()[7]);
    assertNotSame(t.m(), t.m());
  }

  @ParameterizedTest(name = "{0} entries")
  @ValueSource(ints = {0, 9, 12, 15, 17})
  void needsSixteenEntries(int n) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Rigid(new double[n]));
    assertTrue(e.getMessage().contains("16 values"), e.getMessage());
  }

  @Test
  void nullIsRejectedWithTheSameMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Rigid(null));
    assertTrue(e.getMessage().contains("16 values"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void nonFiniteEntriesAreRejected(double bad) {
    for (int i = 0; i < 16; i++) {
      double[] m = Rigid.identity().m();
      m[i] = bad;
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Rigid(m));
      assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
    }
  }
}
