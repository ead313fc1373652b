package dev.vla.ros.nodes;

import dev.vla.model.Rigid;
import dev.vla.ros.msg.TFMessage;
import dev.vla.ros.msg.TransformStamped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The newest transform of every frame from {@code /tf}, and lookups along the chain of parents. Keeps
 * only the latest (decisions are made while the robot stands still). Owned by one node thread.
 */
final class TfBuffer {
  private final Map<String, TransformStamped> byChild = new HashMap<>();

  void add(TFMessage msg) {
    for (TransformStamped t : msg.transforms()) {
      byChild.put(t.childFrameId(), t);
    }
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
