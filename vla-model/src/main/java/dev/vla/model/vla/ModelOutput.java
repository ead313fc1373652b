package dev.vla.model.vla;

import java.util.Map;

/**
 * The model's output heads for one decision (batch of one), by output name: logits for the
 * classification heads, sigmoids for {@code offset} ([MAX, 2]) and {@code affordance} ([1]).
 */
public record ModelOutput(Map<String, float[]> heads) {
  public float[] get(String name) {
    float[] v = heads.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no output '" + name + "'; outputs: " + heads.keySet());
    }
    return v;
  }

  /** Softmax of a logit vector. */
  public static double[] softmax(float[] logits, int from, int length) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < length; i++) {
      max = Math.max(max, logits[from + i]);
    }
    double[] p = new double[length];
    double sum = 0;
    for (int i = 0; i < length; i++) {
      p[i] = Math.exp(logits[from + i] - max);
      sum += p[i];
    }
    for (int i = 0; i < length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  public static int argmax(double[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }
}
