package dev.vla.sim.render;

import dev.vla.sim.scenario.Geometry;
import dev.vla.sim.scenario.Rgba;
import dev.vla.sim.scenario.Transform;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws solids into an {@link RgbdFrame} as a pinhole camera sees them: colour, depth and the id of
 * the visible solid per pixel.
 *
 * <p>How: each geometry is tessellated once (box 12 triangles, cylinder 32 segments, sphere 16
 * stacks by 32 slices, plane 2 triangles) and cached by value. Every frame the triangles are moved
 * into the camera's optical frame, culled when they face away (closed solids) or lie wholly outside
 * the view, clipped against the near plane, and filled span by span with a z-buffer. Each pixel is
 * sampled at its centre {@code (i + 0.5, j + 0.5)} (see {@link CameraModel}); its depth comes from
 * intersecting that pixel's ray with the triangle's plane, so planar faces get their exact depth.
 * Shading is flat, one colour per triangle, from {@link Lighting}; there are no shadows. Closed
 * solids are seen from outside only (a camera inside a box sees out through it); planes from both
 * sides. The far limit only blanks depth: surfaces beyond it still get colour and id.
 *
 * <p>Rasterisation with a z-buffer is done in Java because OpenCV has no depth-tested triangle fill;
 * OpenCV handles the image buffers, sensor effects and encoding ({@link RgbdFrame}, {@link
 * SensorEffects}).
 *
 * <p>Threading and lifecycle: a renderer keeps scratch buffers and its tessellation cache between
 * frames and must be used by one thread at a time; use one renderer per rendering thread. It holds
 * no native resources. The tessellation cache grows with the number of distinct geometries drawn.
 */
public final class Renderer {
  /** Colour of pixels where nothing is hit, a neutral light grey. */
  public static final int BACKGROUND_R = 200;
  public static final int BACKGROUND_G = 205;
  public static final int BACKGROUND_B = 210;

  private static final int OUTSIDE_LEFT = 1;
  private static final int OUTSIDE_RIGHT = 2;
  private static final int OUTSIDE_TOP = 4;
  private static final int OUTSIDE_BOTTOM = 8;
  private static final int BEHIND_NEAR = 16;

  /** Slack, in pixels, when deciding whether a pixel centre lies inside a triangle; avoids cracks. */
  private static final double EDGE_SLACK_PIXELS = 1e-6;

  private final CameraModel camera;
  private final int width;
  private final int height;
  private final double fx;
  private final double fy;
  private final double cx;
  private final double cy;
  private final double near;
  private final double far;
  /** Unit normals (x, z) or (y, z) of the four side planes of the view frustum, pointing inwards. */
  private final double leftNx;
  private final double leftNz;
  private final double rightNx;
  private final double rightNz;
  private final double topNy;
  private final double topNz;
  private final double bottomNy;
  private final double bottomNz;

  private final Map<Geometry, Mesh> meshes = new HashMap<>();
  /** The z-buffer: 1/z of the nearest surface drawn so far, 0 where nothing is drawn. */
  private final float[] inverseDepth;
  /** Scratch per frame: camera-frame vertices of the solid being drawn, their projections, outcodes. */
  private double[] cameraVertices = new double[0];
  private double[] screenX = new double[0];
  private double[] screenY = new double[0];
  private int[] outcodes = new int[0];
  /** The rotation and translation from a solid's frame to the optical frame, rows of 4. */
  private final double[] cameraFromSolid = new double[12];
  /** A triangle clipped by the near plane has at most 4 corners: their screen x and y. */
  private final double[] clippedX = new double[4];
  private final double[] clippedY = new double[4];

  /** Per-frame state read by the triangle loop. */
  private double towardLightX;
  private double towardLightY;
  private double towardLightZ;
  private double ambient;
  private double diffuse;

