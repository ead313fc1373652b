package dev.vla.sim.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.sim.scenario.Geometry;
import dev.vla.sim.scenario.Pose3;
import dev.vla.sim.scenario.Rgba;
import dev.vla.sim.scenario.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RendererTest {
  private static final Rgba GREY = new Rgba(0.5, 0.5, 0.5, 1);
  private static final Lighting LIGHT = Lighting.standard();
  private static final CameraModel VGA = CameraModel.ofHorizontalFov(640, 480, Math.toRadians(60), 0.05, 100);

  private static RgbdFrame render(CameraModel camera, List<Solid> solids, Transform worldFromCamera) {
    return render(camera, solids, worldFromCamera, LIGHT);
  }

  private static RgbdFrame render(CameraModel camera, List<Solid> solids, Transform worldFromCamera, Lighting light) {
    RgbdFrame frame = RgbdFrame.forCamera(camera);
    new Renderer(camera).render(solids, worldFromCamera, light, frame);
    return frame;
  }

  private static Solid box(int id, double sx, double sy, double sz, double x, double y, double z) {
    return new Solid(id, new Geometry.Box(sx, sy, sz), Transform.translation(x, y, z), GREY);
  }

  /** The optical-frame ray through the centre of pixel (column, row), with z = 1. */
  private static double[] pixelRay(CameraModel camera, int column, int row) {
    return new double[] {(column + 0.5 - camera.cx()) / camera.fx(), (row + 0.5 - camera.cy()) / camera.fy(), 1};
  }

  private static void assertBackground(RgbdFrame frame, int column, int row) {
    assertTrue(Float.isNaN(frame.depthAt(column, row)), "depth at background pixel");
    assertEquals(-1, frame.idAt(column, row));
    assertArrayEquals(new int[] {Renderer.BACKGROUND_R, Renderer.BACKGROUND_G, Renderer.BACKGROUND_B},
        frame.rgbAt(column, row));
  }

  @Test
  void boxFaceHasExactDepthAndIdAtEveryPixel() {
    CameraModel camera = CameraModel.ofHorizontalFov(160, 120, Math.toRadians(60), 0.05, 50);
    // Front face at z = 2: the box spans z 2.0 .. 2.2.
    RgbdFrame frame = render(camera, List.of(box(7, 1, 1, 0.2, 0, 0, 2.1)), Transform.identity());

    assertEquals(2.0, frame.depthAt(80, 60), 1e-4);
    assertEquals(7, frame.idAt(80, 60));
    assertBackground(frame, 0, 0);
    assertBackground(frame, 159, 119);

    int facePixels = 0;
    for (int p = 0; p < frame.ids().length; p++) {
      if (frame.ids()[p] == 7) {
        facePixels++;
        assertEquals(2.0, frame.depth()[p], 1e-4, "depth at pixel " + p);
      } else {
        assertTrue(Float.isNaN(frame.depth()[p]));
      }
    }
    // The 1 m face at 2 m spans fx/2 pixels each way.
    double side = camera.fx() * 1.0 / 2.0;
    assertEquals(side * side, facePixels, 2 * 2 * side + 4);
  }

  @Test
  void pixelCentresDecideCoverage() {
    CameraModel camera = VGA;
    double z = 2.0;
    // A rectangle whose left edge projects to u = 100.3 and right edge to u = 200.7: pixel 100
    // (centre 100.5) and pixel 200 (centre 200.5) are in, pixels 99 and 201 are out.
    double leftEdgeX = (100.3 - camera.cx()) * z / camera.fx();
    double rightEdgeX = (200.7 - camera.cx()) * z / camera.fx();
    Solid face = new Solid(1, new Geometry.Plane(0, 0, 1, rightEdgeX - leftEdgeX, 0.5),
        Transform.translation((leftEdgeX + rightEdgeX) / 2, 0, z), GREY);
    RgbdFrame frame = render(camera, List.of(face), Transform.identity());
    int row = 240;
    assertEquals(-1, frame.idAt(99, row));
    assertEquals(1, frame.idAt(100, row));
    assertEquals(1, frame.idAt(200, row));
    assertEquals(-1, frame.idAt(201, row));
  }

  @Test
  void sharedEdgesLeaveNoCracks() {
    // A square whose corners sit on pixel corners, so its diagonal runs exactly through pixel centres.
    double z = 2.0;
    double half = 100 * z / VGA.fx();
    Solid square = new Solid(1, new Geometry.Plane(0, 0, 1, 2 * half, 2 * half), Transform.translation(0, 0, z), GREY);
    RgbdFrame frame = render(VGA, List.of(square), Transform.identity());
    for (int row = 140; row < 340; row++) {
      for (int column = 220; column < 420; column++) {
        assertEquals(1, frame.idAt(column, row), "pixel " + column + ", " + row);
      }
    }
    assertEquals(200 * 200, countId(frame, 1));

    // A sphere is hundreds of triangles meeting at edges: no background may show inside its outline.
    double radius = 0.5;
    Solid sphere = new Solid(2, new Geometry.Sphere(radius), Transform.fromPose(new Pose3(0.1, 0, 3, 0.3, 0.7, 0.2)),
        GREY);
    RgbdFrame sphereFrame = render(VGA, List.of(sphere), Transform.identity());
    double u = VGA.projectU(0.1, 3);
    double v = VGA.projectV(0, 3);
    double insideRadius = 0.95 * VGA.fx() * radius / 3;
    for (int row = 0; row < VGA.height(); row++) {
      for (int column = 0; column < VGA.width(); column++) {
        if (Math.hypot(column + 0.5 - u, row + 0.5 - v) < insideRadius) {
          assertEquals(2, sphereFrame.idAt(column, row), "pixel " + column + ", " + row);
        }
      }
    }
  }

  @Test
  void surfacesBeyondFarHaveIdButNoDepth() {
    CameraModel camera = CameraModel.ofHorizontalFov(160, 120, Math.toRadians(60), 0.05, 1.5);
    RgbdFrame frame = render(camera, List.of(box(3, 1, 1, 0.2, 0, 0, 2.1)), Transform.identity());
    assertEquals(3, frame.idAt(80, 60));
    assertTrue(Float.isNaN(frame.depthAt(80, 60)));
  }

  @Test
  void planarFacesGetTheExactDepthOfTheirPlane() {
    Random random = new Random(42);
    for (int trial = 0; trial < 30; trial++) {
      double distance = 0.3 + 9 * random.nextDouble();
      double x = (random.nextDouble() - 0.5) * distance * 0.6;
      double y = (random.nextDouble() - 0.5) * distance * 0.4;
      double side = 0.05 + random.nextDouble() * distance * 0.5;
      Pose3 pose = new Pose3(x, y, distance, (random.nextDouble() - 0.5) * 2.4,
          (random.nextDouble() - 0.5) * 2.4, random.nextDouble() * 6.3);
      Transform worldFromFace = Transform.fromPose(pose);
      Solid face = new Solid(5, new Geometry.Plane(0, 0, 1, side, side), worldFromFace, GREY);
      RgbdFrame frame = render(VGA, List.of(face), Transform.identity());
      double[] normal = worldFromFace.rotate(0, 0, 1);
      double offset = normal[0] * x + normal[1] * y + normal[2] * distance;
      int hits = 0;
      for (int row = 0; row < VGA.height(); row++) {
        for (int column = 0; column < VGA.width(); column++) {
          if (frame.idAt(column, row) == 5) {
            double[] ray = pixelRay(VGA, column, row);
            double expected = offset / (normal[0] * ray[0] + normal[1] * ray[1] + normal[2]);
            assertEquals(expected, frame.depthAt(column, row), 1e-4, "trial " + trial);
            hits++;
          }
        }
      }
      assertTrue(hits > 0, "trial " + trial);
    }
  }

  @Test
  void sphereAppearsWherePinholeFormulaPutsIt() {
    CameraModel camera = VGA;
    double radius = 0.05;
    double[] centre = {0.4, -0.25, 3.0};
    Solid sphere = new Solid(9, new Geometry.Sphere(radius), Transform.translation(centre[0], centre[1], centre[2]),
        GREY);
    RgbdFrame frame = render(camera, List.of(sphere), Transform.identity());

    double u = camera.projectU(centre[0], centre[2]);
    double v = camera.projectV(centre[1], centre[2]);
    int column = (int) Math.floor(u);
    int row = (int) Math.floor(v);
    assertEquals(9, frame.idAt(column, row));

    double sumU = 0;
    double sumV = 0;
    int count = 0;
    for (int j = 0; j < camera.height(); j++) {
      for (int i = 0; i < camera.width(); i++) {
        if (frame.idAt(i, j) == 9) {
          sumU += i + 0.5;
          sumV += j + 0.5;
          count++;
        }
      }
    }
    assertEquals(u, sumU / count, 1.0);
    assertEquals(v, sumV / count, 1.0);

    // Along the ray through that pixel the sphere lies at distance minus radius, give or take facets.
    assertEquals(raySphereDepth(pixelRay(camera, column, row), centre, radius), frame.depthAt(column, row), 0.002);
  }

  @Test
  void sphereOnTheAxisIsDistanceMinusRadiusAway() {
    double radius = 0.1;
    Solid sphere = new Solid(2, new Geometry.Sphere(radius), Transform.translation(0, 0, 3), GREY);
    RgbdFrame frame = render(VGA, List.of(sphere), Transform.identity());
    assertEquals(3 - radius, frame.depthAt(320, 240), 0.002);
    assertEquals(3 - radius, frame.depthAt(319, 239), 0.002);
  }

  /** Optical z where the ray {@code t * direction} (direction z = 1) first meets the sphere. */
  private static double raySphereDepth(double[] direction, double[] centre, double radius) {
    double a = direction[0] * direction[0] + direction[1] * direction[1] + 1;
    double b = -2 * (direction[0] * centre[0] + direction[1] * centre[1] + centre[2]);
    double c = centre[0] * centre[0] + centre[1] * centre[1] + centre[2] * centre[2] - radius * radius;
    double discriminant = b * b - 4 * a * c;
    assertTrue(discriminant >= 0, "ray misses the sphere");
    return (-b - Math.sqrt(discriminant)) / (2 * a);
  }

  @Test
  void nearBoxHidesFarBoxWhereTheyOverlap() {
    Solid near = box(1, 0.4, 0.4, 0.1, -0.1, 0, 2.05);
    Solid far = box(2, 1.0, 1.0, 0.1, 0, 0, 3.05);
    // Drawing order must not matter.
    for (List<Solid> order : List.of(List.of(near, far), List.of(far, near))) {
      RgbdFrame frame = render(VGA, order, Transform.identity());
      int nearColumn = (int) VGA.projectU(-0.1, 2.0);
      assertEquals(1, frame.idAt(nearColumn, 240));
      assertEquals(2.0, frame.depthAt(nearColumn, 240), 1e-4);
      int farOnlyColumn = (int) VGA.projectU(0.4, 3.0);
      assertEquals(2, frame.idAt(farOnlyColumn, 240));
      assertEquals(3.0, frame.depthAt(farOnlyColumn, 240), 1e-4);
    }
  }

  @Test
  void interpenetratingBoxesShowTheNearerSurfacePerPixel() {
    // Box A's front face is at z = 2.5; box B, the same cube turned 45 degrees about the vertical,
    // pokes its edge through A's face: B's front is z = 3 - sqrt(0.5) + |x|.
    Solid a = box(1, 1, 1, 1, 0, 0, 3);
    Solid b = new Solid(2, new Geometry.Box(1, 1, 1), Transform.fromPose(new Pose3(0, 0, 3, 0, Math.PI / 4, 0)),
        GREY);
    RgbdFrame frame = render(VGA, List.of(a, b), Transform.identity());
    double apex = 3 - Math.sqrt(0.5);
    int row = 240;
    int checked = 0;
    for (int column = 0; column < VGA.width(); column++) {
      double slope = Math.abs(pixelRay(VGA, column, row)[0]);
      if (slope * 2.5 > 0.49) {
        continue; // off A's face
      }
      double depthA = 2.5;
      double depthB = apex / (1 - slope);
      if (Math.abs(depthA - depthB) < 1e-3) {
        continue; // the seam itself
      }
      assertEquals(Math.min(depthA, depthB), frame.depthAt(column, row), 1e-4, "column " + column);
      assertEquals(depthA < depthB ? 1 : 2, frame.idAt(column, row), "column " + column);
      checked++;
    }
    assertTrue(checked > 100);
  }

  @Test
  void tiltedHeadCameraSeesTheFloorWhereRaysMeetIt() {
    CameraModel camera = VGA;
    Transform worldFromCamera = CameraPoses.worldFromOptical(0.5, -0.3, 1.2, 0.3, Math.toRadians(35));
    Solid floor = new Solid(4, new Geometry.Plane(0, 0, 1, 40, 40), Transform.identity(), GREY);
    RgbdFrame frame = render(camera, List.of(floor), worldFromCamera);

    int[][] pixels = {{0, 0}, {639, 0}, {320, 240}, {0, 479}, {639, 479}, {100, 300}, {500, 50}};
    for (int[] pixel : pixels) {
      double expected = floorDepth(camera, worldFromCamera, pixel[0], pixel[1]);
      assertEquals(expected, frame.depthAt(pixel[0], pixel[1]), 1e-3, "pixel " + pixel[0] + ", " + pixel[1]);
      assertEquals(4, frame.idAt(pixel[0], pixel[1]));
    }
    for (float depth : frame.depth()) {
      assertFalse(Float.isNaN(depth), "the whole view is floor at 35 degrees down");
    }
  }

  @Test
  void horizonSeparatesFloorFromBackground() {
    CameraModel camera = CameraModel.ofHorizontalFov(320, 240, Math.toRadians(60), 0.05, 5000);
    Transform worldFromCamera = CameraPoses.worldFromOptical(0, 0, 1.2, 0, Math.toRadians(10));
    Solid floor = new Solid(4, new Geometry.Plane(0, 0, 1, 4000, 4000), Transform.identity(), GREY);
    RgbdFrame frame = render(camera, List.of(floor), worldFromCamera);

    int floorPixels = 0;
    int skyPixels = 0;
    for (int row = 0; row < camera.height(); row++) {
      for (int column = 0; column < camera.width(); column += 7) {
        double[] ray = pixelRay(camera, column, row);
        double[] world = worldFromCamera.rotate(ray[0], ray[1], ray[2]);
        double slopeDown = -world[2] / Math.hypot(world[0], world[1]);
        if (slopeDown > 0.01) {
          // Below the horizon, and the floor's edge (2 km away) is farther than 1.2 / 0.01 m.
          double expected = floorDepth(camera, worldFromCamera, column, row);
          assertEquals(expected, frame.depthAt(column, row), 1e-3);
          floorPixels++;
        } else if (slopeDown < -1e-3) {
          assertBackground(frame, column, row);
          skyPixels++;
        }
      }
    }
    assertTrue(floorPixels > 1000);
    assertTrue(skyPixels > 1000);
  }

  /** Optical z where the pixel's ray meets the world floor z = 0. */
  private static double floorDepth(CameraModel camera, Transform worldFromCamera, int column, int row) {
    double[] ray = pixelRay(camera, column, row);
    double[] direction = worldFromCamera.rotate(ray[0], ray[1], ray[2]);
    double height = worldFromCamera.get(2, 3);
    assertTrue(direction[2] < 0, "ray must point down");
    return height / -direction[2]; // the ray's optical z is 1 per unit of its parameter
  }

  @Test
  void floorReachingBehindTheCameraIsClippedAtTheNearPlane() {
    // The optical frame is the world here: a floor 1 m below (y down) stretching 50 m behind and ahead.
    Transform floorFrame = Transform.ofRowMajor(new double[] {1, 0, 0, 0, 0, 0, -1, 1, 0, 1, 0, 0, 0, 0, 0, 1});
    Solid floor = new Solid(6, new Geometry.Plane(0, 0, 1, 100, 100), floorFrame, GREY);
    RgbdFrame frame = render(VGA, List.of(floor), Transform.identity());
    for (int row = VGA.height() - 1; row > 300; row -= 10) {
      for (int column = 0; column < VGA.width(); column += 50) {
        double down = pixelRay(VGA, column, row)[1];
        assertEquals(1 / down, frame.depthAt(column, row), 1e-4, "pixel " + column + ", " + row);
        assertEquals(6, frame.idAt(column, row));
      }
    }
    for (int column = 0; column < VGA.width(); column++) {
      assertBackground(frame, column, 200); // above the horizon
    }
  }

  @Test
  void trianglesCrossingTheNearPlaneSidewaysKeepTheirDepth() {
    // A wall at x = 0.3 running from 5 m behind the camera to 5 m ahead, seen edge-on at the near plane.
    Transform wallFrame = Transform.ofRowMajor(new double[] {0, 0, 1, 0.3, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 0, 1});
    Solid wall = new Solid(8, new Geometry.Plane(0, 0, 1, 10, 2), wallFrame, GREY);
    RgbdFrame frame = render(VGA, List.of(wall), Transform.identity());
    for (int column = 400; column < VGA.width(); column += 20) {
      double right = pixelRay(VGA, column, 240)[0];
      assertEquals(0.3 / right, frame.depthAt(column, 240), 1e-4);
    }
    assertBackground(frame, 100, 240);
  }

  @Test
  void solidEntirelyBehindTheCameraDrawsNothing() {
    RgbdFrame frame = render(VGA, List.of(box(1, 1, 1, 1, 0, 0, -3)), Transform.identity());
    for (int id : frame.ids()) {
      assertEquals(-1, id);
    }
  }

  @Test
  void faceTowardsTheLightIsBrighterThanFaceAway() {
    // A cube turned 45 degrees about the vertical shows two faces; the light travels along +x.
    Lighting light = new Lighting(0.3, new double[] {1, 0, 0}, 0.7, 1.0);
    Solid cube = new Solid(1, new Geometry.Box(1, 1, 1), Transform.fromPose(new Pose3(0, 0, 3, 0, Math.PI / 4, 0)),
        GREY);
    RgbdFrame frame = render(VGA, List.of(cube), Transform.identity(), light);
    int[] litFace = frame.rgbAt(300, 240); // left face, normal (-0.71, 0, -0.71)
    int[] darkFace = frame.rgbAt(340, 240);
    int expectedLit = (int) Math.round(0.5 * 255 * (0.3 + 0.7 * Math.sqrt(0.5)));
    int expectedDark = (int) Math.round(0.5 * 255 * 0.3);
    assertArrayEquals(new int[] {expectedLit, expectedLit, expectedLit}, litFace);
    assertArrayEquals(new int[] {expectedDark, expectedDark, expectedDark}, darkFace);

    RgbdFrame bright = render(VGA, List.of(cube), Transform.identity(), light.withBrightness(3));
    assertArrayEquals(new int[] {255, 255, 255}, bright.rgbAt(300, 240), "saturates");
  }

  @Test
  void planeIsVisibleFromBothSidesAndLitOnTheSideSeen() {
    Lighting light = new Lighting(0.2, new double[] {0, 0, 1}, 0.8, 1.0); // travels away from the camera
    Rgba white = new Rgba(1, 1, 1, 1);
    Transform turned = Transform.fromPose(new Pose3(0, 0, 2, Math.PI, 0, 0)); // normal now -z, towards camera
    RgbdFrame facingAway = render(VGA, List.of(new Solid(1, new Geometry.Plane(0, 0, 1, 1, 1),
        Transform.translation(0, 0, 2), white)), Transform.identity(), light);
    RgbdFrame facingCamera = render(VGA, List.of(new Solid(1, new Geometry.Plane(0, 0, 1, 1, 1), turned, white)),
        Transform.identity(), light);
    assertEquals(2.0, facingAway.depthAt(320, 240), 1e-4);
    assertEquals(2.0, facingCamera.depthAt(320, 240), 1e-4);
    // The light comes from behind the camera onto the side it sees, whichever way the normal points.
    assertArrayEquals(new int[] {255, 255, 255}, facingAway.rgbAt(320, 240));
    assertArrayEquals(new int[] {255, 255, 255}, facingCamera.rgbAt(320, 240));
  }

  @Test
  void sphereSilhouetteMatchesItsProjectedDisc() {
    double radius = 0.5;
    double distance = 4;
    Solid sphere = new Solid(1, new Geometry.Sphere(radius), Transform.translation(0, 0, distance), GREY);
    RgbdFrame frame = render(VGA, List.of(sphere), Transform.identity());
    double discRadius = VGA.fx() * radius / Math.sqrt(distance * distance - radius * radius);
    assertEquals(Math.PI * discRadius * discRadius, countId(frame, 1), 0.05 * Math.PI * discRadius * discRadius);
  }

  @Test
  void cylinderSilhouettesMatchRayCasting() {
    double radius = 0.4;
    double halfLength = 0.3;
    // End-on: the local z axis is the optical axis, so the near cap's disc is the silhouette.
    Solid endOn = new Solid(1, new Geometry.Cylinder(radius, 2 * halfLength), Transform.translation(0, 0, 4), GREY);
    RgbdFrame endOnFrame = render(VGA, List.of(endOn), Transform.identity());
    double capRadius = VGA.fx() * radius / (4 - halfLength);
    assertEquals(Math.PI * capRadius * capRadius, countId(endOnFrame, 1), 0.05 * Math.PI * capRadius * capRadius);

    // Side-on: the axis along optical x; compare with an exact ray cast per pixel.
    Transform sideways = Transform.fromPose(new Pose3(0, 0, 4, 0, Math.PI / 2, 0));
    Solid sideOn = new Solid(1, new Geometry.Cylinder(radius, 2 * halfLength), sideways, GREY);
    RgbdFrame sideOnFrame = render(VGA, List.of(sideOn), Transform.identity());
    int expected = 0;
    for (int row = 0; row < VGA.height(); row++) {
      for (int column = 0; column < VGA.width(); column++) {
        if (rayHitsCylinderAlongX(pixelRay(VGA, column, row), 4, radius, halfLength)) {
          expected++;
        }
      }
    }
    assertEquals(expected, countId(sideOnFrame, 1), 0.05 * expected);
  }

  /** Whether {@code t * ray} meets the solid cylinder y^2 + (z - zc)^2 <= r^2, |x| <= h. */
  private static boolean rayHitsCylinderAlongX(double[] ray, double zc, double r, double h) {
    double a = ray[1] * ray[1] + 1;
    double b = -2 * zc;
    double c = zc * zc - r * r;
    double discriminant = b * b - 4 * a * c;
    if (discriminant >= 0) {
      for (double t : new double[] {(-b - Math.sqrt(discriminant)) / (2 * a), (-b + Math.sqrt(discriminant)) / (2 * a)}) {
        if (Math.abs(t * ray[0]) <= h) {
          return true;
        }
      }
    }
    if (ray[0] != 0) {
      for (double capX : new double[] {-h, h}) {
        double t = capX / ray[0];
        double y = t * ray[1];
        double z = t;
        if (t > 0 && y * y + (z - zc) * (z - zc) <= r * r) {
          return true;
        }
      }
    }
    return false;
  }

  private static int countId(RgbdFrame frame, int id) {
    int count = 0;
    for (int value : frame.ids()) {
      if (value == id) {
        count++;
      }
    }
    return count;
  }

  @Test
  void idsOfSeveralPartsOfOneModelAreShared() {
    List<Solid> scene = new ArrayList<>(RenderBenchmark.tabletopScene());
    CameraModel camera = RenderBenchmark.camera();
    RgbdFrame frame = render(camera, scene, RenderBenchmark.worldFromCamera());
    for (int id : new int[] {RenderBenchmark.FLOOR_ID, RenderBenchmark.WALL_ID, RenderBenchmark.TABLE_A_ID,
        RenderBenchmark.TABLE_B_ID, RenderBenchmark.BIN_A_ID, RenderBenchmark.BIN_B_ID}) {
      assertTrue(countId(frame, id) > 500, "model " + id + " is visible");
    }
    for (int id = RenderBenchmark.FIRST_OBJECT_ID; id < RenderBenchmark.FIRST_OBJECT_ID + 8; id++) {
      assertTrue(countId(frame, id) > 20, "object " + id + " is visible");
    }
  }

  @Test
  void renderingTwiceGivesTheSameFrame() {
    CameraModel camera = RenderBenchmark.camera();
    Renderer renderer = new Renderer(camera);
    RgbdFrame first = RgbdFrame.forCamera(camera);
    RgbdFrame second = RgbdFrame.forCamera(camera);
    renderer.render(RenderBenchmark.tabletopScene(), RenderBenchmark.worldFromCamera(), LIGHT, first);
    // Dirty the buffers with another view first: every pixel must be overwritten.
    renderer.render(List.of(box(99, 1, 1, 1, 0, 0, 2)), Transform.identity(), LIGHT, second);
    renderer.render(RenderBenchmark.tabletopScene(), RenderBenchmark.worldFromCamera(), LIGHT, second);
    assertArrayEquals(first.rgb(), second.rgb());
    assertArrayEquals(first.depth(), second.depth());
    assertArrayEquals(first.ids(), second.ids());
  }

  @Test
  void rejectsFrameOfAnotherSize() {
    Renderer renderer = new Renderer(VGA);
    assertThrows(IllegalArgumentException.class,
        () -> renderer.render(List.of(), Transform.identity(), LIGHT, new RgbdFrame(320, 240)));
  }
}
