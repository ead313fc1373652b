package dev.vla.sim.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.sim.scenario.Geometry;
import dev.vla.sim.scenario.Transform;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Camera model, camera poses and tessellation conventions the renderer relies on. */
class GeometryConventionsTest {
  @Test
  void horizontalFovCameraHasCentredPrincipalPoint() {
    CameraModel camera = CameraModel.ofHorizontalFov(640, 480, Math.toRadians(60), 0.1, 10);
    assertEquals(320, camera.cx());
    assertEquals(240, camera.cy());
    assertEquals(320 / Math.tan(Math.toRadians(30)), camera.fx(), 1e-9);
    assertEquals(camera.fx(), camera.fy());
    assertEquals(Math.toRadians(60), camera.horizontalFovRadians(), 1e-12);
    assertEquals(319.5, camera.opencvCx());
  }

  @Test
  void cameraModelRejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new CameraModel(0, 480, 500, 500, 320, 240, 0.1, 10));
    assertThrows(IllegalArgumentException.class, () -> new CameraModel(640, 480, -1, 500, 320, 240, 0.1, 10));
    assertThrows(IllegalArgumentException.class, () -> new CameraModel(640, 480, 500, 500, 320, 240, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> new CameraModel(640, 480, 500, 500, 320, 240, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Solid(-1, new Geometry.Sphere(1), Transform.identity(),
        dev.vla.sim.scenario.Rgba.GREY));
    assertThrows(IllegalArgumentException.class, () -> new Lighting(0.3, new double[] {0, 0, 0}, 0.7, 1));
  }

  @Test
  void opticalAxesPointWhereRep103Says() {
    Transform bodyFromOptical = CameraPoses.bodyFromOptical();
    assertArrayEquals(new double[] {1, 0, 0}, bodyFromOptical.rotate(0, 0, 1), 1e-12); // z forward
    assertArrayEquals(new double[] {0, -1, 0}, bodyFromOptical.rotate(1, 0, 0), 1e-12); // x right
    assertArrayEquals(new double[] {0, 0, -1}, bodyFromOptical.rotate(0, 1, 0), 1e-12); // y down
    assertArrayEquals(new double[] {0, 0, 1},
        CameraPoses.opticalFromBody().times(bodyFromOptical).rotate(0, 0, 1), 1e-12);
  }

  @Test
  void pitchDownTiltsTheViewTowardsTheFloor() {
    double pitch = Math.toRadians(35);
    Transform worldFromOptical = CameraPoses.worldFromOptical(1, 2, 1.2, Math.PI / 2, pitch);
    assertArrayEquals(new double[] {1, 2, 1.2}, worldFromOptical.translationPart(), 1e-12);
    // Facing +y (yaw 90 degrees), looking down by 35 degrees.
    assertArrayEquals(new double[] {0, Math.cos(pitch), -Math.sin(pitch)}, worldFromOptical.rotate(0, 0, 1), 1e-12);
    // Image right is the world's +x when facing +y.
    assertArrayEquals(new double[] {1, 0, 0}, worldFromOptical.rotate(1, 0, 0), 1e-12);
  }

  @Test
  void tessellationsHaveTheAgreedTriangleCounts() {
    assertEquals(12, Mesh.of(new Geometry.Box(1, 2, 3)).triangleCount());
    assertEquals(4 * 32, Mesh.of(new Geometry.Cylinder(0.1, 0.3)).triangleCount());
    assertEquals(2 * 32 + 2 * 32 * 14, Mesh.of(new Geometry.Sphere(0.5)).triangleCount());
    assertEquals(2, Mesh.of(new Geometry.Plane(0, 0, 1, 2, 3)).triangleCount());
  }

  @Test
  void closedMeshesAreWatertightAndWoundOutwards() {
    for (Geometry geometry : new Geometry[] {
        new Geometry.Box(1, 2, 3), new Geometry.Cylinder(0.1, 0.3), new Geometry.Sphere(0.5)}) {
      Mesh mesh = Mesh.of(geometry);
      Map<Long, Integer> directedEdges = new HashMap<>();
      for (int t = 0; t < mesh.triangles.length; t += 3) {
        for (int k = 0; k < 3; k++) {
          long from = mesh.triangles[t + k];
          long to = mesh.triangles[t + (k + 1) % 3];
          directedEdges.merge(from << 32 | to, 1, Integer::sum);
        }
        double[] normal = normal(mesh, t);
        double[] centroid = centroid(mesh, t);
        double outwards = normal[0] * centroid[0] + normal[1] * centroid[1] + normal[2] * centroid[2];
        assertTrue(outwards > 0, geometry + " triangle " + t / 3 + " faces inwards");
      }
      // Watertight and consistently wound: each edge once each way.
      for (Map.Entry<Long, Integer> edge : directedEdges.entrySet()) {
        assertEquals(1, edge.getValue(), geometry + " edge used twice the same way");
        long reverse = (edge.getKey() & 0xffffffffL) << 32 | edge.getKey() >>> 32;
        assertTrue(directedEdges.containsKey(reverse), geometry + " has an open edge");
      }
    }
  }

  @Test
  void planeLiesAcrossItsNormalWithTheRequestedExtent() {
    Mesh flat = Mesh.of(new Geometry.Plane(0, 0, 1, 4, 2));
    for (int i = 0; i < flat.vertexCount(); i++) {
      assertEquals(2, Math.abs(flat.vertices[3 * i]), 1e-12);
      assertEquals(1, Math.abs(flat.vertices[3 * i + 1]), 1e-12);
      assertEquals(0, flat.vertices[3 * i + 2], 1e-12);
    }
    double s = Math.sqrt(1.0 / 3);
    Mesh tilted = Mesh.of(new Geometry.Plane(1, 1, 1, 4, 2));
    for (int i = 0; i < tilted.vertexCount(); i++) {
      double x = tilted.vertices[3 * i];
      double y = tilted.vertices[3 * i + 1];
      double z = tilted.vertices[3 * i + 2];
      assertEquals(0, s * (x + y + z), 1e-12);
      assertEquals(Math.sqrt(4 + 1), Math.sqrt(x * x + y * y + z * z), 1e-12);
    }
    Mesh upsideDown = Mesh.of(new Geometry.Plane(0, 0, -1, 4, 2));
    assertEquals(0, upsideDown.vertices[2], 1e-12);
  }

  private static double[] normal(Mesh mesh, int t) {
    double[] v = mesh.vertices;
    int a = 3 * mesh.triangles[t];
    int b = 3 * mesh.triangles[t + 1];
    int c = 3 * mesh.triangles[t + 2];
    double[] e1 = {v[b] - v[a], v[b + 1] - v[a + 1], v[b + 2] - v[a + 2]};
    double[] e2 = {v[c] - v[a], v[c + 1] - v[a + 1], v[c + 2] - v[a + 2]};
    return new double[] {e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]};
  }

  private static double[] centroid(Mesh mesh, int t) {
    double[] v = mesh.vertices;
    double[] sum = new double[3];
    for (int k = 0; k < 3; k++) {
      int index = 3 * mesh.triangles[t + k];
      for (int axis = 0; axis < 3; axis++) {
        sum[axis] += v[index + axis] / 3;
      }
    }
    return sum;
  }
}