  public Renderer(CameraModel camera) {
    this.camera = camera;
    this.width = camera.width();
    this.height = camera.height();
    this.fx = camera.fx();
    this.fy = camera.fy();
    this.cx = camera.cx();
    this.cy = camera.cy();
    this.near = camera.nearMetres();
    this.far = camera.farMetres();
    // u >= 0  <=>  fx*x + cx*z >= 0, and likewise for the other three image edges.
    double leftNorm = Math.hypot(fx, cx);
    leftNx = fx / leftNorm;
    leftNz = cx / leftNorm;
    double rightNorm = Math.hypot(fx, width - cx);
    rightNx = -fx / rightNorm;
    rightNz = (width - cx) / rightNorm;
    double topNorm = Math.hypot(fy, cy);
    topNy = fy / topNorm;
    topNz = cy / topNorm;
    double bottomNorm = Math.hypot(fy, height - cy);
    bottomNy = -fy / bottomNorm;
    bottomNz = (height - cy) / bottomNorm;
    this.inverseDepth = new float[width * height];
  }

  public CameraModel camera() {
    return camera;
  }

  /**
   * Renders the solids as seen from a camera whose optical frame (x right, y down, z forward, REP-103
   * optical) is given by {@code worldFromCamera}; overwrites every pixel of {@code out}. See {@link
   * CameraPoses} to build that transform from a pose in the world.
   *
   * @throws IllegalArgumentException when {@code out} is not the camera's size
   */
  public void render(List<Solid> solids, Transform worldFromCamera, Lighting lighting, RgbdFrame out) {
    if (out.width() != width || out.height() != height) {
      throw new IllegalArgumentException("frame is " + out.width() + "x" + out.height()
          + " but the camera is " + width + "x" + height);
    }
    Transform cameraFromWorld = worldFromCamera.inverse();
    double[] lightWorld = lighting.directionWorld();
    double[] lightCamera = cameraFromWorld.rotate(lightWorld[0], lightWorld[1], lightWorld[2]);
    towardLightX = -lightCamera[0];
    towardLightY = -lightCamera[1];
    towardLightZ = -lightCamera[2];
    ambient = lighting.ambient();
    diffuse = lighting.diffuse();

    Arrays.fill(inverseDepth, 0f);
    for (int s = 0; s < solids.size(); s++) {
      drawSolid(solids.get(s), cameraFromWorld, lighting.brightness(), out.rgb(), out.ids());
    }
    resolve(out);
  }

  /** Turns the z-buffer into depth and fills the background where nothing was drawn. */
  private void resolve(RgbdFrame out) {
    byte[] rgb = out.rgb();
    float[] depth = out.depth();
    int[] ids = out.ids();
    byte backgroundR = (byte) BACKGROUND_R;
    byte backgroundG = (byte) BACKGROUND_G;
    byte backgroundB = (byte) BACKGROUND_B;
    for (int p = 0; p < inverseDepth.length; p++) {
      float inverse = inverseDepth[p];
      if (inverse > 0f) {
        double z = 1.0 / inverse;
        depth[p] = z <= far ? (float) z : Float.NaN;
      } else {
        depth[p] = Float.NaN;
        ids[p] = -1;
        rgb[3 * p] = backgroundR;
        rgb[3 * p + 1] = backgroundG;
        rgb[3 * p + 2] = backgroundB;
      }
    }
  }

