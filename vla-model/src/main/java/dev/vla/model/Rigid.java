package dev.vla.model;

/** A rigid transform as a row-major 4x4 matrix; small, immutable, for frames carried in observations. */
public record Rigid(double[] m) {
  public Rigid {
    if (m == null || m.length != 16) {
      throw new IllegalArgumentException("a rigid transform needs 16 values (row-major 4x4)");
    }
    for (double v : m) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("transform has a non-finite entry");
      }
    }
    m = m.clone();
  }

  @Override
  public double[] m() {
    return m.clone();
  }

  public double[] apply(double x, double y, double z) {
    return new double[] {
      m[0] * x + m[1] * y + m[2] * z + m[3],
      m[4] * x + m[5] * y + m[6] * z + m[7],
      m[8] * x + m[9] * y + m[10] * z + m[11]
    };
  }

  /** Inverse of this rigid transform. */
  public Rigid inverse() {
    double[] r = new double[16];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        r[i * 4 + j] = m[j * 4 + i];
      }
    }
    for (int i = 0; i < 3; i++) {
      r[i * 4 + 3] = -(r[i * 4] * m[3] + r[i * 4 + 1] * m[7] + r[i * 4 + 2] * m[11]);
    }
    r[15] = 1;
    return new Rigid(r);
  }

  public static Rigid identity() {
    return new Rigid(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1});
  }
}
