package dev.vla.model.baseline;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.arcLength;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.contourArea;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;

import dev.vla.model.Observation;
import dev.vla.model.language.Vocabulary;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Finds coloured blobs with OpenCV: HSV thresholds for the eight vocabulary colours, a morphological
 * opening, connected components, and each blob's shape (circularity) and 3D extent from the depth
 * image lifted into {@code odom}. Stateless; native memory is released before returning.
 */
final class ColorBlobs {
  static final int MIN_AREA = 40;
  /** Points closer than this to the base centre are the robot itself (a self-filter). */
  static final double SELF_RADIUS = 0.33;
  /** Height that separates things standing on the floor from the floor. */
  static final double ABOVE_FLOOR = 0.012;
  /** Brightness levels either side of a face's level that sensor noise spreads it over. */
  static final int FACET_BAND = 5;
  /** Same-colour blobs closer than this in 3D are one object. */
  static final double MERGE_GAP = 0.05;

  /** A coloured region and what depth says about it. */
  record Blob(
      String color,
      int area,
      int minU, int minV, int maxU, int maxV,
      double circularity,
      double[] min, double[] max,
      double topZ,
      double faceted,
      int[] pixels,
      double[][] points) {

    double width() {
      return Math.max(max[0] - min[0], max[1] - min[1]);
    }

    double height() {
      return topZ - min[2];
    }

    double[] centre() {
      return new double[] {(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + topZ) / 2};
    }

    double centreU() {
      return (minU + maxU) / 2.0;
    }

    /** True when the blob reaches the image border, so part of it may be out of view. */
    boolean clipped(int width, int height) {
      return minU <= 1 || minV <= 1 || maxU >= width - 2 || maxV >= height - 2;
    }
  }

  private ColorBlobs() {}

  static List<Blob> find(Observation obs) {
    int w = obs.width();
    int h = obs.height();
    byte[] hsv = new byte[w * h * 3];
    try (PointerScope scope = new PointerScope()) {
      Mat rgb = new Mat(h, w, CV_8UC3);
      rgb.data().put(obs.rgb());
      Mat hsvMat = new Mat();
      cvtColor(rgb, hsvMat, COLOR_RGB2HSV);
      hsvMat.data().get(hsv);
    }
    int[] label = new int[w * h];
    double rx = obs.robot().baseInOdom().x();
    double ry = obs.robot().baseInOdom().y();
    for (int i = 0; i < w * h; i++) {
      float d = obs.depth()[i];
      double z = 0;
      if (Float.isFinite(d)) {
        double[] o = obs.intrinsics().backProject(i % w, i / w, d);
        double[] p = obs.odomFromOptical().apply(o[0], o[1], o[2]);
        if (Math.hypot(p[0] - rx, p[1] - ry) < SELF_RADIUS) {
          label[i] = -1; // the robot's own body
          continue;
        }
        z = p[2];
      }
      label[i] = classify(hsv[3 * i] & 0xff, hsv[3 * i + 1] & 0xff, hsv[3 * i + 2] & 0xff, z > ABOVE_FLOOR);
    }
    List<Blob> blobs = new ArrayList<>();
    for (int c = 0; c < Vocabulary.COLORS.size(); c++) {
      blobs.addAll(mergeNearby(blobsOfColor(obs, label, hsv, c)));
    }
    return blobs;
  }

  /** Joins blobs of one colour whose 3D boxes nearly touch: one object split by an occluder (the arm). */
  static List<Blob> mergeNearby(List<Blob> blobs) {
    List<Blob> out = new ArrayList<>(blobs);
    boolean merged = true;
    while (merged) {
      merged = false;
      outer:
      for (int i = 0; i < out.size(); i++) {
        for (int j = i + 1; j < out.size(); j++) {
          if (gap(out.get(i), out.get(j)) < MERGE_GAP) {
            Blob m = union(out.get(i), out.get(j));
            out.remove(j);
            out.set(i, m);
            merged = true;
            break outer;
          }
        }
      }
    }
    return out;
  }

  /** Largest per-axis gap between two blobs' 3D boxes (0 when they overlap). */
  private static double gap(Blob a, Blob b) {
    double g = 0;
    for (int k = 0; k < 3; k++) {
      double hiA = k == 2 ? a.topZ() : a.max()[k];
      double hiB = k == 2 ? b.topZ() : b.max()[k];
      g = Math.max(g, Math.max(a.min()[k] - hiB, b.min()[k] - hiA));
    }
    return g;
  }