  private void drawSolid(Solid solid, Transform cameraFromWorld, double brightness, byte[] rgb, int[] ids) {
    Mesh mesh = meshes.computeIfAbsent(solid.geometry(), Mesh::of);
    composeCameraFromSolid(cameraFromWorld, solid.worldFromSolid());
    double[] m = cameraFromSolid;
    if (!boundingSphereVisible(m[3], m[7], m[11], mesh.boundingRadius)) {
      return;
    }
    transformVertices(mesh);

    Rgba color = solid.color();
    double albedoR = 255 * clamp01(color.r()) * brightness;
    double albedoG = 255 * clamp01(color.g()) * brightness;
    double albedoB = 255 * clamp01(color.b()) * brightness;
    int id = solid.id();
    int[] tris = mesh.triangles;
    double[] v = cameraVertices;
    for (int t = 0; t < tris.length; t += 3) {
      int i0 = tris[t];
      int i1 = tris[t + 1];
      int i2 = tris[t + 2];
      int codes0 = outcodes[i0];
      int codes1 = outcodes[i1];
      int codes2 = outcodes[i2];
      if ((codes0 & codes1 & codes2) != 0) {
        continue; // wholly behind one plane of the frustum
      }
      double x0 = v[3 * i0];
      double y0 = v[3 * i0 + 1];
      double z0 = v[3 * i0 + 2];
      double e1x = v[3 * i1] - x0;
      double e1y = v[3 * i1 + 1] - y0;
      double e1z = v[3 * i1 + 2] - z0;
      double e2x = v[3 * i2] - x0;
      double e2y = v[3 * i2 + 1] - y0;
      double e2z = v[3 * i2 + 2] - z0;
      double nx = e1y * e2z - e1z * e2y;
      double ny = e1z * e2x - e1x * e2z;
      double nz = e1x * e2y - e1y * e2x;
      // The triangle's plane is n.p = d; the camera (origin) sees its front when d < 0.
      double d = nx * x0 + ny * y0 + nz * z0;
      if (d > 0) {
        if (!mesh.twoSided) {
          continue;
        }
        nx = -nx;
        ny = -ny;
        nz = -nz;
        d = -d;
      }
      double normLength = Math.sqrt(nx * nx + ny * ny + nz * nz);
      if (!(-d > 1e-9 * normLength)) {
        continue; // seen edge-on (or degenerate): covers no pixel
      }
      double lambert = Math.max(0, (nx * towardLightX + ny * towardLightY + nz * towardLightZ) / normLength);
      double intensity = ambient + diffuse * lambert;
      int r = toByte(albedoR * intensity);
      int g = toByte(albedoG * intensity);
      int b = toByte(albedoB * intensity);
      // 1/z on the pixel ray through (u, v) is affine in u and v: a*u + b*v + c.
      double inverseDepthPerU = nx / (fx * d);
      double inverseDepthPerV = ny / (fy * d);
      double inverseDepthAtOrigin = (nz - nx * cx / fx - ny * cy / fy) / d;
      if (((codes0 | codes1 | codes2) & BEHIND_NEAR) == 0) {
        fillTriangle(screenX[i0], screenY[i0], screenX[i1], screenY[i1], screenX[i2], screenY[i2],
            inverseDepthPerU, inverseDepthPerV, inverseDepthAtOrigin, r, g, b, id, rgb, ids);
      } else {
        int corners = clipAgainstNearPlane(i0, i1, i2);
        for (int k = 1; k + 1 < corners; k++) {
          fillTriangle(clippedX[0], clippedY[0], clippedX[k], clippedY[k], clippedX[k + 1], clippedY[k + 1],
              inverseDepthPerU, inverseDepthPerV, inverseDepthAtOrigin, r, g, b, id, rgb, ids);
        }
      }
    }
  }

  private void composeCameraFromSolid(Transform cameraFromWorld, Transform worldFromSolid) {
    for (int row = 0; row < 3; row++) {
      double a0 = cameraFromWorld.get(row, 0);
      double a1 = cameraFromWorld.get(row, 1);
      double a2 = cameraFromWorld.get(row, 2);
      for (int col = 0; col < 4; col++) {
        cameraFromSolid[4 * row + col] = a0 * worldFromSolid.get(0, col)
            + a1 * worldFromSolid.get(1, col) + a2 * worldFromSolid.get(2, col);
      }
      cameraFromSolid[4 * row + 3] += cameraFromWorld.get(row, 3);
    }
  }

