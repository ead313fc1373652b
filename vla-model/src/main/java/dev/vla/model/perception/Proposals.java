package dev.vla.model.perception;

import dev.vla.affordances.Pose2D;
import dev.vla.model.CameraIntrinsics;
import dev.vla.model.Observation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an RGB-D frame into object proposals without knowing any object class: pixels above the floor
 * (and off the robot's own body) are joined to their neighbours when depth is continuous and the
 * colour (chromaticity, allowing the brightness steps between flat-shaded faces) is alike; each
 * connected set is a proposal. Stateless; allocation per call is a few image-sized arrays.
 */
public final class Proposals {
  /** Most proposals kept (largest first after small ones are dropped). */
  public static final int MAX = 16;
  static final int MIN_AREA = 25;
  /** Points lower than this (metres, base frame) are floor. */
  static final double FLOOR = 0.01;
  /** Points closer than this to the base centre are the robot itself. */
  static final double SELF_RADIUS = 0.33;

  /** The proposals of one frame and the label of every pixel (-1: none). */
  public record Result(List<Proposal> proposals, int[] labels) {}

  private Proposals() {}

  public static Result find(Observation obs) {
    int w = obs.width();
    int h = obs.height();
    int n = w * h;
    Pose2D base = obs.robot().baseInOdom();
    float[] px = new float[n];
    float[] py = new float[n];
    float[] pz = new float[n];
    boolean[] valid = new boolean[n];
    double c = Math.cos(base.yaw());
    double s = Math.sin(base.yaw());
    float[] depth = obs.depth();
    // Back-projection and the odom transform written out per pixel (same arithmetic as
    // CameraIntrinsics.backProject and Rigid.apply, without two small arrays per pixel), and the
    // self-radius test on squared distance: this loop runs 300,000 times per decision.
    CameraIntrinsics cam = obs.intrinsics();
    double[] m = obs.odomFromOptical().m();
    double selfSquared = SELF_RADIUS * SELF_RADIUS;
    for (int i = 0; i < n; i++) {
      float d = depth[i];
      if (!(d > 0) || d == Float.POSITIVE_INFINITY) {
        continue;
      }
      double ox = (i % w - cam.cx()) * d / cam.fx();
      double oy = (i / w - cam.cy()) * d / cam.fy();
      double oz = d;
      double p0 = m[0] * ox + m[1] * oy + m[2] * oz + m[3];
      double p1 = m[4] * ox + m[5] * oy + m[6] * oz + m[7];
      double p2 = m[8] * ox + m[9] * oy + m[10] * oz + m[11];
      double dx = p0 - base.x();
      double dy = p1 - base.y();
      double bx = c * dx + s * dy;
      double by = -s * dx + c * dy;
      if (p2 < FLOOR || bx * bx + by * by < selfSquared) {
        continue;
      }
      px[i] = (float) bx;
      py[i] = (float) by;
      pz[i] = (float) p2;
      valid[i] = true;
    }
    byte[] rgb = obs.rgb();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int v = 0; v < h; v++) {
      for (int u = 0; u < w; u++) {
        int i = v * w + u;
        if (!valid[i]) {
          continue;
        }
        if (u + 1 < w && valid[i + 1] && alike(rgb, depth, i, i + 1)) {
          union(parent, i, i + 1);
        }
        if (v + 1 < h && valid[i + w] && alike(rgb, depth, i, i + w)) {
          union(parent, i, i + w);
        }
      }
    }
    int[] root = new int[n];
    int[] count = new int[n];
    for (int i = 0; i < n; i++) {
      if (valid[i]) {
        root[i] = find(parent, i);
        count[root[i]]++;
      } else {
        root[i] = -1;
      }
    }
    List<Integer> rootList = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (valid[i] && root[i] == i && count[i] >= MIN_AREA) {
        rootList.add(i);
      }
    }
    Integer[] roots = rootList.toArray(new Integer[0]);
    Arrays.sort(roots, Comparator.comparingInt((Integer r) -> -count[r]).thenComparingInt(r -> r));
    int kept = Math.min(MAX, roots.length);
    int[] labelOfRoot = new int[n];
    Arrays.fill(labelOfRoot, -1);
    for (int k = 0; k < kept; k++) {
      labelOfRoot[roots[k]] = k;
    }
    int[] labels = new int[n];
    Acc[] acc = new Acc[kept];
    for (int k = 0; k < kept; k++) {
      acc[k] = new Acc();
    }
    for (int i = 0; i < n; i++) {
      int k = root[i] < 0 ? -1 : labelOfRoot[root[i]];
      labels[i] = k;
      if (k >= 0) {
        acc[k].add(i % w, i / w, rgb, i, px[i], py[i], pz[i]);
      }
    }
    List<Proposal> out = new ArrayList<>(kept);
    for (int k = 0; k < kept; k++) {
      out.add(acc[k].proposal(k));
    }
    return new Result(out, labels);
  }

  /** Neighbouring pixels belong together: continuous depth and the same chromaticity. */
  static boolean alike(byte[] rgb, float[] depth, int a, int b) {
    float da = depth[a];
    float db = depth[b];
    if (Math.abs(da - db) > 0.012f + 0.025f * Math.min(da, db)) {
      return false;
    }
    int ra = rgb[3 * a] & 0xff;
    int ga = rgb[3 * a + 1] & 0xff;
    int ba = rgb[3 * a + 2] & 0xff;
    int rb = rgb[3 * b] & 0xff;
    int gb = rgb[3 * b + 1] & 0xff;
    int bb = rgb[3 * b + 2] & 0xff;
    int sa = ra + ga + ba;
    int sb = rb + gb + bb;
    if (sa < 60 || sb < 60) {
      return sa < 60 && sb < 60; // black joins black; chromaticity of dark pixels is noise
    }
    float ratio = (float) sa / sb;
    if (ratio > 2.6f || ratio < 1 / 2.6f) {
      return false;
    }
    float dr = (float) ra / sa - (float) rb / sb;
    float dg = (float) ga / sa - (float) gb / sb;
    return dr * dr + dg * dg < 0.0025f; // 0.05 in chromaticity
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      if (ra < rb) {
        parent[rb] = ra;
      } else {
        parent[ra] = rb;
      }
    }
  }

  private static final class Acc {
    int area;
    int minU = Integer.MAX_VALUE;
    int minV = Integer.MAX_VALUE;
    int maxU = -1;
    int maxV = -1;
    double r;
    double g;
    double b;
    final double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    final double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    final double[] sum = new double[3];

    void add(int u, int v, byte[] rgb, int i, double x, double y, double z) {
      area++;
      minU = Math.min(minU, u);
      minV = Math.min(minV, v);
      maxU = Math.max(maxU, u);
      maxV = Math.max(maxV, v);
      r += (rgb[3 * i] & 0xff) / 255.0;
      g += (rgb[3 * i + 1] & 0xff) / 255.0;
      b += (rgb[3 * i + 2] & 0xff) / 255.0;
      double[] p = {x, y, z};
      for (int k = 0; k < 3; k++) {
        min[k] = Math.min(min[k], p[k]);
        max[k] = Math.max(max[k], p[k]);
        sum[k] += p[k];
      }
    }

    Proposal proposal(int label) {
      double[] centroid = {sum[0] / area, sum[1] / area, sum[2] / area};
      return new Proposal(label, area, minU, minV, maxU, maxV, new double[] {r / area, g / area, b / area}, min, max,
          centroid, Math.hypot(centroid[0], centroid[1]));
    }
  }
}