  private static Blob union(Blob a, Blob b) {
    double[] min = new double[3];
    double[] max = new double[3];
    for (int k = 0; k < 3; k++) {
      min[k] = Math.min(a.min()[k], b.min()[k]);
      max[k] = Math.max(a.max()[k], b.max()[k]);
    }
    int[] pixels = new int[a.pixels().length + b.pixels().length];
    System.arraycopy(a.pixels(), 0, pixels, 0, a.pixels().length);
    System.arraycopy(b.pixels(), 0, pixels, a.pixels().length, b.pixels().length);
    double[][] points = new double[a.points().length + b.points().length][];
    System.arraycopy(a.points(), 0, points, 0, a.points().length);
    System.arraycopy(b.points(), 0, points, a.points().length, b.points().length);
    return new Blob(a.color(), a.area() + b.area(), Math.min(a.minU(), b.minU()), Math.min(a.minV(), b.minV()),
        Math.max(a.maxU(), b.maxU()), Math.max(a.maxV(), b.maxV()), a.area() >= b.area() ? a.circularity() : b.circularity(),
        min, max, Math.max(a.topZ(), b.topZ()), a.area() >= b.area() ? a.faceted() : b.faceted(), pixels, points);
  }

  /**
   * Index into {@link Vocabulary#COLORS}, or -1. OpenCV hue is 0..179. A white object's shaded side is
   * as dark as the grey floor, so dimmer neutral pixels count as white only when they stand above it.
   */
  static int classify(int hue, int sat, int val, boolean aboveFloor) {
    if (val < 35) {
      return 7; // black
    }
    if (sat < 35) {
      return val > 150 || (aboveFloor && val > 110) ? 6 : -1; // white, or grey scenery
    }
    if (sat < 90 || val < 45) {
      return -1;
    }
    if (hue < 8 || hue >= 168) {
      return 0; // red
    }
    if (hue < 19) {
      return 4; // orange
    }
    if (hue < 34) {
      return 3; // yellow
    }
    if (hue < 86) {
      return 1; // green
    }
    if (hue < 93) {
      return -1; // cyan: not in the vocabulary
    }
    if (hue < 131) {
      return 2; // blue
    }
    return 5; // purple
  }

  private static List<Blob> blobsOfColor(Observation obs, int[] label, byte[] hsv, int color) {
    int w = obs.width();
    int h = obs.height();
    byte[] mask = new byte[w * h];
    int count = 0;
    for (int i = 0; i < mask.length; i++) {
      if (label[i] == color) {
        mask[i] = (byte) 255;
        count++;
      }
    }
    List<Blob> out = new ArrayList<>();
    if (count < MIN_AREA) {
      return out;
    }
    try (PointerScope scope = new PointerScope()) {
      Mat m = new Mat(h, w, CV_8UC1);
      m.data().put(mask);
      morphologyEx(m, m, MORPH_OPEN, getStructuringElement(MORPH_RECT, new Size(3, 3)));
      Mat labels = new Mat();
      Mat stats = new Mat();
      Mat centroids = new Mat();
      int n = connectedComponentsWithStats(m, labels, stats, centroids, 8, CV_32S);
      int[] lab = new int[w * h];
      IntBuffer lb = labels.createBuffer();
      lb.get(lab);
      IntBuffer sb = stats.createBuffer();
      int[] st = new int[n * 5];
      sb.get(st);
      for (int k = 1; k < n; k++) {
        int area = st[k * 5 + 4];
        if (area < MIN_AREA) {
          continue;
        }
        int x0 = st[k * 5];
        int y0 = st[k * 5 + 1];
        int bw = st[k * 5 + 2];
        int bh = st[k * 5 + 3];
        Blob b = describe(obs, lab, hsv, k, color, area, x0, y0, bw, bh);
        if (b != null) {
          out.add(b);
        }
      }
    }
    return out;
  }