  private boolean boundingSphereVisible(double x, double y, double z, double radius) {
    return z + radius >= near
        && leftNx * x + leftNz * z >= -radius
        && rightNx * x + rightNz * z >= -radius
        && topNy * y + topNz * z >= -radius
        && bottomNy * y + bottomNz * z >= -radius;
  }

  /** Moves the mesh into the optical frame, projects what lies beyond the near plane, sets outcodes. */
  private void transformVertices(Mesh mesh) {
    int count = mesh.vertexCount();
    if (outcodes.length < count) {
      cameraVertices = new double[3 * count];
      screenX = new double[count];
      screenY = new double[count];
      outcodes = new int[count];
    }
    double[] m = cameraFromSolid;
    double[] local = mesh.vertices;
    for (int i = 0; i < count; i++) {
      double lx = local[3 * i];
      double ly = local[3 * i + 1];
      double lz = local[3 * i + 2];
      double x = m[0] * lx + m[1] * ly + m[2] * lz + m[3];
      double y = m[4] * lx + m[5] * ly + m[6] * lz + m[7];
      double z = m[8] * lx + m[9] * ly + m[10] * lz + m[11];
      cameraVertices[3 * i] = x;
      cameraVertices[3 * i + 1] = y;
      cameraVertices[3 * i + 2] = z;
      int codes = 0;
      if (fx * x + cx * z < 0) {
        codes |= OUTSIDE_LEFT;
      }
      if (-fx * x + (width - cx) * z < 0) {
        codes |= OUTSIDE_RIGHT;
      }
      if (fy * y + cy * z < 0) {
        codes |= OUTSIDE_TOP;
      }
      if (-fy * y + (height - cy) * z < 0) {
        codes |= OUTSIDE_BOTTOM;
      }
      if (z < near) {
        codes |= BEHIND_NEAR;
      } else {
        screenX[i] = fx * x / z + cx;
        screenY[i] = fy * y / z + cy;
      }
      outcodes[i] = codes;
    }
  }

  /**
   * Clips the triangle to the part with z >= near (Sutherland-Hodgman against one plane) and writes
   * its projected corners to {@link #clippedX}/{@link #clippedY}.
   *
   * @return the number of corners, 0, 3 or 4
   */
  private int clipAgainstNearPlane(int i0, int i1, int i2) {
    int corners = 0;
    for (int k = 0; k < 3; k++) {
      int a = k == 0 ? i0 : k == 1 ? i1 : i2;
      int b = k == 0 ? i1 : k == 1 ? i2 : i0;
      double za = cameraVertices[3 * a + 2];
      double zb = cameraVertices[3 * b + 2];
      boolean aInside = za >= near;
      boolean bInside = zb >= near;
      if (aInside) {
        clippedX[corners] = screenX[a];
        clippedY[corners] = screenY[a];
        corners++;
      }
      if (aInside != bInside) {
        double s = (near - za) / (zb - za);
        double x = cameraVertices[3 * a] + s * (cameraVertices[3 * b] - cameraVertices[3 * a]);
        double y = cameraVertices[3 * a + 1] + s * (cameraVertices[3 * b + 1] - cameraVertices[3 * a + 1]);
        clippedX[corners] = fx * x / near + cx;
        clippedY[corners] = fy * y / near + cy;
        corners++;
      }
    }
    return corners;
  }

