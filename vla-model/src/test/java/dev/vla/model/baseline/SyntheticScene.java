package dev.vla.model.baseline;

import dev.vla.affordances.Pose2D;
import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.RobotState;
import dev.vla.model.CameraIntrinsics;
import dev.vla.model.HistoryStep;
import dev.vla.model.Observation;
import dev.vla.model.Rigid;
import dev.vla.model.TestScenes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ray-cast RGB-D frames of coloured boxes standing on a grey floor, seen by a head camera on a robot at
 * the origin. Box tops are lit brighter than their sides, as under the simulator's overhead light.
 */
public final class SyntheticScene {
  public static final CameraIntrinsics K = new CameraIntrinsics(320, 240, 250, 250, 159.5, 119.5);
  /** Camera 1.2 m up, 5 cm ahead of the base centre, tilted 45 degrees down. */
  public static final Rigid CAMERA = TestScenes.cameraPose(0.05, 0, 1.2, Math.toRadians(45));
  public static final int[] FLOOR_RGB = {115, 115, 110};

  /** An axis-aligned box standing on the floor, with the colour of its top; its sides are 3/4 as bright. */
  public record Box(double cx, double cy, double size, double height, int[] rgb) {
    double[] min() {
      return new double[] {cx - size / 2, cy - size / 2, 0};
    }

    double[] max() {
      return new double[] {cx + size / 2, cy + size / 2, height};
    }
  }

  private final List<Box> boxes = new ArrayList<>();

  public SyntheticScene add(Box b) {
    boxes.add(b);
    return this;
  }

  public Observation observe(String instruction, List<HistoryStep> history) {
    int w = K.width();
    int h = K.height();
    byte[] rgb = new byte[w * h * 3];
    float[] depth = new float[w * h];
    double[] m = CAMERA.m();
    double[] origin = {m[3], m[7], m[11]};
    for (int v = 0; v < h; v++) {
      for (int u = 0; u < w; u++) {
        double[] o = K.backProject(u, v, 1.0);
        // Ray direction in odom for unit optical depth: the ray parameter is the optical depth.
        double[] d = {
          m[0] * o[0] + m[1] * o[1] + m[2] * o[2],
          m[4] * o[0] + m[5] * o[1] + m[6] * o[2],
          m[8] * o[0] + m[9] * o[1] + m[10] * o[2]};
        double best = d[2] < 0 ? -origin[2] / d[2] : Double.POSITIVE_INFINITY;
        int[] colour = FLOOR_RGB;
        for (Box b : boxes) {
          double[] hit = slab(origin, d, b.min(), b.max());
          if (hit != null && hit[0] > 0 && hit[0] < best) {
            best = hit[0];
            boolean top = hit[1] == 2;
            int[] c = b.rgb();
            colour = top ? c : new int[] {c[0] * 3 / 4, c[1] * 3 / 4, c[2] * 3 / 4};
          }
        }
        int i = v * w + u;
        depth[i] = Double.isFinite(best) ? (float) best : Float.NaN;
        for (int k = 0; k < 3; k++) {
          rgb[3 * i + k] = (byte) colour[k];
        }
      }
    }
    RobotGeometry g = RobotGeometry.standard();
    RobotState robot = new RobotState(0, Pose2D.ORIGIN, 0, 0, g.armHome(), g.gripperMaxWidth(), 0, 0, 0, Math.toRadians(45));
    return new Observation(0, rgb, depth, K, CAMERA, robot, instruction, 1, history, Map.of("kitchen", new double[] {5, 0}));
  }

  /** Entry distance of a ray into a box and the axis of the face it enters by, or null when it misses. */
  private static double[] slab(double[] o, double[] d, double[] min, double[] max) {
    double tNear = Double.NEGATIVE_INFINITY;
    double tFar = Double.POSITIVE_INFINITY;
    int axis = -1;
    for (int k = 0; k < 3; k++) {
      if (Math.abs(d[k]) < 1e-12) {
        if (o[k] < min[k] || o[k] > max[k]) {
          return null;
        }
        continue;
      }
      double t1 = (min[k] - o[k]) / d[k];
      double t2 = (max[k] - o[k]) / d[k];
      double lo = Math.min(t1, t2);
      double hi = Math.max(t1, t2);
      if (lo > tNear) {
        tNear = lo;
        axis = k;
      }
      tFar = Math.min(tFar, hi);
    }
    return tNear <= tFar ? new double[] {tNear, axis} : null;
  }
}