  private static Blob describe(Observation obs, int[] lab, byte[] hsv, int k, int color, int area, int x0, int y0,
      int bw, int bh) {
    int w = obs.width();
    int[] brightness = new int[256];
    byte[] roi = new byte[bw * bh];
    List<Integer> pix = new ArrayList<>();
    List<double[]> pts = new ArrayList<>();
    double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int v = y0; v < y0 + bh; v++) {
      for (int u = x0; u < x0 + bw; u++) {
        int i = v * w + u;
        if (lab[i] != k) {
          continue;
        }
        roi[(v - y0) * bw + (u - x0)] = (byte) 255;
        brightness[hsv[3 * i + 2] & 0xff]++;
        float d = obs.depth()[i];
        if (!Float.isFinite(d) || d <= 0 || ((u + v) & 1) == 1) {
          continue;
        }
        double[] o = obs.intrinsics().backProject(u, v, d);
        double[] p = obs.odomFromOptical().apply(o[0], o[1], o[2]);
        pix.add(i);
        pts.add(p);
        for (int a = 0; a < 3; a++) {
          min[a] = Math.min(min[a], p[a]);
          max[a] = Math.max(max[a], p[a]);
        }
      }
    }
    if (pts.size() < 8) {
      return null;
    }
    double[] zs = pts.stream().mapToDouble(p -> p[2]).sorted().toArray();
    double top = zs[(int) Math.floor(0.95 * (zs.length - 1))];
    double bottom = zs[(int) Math.floor(0.03 * (zs.length - 1))];
    min[2] = bottom;
    double[] xs = pts.stream().mapToDouble(p -> p[0]).sorted().toArray();
    double[] ys = pts.stream().mapToDouble(p -> p[1]).sorted().toArray();
    min[0] = xs[(int) (0.02 * (xs.length - 1))];
    max[0] = xs[(int) Math.ceil(0.98 * (xs.length - 1))];
    min[1] = ys[(int) (0.02 * (ys.length - 1))];
    max[1] = ys[(int) Math.ceil(0.98 * (ys.length - 1))];
    double circularity = circularity(roi, bw, bh);
    int[] pixels = pix.stream().mapToInt(Integer::intValue).toArray();
    return new Blob(Vocabulary.COLORS.get(color), area, x0, y0, x0 + bw - 1, y0 + bh - 1, circularity, min, max, top,
        faceted(brightness, area), pixels, pts.toArray(new double[0][]));
  }

  /**
   * Share of the blob's pixels within a few brightness levels of its three most common ones. Flat
   * faces of boxes and cylinders each have one brightness; a sphere's shading changes continuously.
   */
  static double faceted(int[] histogram, int total) {
    int covered = 0;
    boolean[] used = new boolean[256];
    for (int peak = 0; peak < 3; peak++) {
      // Count only levels no earlier peak took, so a peak's own shoulder cannot be taken as the next face.
      int best = 0;
      int bestCount = -1;
      for (int v = 0; v < 256; v++) {
        int count = 0;
        for (int d = -FACET_BAND; d <= FACET_BAND; d++) {
          if (v + d >= 0 && v + d < 256 && !used[v + d]) {
            count += histogram[v + d];
          }
        }
        if (count > bestCount) {
          best = v;
          bestCount = count;
        }
      }
      for (int d = -FACET_BAND; d <= FACET_BAND; d++) {
        if (best + d >= 0 && best + d < 256) {
          used[best + d] = true;
        }
      }
      covered += bestCount;
    }
    return total == 0 ? 0 : (double) covered / total;
  }

  /** 4*pi*area / perimeter^2 of the blob's outline: 1 for a disc, ~0.6-0.75 for boxes seen at an angle. */
  private static double circularity(byte[] roi, int bw, int bh) {
    try (PointerScope scope = new PointerScope()) {
      Mat m = new Mat(bh + 2, bw + 2, CV_8UC1);
      byte[] padded = new byte[(bw + 2) * (bh + 2)];
      for (int r = 0; r < bh; r++) {
        System.arraycopy(roi, r * bw, padded, (r + 1) * (bw + 2) + 1, bw);
      }
      m.data().put(padded);
      MatVector contours = new MatVector();
      findContours(m, contours, new Mat(), RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
      double best = 0;
      double bestArea = 0;
      for (long i = 0; i < contours.size(); i++) {
        Mat c = contours.get(i);
        double a = contourArea(c);
        if (a > bestArea) {
          bestArea = a;
          double p = arcLength(c, true);
          best = p > 0 ? 4 * Math.PI * a / (p * p) : 0;
        }
      }
      return best;
    }
  }

  static String describe(Blob b) {
    return String.format(java.util.Locale.ROOT, "%s blob %dpx w=%.2f h=%.2f circ=%.2f faceted=%.2f", b.color(), b.area(),
        b.width(), b.height(), b.circularity(), b.faceted());
  }
}
