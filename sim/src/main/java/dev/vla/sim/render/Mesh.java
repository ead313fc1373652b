package dev.vla.sim.render;

import dev.vla.sim.scenario.Geometry;

/**
 * A triangle mesh of one geometry in the geometry's own frame. Immutable once built, so one mesh can
 * be shared by every solid with an equal geometry.
 *
 * <p>Closed meshes (box, cylinder, sphere) wind every triangle counter-clockwise seen from outside,
 * so that {@code (v1 - v0) x (v2 - v0)} points outwards; the renderer culls the triangles facing
 * away from the camera. A plane is open and drawn from both sides.
 */
final class Mesh {
  static final int CYLINDER_SEGMENTS = 32;
  static final int SPHERE_STACKS = 16;
  static final int SPHERE_SLICES = 32;

  /** x, y, z of each vertex. */
  final double[] vertices;
  /** Three vertex indices per triangle. */
  final int[] triangles;
  final boolean twoSided;
  /** Radius of a sphere about the frame origin that holds every vertex, for frustum culling. */
  final double boundingRadius;

  private Mesh(double[] vertices, int[] triangles, boolean twoSided) {
    this.vertices = vertices;
    this.triangles = triangles;
    this.twoSided = twoSided;
    double radiusSquared = 0;
    for (int i = 0; i < vertices.length; i += 3) {
      radiusSquared = Math.max(radiusSquared,
          vertices[i] * vertices[i] + vertices[i + 1] * vertices[i + 1] + vertices[i + 2] * vertices[i + 2]);
    }
    this.boundingRadius = Math.sqrt(radiusSquared);
  }

  int vertexCount() {
    return vertices.length / 3;
  }

  int triangleCount() {
    return triangles.length / 3;
  }

  static Mesh of(Geometry geometry) {
    if (geometry instanceof Geometry.Box box) {
      return box(box.sx(), box.sy(), box.sz());
    } else if (geometry instanceof Geometry.Cylinder cylinder) {
      return cylinder(cylinder.radius(), cylinder.length(), CYLINDER_SEGMENTS);
    } else if (geometry instanceof Geometry.Sphere sphere) {
      return sphere(sphere.radius(), SPHERE_STACKS, SPHERE_SLICES);
    } else if (geometry instanceof Geometry.Plane plane) {
      return plane(plane.nx(), plane.ny(), plane.nz(), plane.sx(), plane.sy());
    }
    throw new IllegalArgumentException("no tessellation for " + geometry);
  }

  static Mesh box(double sx, double sy, double sz) {
    double hx = sx / 2;
    double hy = sy / 2;
    double hz = sz / 2;
    // Vertex k has x = +hx when bit 0 is set, y = +hy for bit 1, z = +hz for bit 2.
    double[] v = new double[8 * 3];
    for (int k = 0; k < 8; k++) {
      v[3 * k] = (k & 1) != 0 ? hx : -hx;
      v[3 * k + 1] = (k & 2) != 0 ? hy : -hy;
      v[3 * k + 2] = (k & 4) != 0 ? hz : -hz;
    }
    int[] quads = {
      0, 2, 6, 4, // -x
      1, 5, 7, 3, // +x
      0, 4, 5, 1, // -y
      2, 3, 7, 6, // +y
      0, 1, 3, 2, // -z
      4, 6, 7, 5, // +z
    };
    int[] t = new int[12 * 3];
    for (int q = 0; q < 6; q++) {
      int a = quads[4 * q];
      int b = quads[4 * q + 1];
      int c = quads[4 * q + 2];
      int d = quads[4 * q + 3];
      setTriangle(t, 2 * q, a, b, c);
      setTriangle(t, 2 * q + 1, a, c, d);
    }
    return closedConvex(v, t);
  }

  static Mesh cylinder(double radius, double length, int segments) {
    double hz = length / 2;
    // Rings: bottom at 0..segments-1, top at segments..2*segments-1, then the two cap centres.
    double[] v = new double[(2 * segments + 2) * 3];
    for (int k = 0; k < segments; k++) {
      double angle = 2 * Math.PI * k / segments;
      double x = radius * Math.cos(angle);
      double y = radius * Math.sin(angle);
      setVertex(v, k, x, y, -hz);
      setVertex(v, segments + k, x, y, hz);
    }
    int bottomCentre = 2 * segments;
    int topCentre = 2 * segments + 1;
    setVertex(v, bottomCentre, 0, 0, -hz);
    setVertex(v, topCentre, 0, 0, hz);
    int[] t = new int[4 * segments * 3];
    int n = 0;
    for (int k = 0; k < segments; k++) {
      int next = (k + 1) % segments;
      setTriangle(t, n++, k, next, segments + next);
      setTriangle(t, n++, k, segments + next, segments + k);
      setTriangle(t, n++, bottomCentre, next, k);
      setTriangle(t, n++, topCentre, segments + k, segments + next);
    }
    return closedConvex(v, t);
  }

