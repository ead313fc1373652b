package dev.vla.sim.scenario;

/** A rigid transform as a 4x4 homogeneous matrix; immutable. */
public final class Transform {
  private final double[] m; // row-major 4x4

  private Transform(double[] m) {
    this.m = m;
  }

  public static Transform ofRowMajor(double[] m) {
    if (m.length != 16) {
      throw new IllegalArgumentException("a 4x4 transform needs 16 values");
    }
    return new Transform(m.clone());
  }

  public static Transform identity() {
    return new Transform(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1});
  }

  /** Rotation R = Rz(yaw) * Ry(pitch) * Rx(roll), the SDF/URDF convention. */
  public static Transform fromPose(Pose3 p) {
    double cr = Math.cos(p.roll());
    double sr = Math.sin(p.roll());
    double cp = Math.cos(p.pitch());
    double sp = Math.sin(p.pitch());
    double cy = Math.cos(p.yaw());
    double sy = Math.sin(p.yaw());
    return new Transform(new double[] {
      cy * cp, cy * sp * sr - sy * cr, cy * sp * cr + sy * sr, p.x(),
      sy * cp, sy * sp * sr + cy * cr, sy * sp * cr - cy * sr, p.y(),
      -sp, cp * sr, cp * cr, p.z(),
      0, 0, 0, 1
    });
  }

  public static Transform translation(double x, double y, double z) {
    return new Transform(new double[] {1, 0, 0, x, 0, 1, 0, y, 0, 0, 1, z, 0, 0, 0, 1});
  }

  public Transform times(Transform o) {
    double[] r = new double[16];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        double s = 0;
        for (int k = 0; k < 4; k++) {
          s += m[i * 4 + k] * o.m[k * 4 + j];
        }
        r[i * 4 + j] = s;
      }
    }
    return new Transform(r);
  }

  /** Inverse of a rigid transform. */
  public Transform inverse() {
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
    return new Transform(r);
  }

  public double[] apply(double x, double y, double z) {
    return new double[] {
      m[0] * x + m[1] * y + m[2] * z + m[3],
      m[4] * x + m[5] * y + m[6] * z + m[7],
      m[8] * x + m[9] * y + m[10] * z + m[11]
    };
  }

  /** Rotates a direction (no translation). */
  public double[] rotate(double x, double y, double z) {
    return new double[] {
      m[0] * x + m[1] * y + m[2] * z,
      m[4] * x + m[5] * y + m[6] * z,
      m[8] * x + m[9] * y + m[10] * z
    };
  }

  public double[] rowMajor() {
    return m.clone();
  }

  public double get(int row, int col) {
    return m[row * 4 + col];
  }

  public double[] translationPart() {
    return new double[] {m[3], m[7], m[11]};
  }

  public Pose3 toPose() {
    double pitch = Math.asin(Math.max(-1, Math.min(1, -m[8])));
    double roll;
    double yaw;
    if (Math.abs(Math.cos(pitch)) > 1e-9) {
      roll = Math.atan2(m[9], m[10]);
      yaw = Math.atan2(m[4], m[0]);
    } else {
      roll = 0;
      yaw = Math.atan2(-m[1], m[5]);
    }
    return new Pose3(m[3], m[7], m[11], roll, pitch, yaw);
  }
}
