package dev.vla.ros.nodes;

import dev.vla.model.Rigid;
import dev.vla.ros.msg.Quaternion;
import dev.vla.ros.msg.TFMessage;
import dev.vla.ros.msg.TransformStamped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The newest transform of every frame from {@code /tf}, and lookups along the chain of parents. Keeps
 * only the latest (decisions are made while the robot stands still). Transforms with a non-finite
 * translation or rotation, or a rotation that is not a unit quaternion (tf2's 1% tolerance), are refused
 * and the previous transform of that frame is kept. Owned by one node thread.
 */
final class TfBuffer {
  /** How far a rotation's norm may be from 1, as tf2 allows. */
  static final double QUATERNION_TOLERANCE = 0.01;
  private static final System.Logger LOG = System.getLogger(TfBuffer.class.getName());

  private final Map<String, TransformStamped> byChild = new HashMap<>();
  private long refused;
  private String lastRefusal = "";

  void add(TFMessage msg) {
    for (TransformStamped t : msg.transforms()) {
      Optional<String> problem = problem(t);
      if (problem.isPresent()) {
        refused++;
        lastRefusal = problem.get();
        if (refused == 1 || refused % 100 == 0) {
          LOG.log(System.Logger.Level.WARNING, "ignored " + refused + " transform(s) on /tf; last: " + lastRefusal);
        }
        continue;
      }
      byChild.put(t.childFrameId(), t);
    }
  }

  /** Transforms refused so far. */
  long refused() {
    return refused;
  }

  /** Why the last transform was refused; empty when none was. */
  String lastRefusal() {
    return lastRefusal;
  }

  /** Why {@code t} cannot be used, or empty when it can. */
  static Optional<String> problem(TransformStamped t) {
    String which = t.childFrameId() + " in " + t.header().frameId();
    if (!t.translation().finite()) {
      return Optional.of("translation of " + which + " is not finite: " + t.translation());
    }
    Quaternion q = t.rotation();
    double norm = Math.sqrt(q.x() * q.x() + q.y() * q.y() + q.z() * q.z() + q.w() * q.w());
    if (!Double.isFinite(q.x()) || !Double.isFinite(q.y()) || !Double.isFinite(q.z()) || !Double.isFinite(q.w())) {
      return Optional.of("rotation of " + which + " is not finite: " + q);
    }
    if (!(Math.abs(norm - 1) <= QUATERNION_TOLERANCE)) {
      return Optional.of("rotation of " + which + " is not a unit quaternion (norm " + norm + "): " + q);
    }
    return Optional.empty();
  }

  /** target ← source: the pose of {@code source} in {@code target}, when both are on one chain. */
  Optional<Rigid> lookup(String target, String source) {
    double[] m = identity();
    String frame = source;
    int guard = 0;
    while (!frame.equals(target)) {
      TransformStamped t = byChild.get(frame);
      if (t == null || guard++ > 32) {
        return Optional.empty();
      }
      m = multiply(t.matrix(), m);
      frame = t.header().frameId();
    }
    for (double v : m) {
      if (!Double.isFinite(v)) {
        return Optional.empty(); // finite links whose chain overflows (translations near 1e308)
      }
    }
    return Optional.of(new Rigid(m));
  }

  private static double[] identity() {
    return new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
  }

  private static double[] multiply(double[] a, double[] b) {
    double[] r = new double[16];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        double s = 0;
        for (int k = 0; k < 4; k++) {
          s += a[i * 4 + k] * b[k * 4 + j];
        }
        r[i * 4 + j] = s;
      }
    }
    return r;
  }
}