  /**
   * Fills the pixels whose centres lie in the screen triangle, row by row: for each row the edge
   * functions give the span of columns inside, so no pixel outside is visited.
   */
  private void fillTriangle(
      double x0, double y0, double x1, double y1, double x2, double y2,
      double inverseDepthPerU, double inverseDepthPerV, double inverseDepthAtOrigin,
      int r, int g, int b, int id, byte[] rgb, int[] ids) {
    double area = (x1 - x0) * (y2 - y0) - (y1 - y0) * (x2 - x0);
    if (area < 0) {
      double swapX = x1;
      double swapY = y1;
      x1 = x2;
      y1 = y2;
      x2 = swapX;
      y2 = swapY;
    } else if (!(area > 0)) {
      return;
    }
    // Edge a->b: E(x, y) = (bx - ax)(y - ay) - (by - ay)(x - ax) = A x + B y + C, >= 0 inside.
    double a01 = -(y1 - y0);
    double b01 = x1 - x0;
    double c01 = -(a01 * x0 + b01 * y0);
    double a12 = -(y2 - y1);
    double b12 = x2 - x1;
    double c12 = -(a12 * x1 + b12 * y1);
    double a20 = -(y0 - y2);
    double b20 = x0 - x2;
    double c20 = -(a20 * x2 + b20 * y2);

    double top = Math.min(y0, Math.min(y1, y2));
    double bottom = Math.max(y0, Math.max(y1, y2));
    int firstRow = (int) Math.max(0, Math.ceil(top - 0.5 - EDGE_SLACK_PIXELS));
    int lastRow = (int) Math.min(height - 1, Math.floor(bottom - 0.5 + EDGE_SLACK_PIXELS));
    float[] zBuffer = inverseDepth;
    byte red = (byte) r;
    byte green = (byte) g;
    byte blue = (byte) b;
    for (int row = firstRow; row <= lastRow; row++) {
      double py = row + 0.5;
      double left = 0;
      double right = width - 1;
      // Each edge bounds the row's span from the left (A > 0) or the right (A < 0).
      double e = b01 * py + c01;
      if (a01 > 0) {
        left = Math.max(left, Math.ceil(-e / a01 - 0.5 - EDGE_SLACK_PIXELS));
      } else if (a01 < 0) {
        right = Math.min(right, Math.floor(-e / a01 - 0.5 + EDGE_SLACK_PIXELS));
      } else if (e < -EDGE_SLACK_PIXELS * Math.abs(b01)) {
        continue;
      }
      e = b12 * py + c12;
      if (a12 > 0) {
        left = Math.max(left, Math.ceil(-e / a12 - 0.5 - EDGE_SLACK_PIXELS));
      } else if (a12 < 0) {
        right = Math.min(right, Math.floor(-e / a12 - 0.5 + EDGE_SLACK_PIXELS));
      } else if (e < -EDGE_SLACK_PIXELS * Math.abs(b12)) {
        continue;
      }
      e = b20 * py + c20;
      if (a20 > 0) {
        left = Math.max(left, Math.ceil(-e / a20 - 0.5 - EDGE_SLACK_PIXELS));
      } else if (a20 < 0) {
        right = Math.min(right, Math.floor(-e / a20 - 0.5 + EDGE_SLACK_PIXELS));
      } else if (e < -EDGE_SLACK_PIXELS * Math.abs(b20)) {
        continue;
      }
      if (left > right) {
        continue;
      }
      int first = (int) left;
      int last = (int) right;
      int rowStart = row * width;
      // 1/z at the centre of pixel (i, row) is inverseDepthAtColumnZero + i * inverseDepthPerU.
      double inverseDepthAtColumnZero = inverseDepthAtOrigin + inverseDepthPerV * py + inverseDepthPerU * 0.5;
      for (int column = first; column <= last; column++) {
        float candidate = (float) (inverseDepthAtColumnZero + inverseDepthPerU * column);
        int p = rowStart + column;
        if (candidate > zBuffer[p]) {
          zBuffer[p] = candidate;
          ids[p] = id;
          rgb[3 * p] = red;
          rgb[3 * p + 1] = green;
          rgb[3 * p + 2] = blue;
        }
      }
    }
  }

  private static double clamp01(double value) {
    return Math.max(0, Math.min(1, value));
  }

  private static int toByte(double value) {
    return (int) Math.max(0, Math.min(255, Math.round(value)));
  }
}