  /** A UV sphere: {@code stacks} bands from pole to pole, {@code slices} around the z axis. */
  static Mesh sphere(double radius, int stacks, int slices) {
    // Rings 1..stacks-1 of slices vertices each, then the north (+z) and south poles.
    int ringVertices = (stacks - 1) * slices;
    double[] v = new double[(ringVertices + 2) * 3];
    for (int ring = 1; ring < stacks; ring++) {
      double polar = Math.PI * ring / stacks;
      double z = radius * Math.cos(polar);
      double ringRadius = radius * Math.sin(polar);
      for (int k = 0; k < slices; k++) {
        double azimuth = 2 * Math.PI * k / slices;
        setVertex(v, (ring - 1) * slices + k, ringRadius * Math.cos(azimuth), ringRadius * Math.sin(azimuth), z);
      }
    }
    int north = ringVertices;
    int south = ringVertices + 1;
    setVertex(v, north, 0, 0, radius);
    setVertex(v, south, 0, 0, -radius);
    int[] t = new int[(2 * slices + 2 * slices * (stacks - 2)) * 3];
    int n = 0;
    int lastRing = (stacks - 2) * slices;
    for (int k = 0; k < slices; k++) {
      int next = (k + 1) % slices;
      setTriangle(t, n++, north, k, next);
      setTriangle(t, n++, south, lastRing + next, lastRing + k);
      for (int ring = 0; ring < stacks - 2; ring++) {
        int upper = ring * slices;
        int lower = (ring + 1) * slices;
        setTriangle(t, n++, upper + k, lower + k, lower + next);
        setTriangle(t, n++, upper + k, lower + next, upper + next);
      }
    }
    return closedConvex(v, t);
  }

  /**
   * A {@code sx} by {@code sy} rectangle centred on the frame origin in the plane through the origin
   * with normal {@code (nx, ny, nz)}. Its sides follow the frame's x and y axes turned by the
   * smallest rotation that takes +z onto the normal.
   */
  static Mesh plane(double nx, double ny, double nz, double sx, double sy) {
    double norm = Math.sqrt(nx * nx + ny * ny + nz * nz);
    if (!(norm > 1e-12) || Double.isInfinite(norm)) {
      throw new IllegalArgumentException("plane normal must be a finite non-zero vector");
    }
    nx /= norm;
    ny /= norm;
    nz /= norm;
    double[] uAxis;
    double[] vAxis;
    if (nz < -1 + 1e-12) {
      // Upside down: turn half a revolution about x.
      uAxis = new double[] {1, 0, 0};
      vAxis = new double[] {0, -1, 0};
    } else {
      // Rodrigues' rotation from z onto n, applied to x and y.
      double k = 1 / (1 + nz);
      uAxis = new double[] {1 - nx * nx * k, -nx * ny * k, -nx};
      vAxis = new double[] {-nx * ny * k, 1 - ny * ny * k, -ny};
    }
    double hu = sx / 2;
    double hv = sy / 2;
    double[] v = new double[4 * 3];
    double[][] corners = {{-hu, -hv}, {hu, -hv}, {hu, hv}, {-hu, hv}};
    for (int c = 0; c < 4; c++) {
      double a = corners[c][0];
      double b = corners[c][1];
      setVertex(v, c, a * uAxis[0] + b * vAxis[0], a * uAxis[1] + b * vAxis[1], a * uAxis[2] + b * vAxis[2]);
    }
    return new Mesh(v, new int[] {0, 1, 2, 0, 2, 3}, true);
  }

  /** Flips any triangle whose normal points towards the origin, which lies inside a convex solid. */
  private static Mesh closedConvex(double[] v, int[] t) {
    for (int i = 0; i < t.length; i += 3) {
      int a = 3 * t[i];
      int b = 3 * t[i + 1];
      int c = 3 * t[i + 2];
      double e1x = v[b] - v[a];
      double e1y = v[b + 1] - v[a + 1];
      double e1z = v[b + 2] - v[a + 2];
      double e2x = v[c] - v[a];
      double e2y = v[c + 1] - v[a + 1];
      double e2z = v[c + 2] - v[a + 2];
      double nx = e1y * e2z - e1z * e2y;
      double ny = e1z * e2x - e1x * e2z;
      double nz = e1x * e2y - e1y * e2x;
      double outwards = nx * (v[a] + v[b] + v[c]) + ny * (v[a + 1] + v[b + 1] + v[c + 1])
          + nz * (v[a + 2] + v[b + 2] + v[c + 2]);
      if (outwards < 0) {
        int swap = t[i + 1];
        t[i + 1] = t[i + 2];
        t[i + 2] = swap;
      }
    }
    return new Mesh(v, t, false);
  }

  private static void setVertex(double[] v, int index, double x, double y, double z) {
    v[3 * index] = x;
    v[3 * index + 1] = y;
    v[3 * index + 2] = z;
  }

  private static void setTriangle(int[] t, int index, int a, int b, int c) {
    t[3 * index] = a;
    t[3 * index + 1] = b;
    t[3 * index + 2] = c;
  }
}
