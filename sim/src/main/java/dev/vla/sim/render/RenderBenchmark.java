package dev.vla.sim.render;

import dev.vla.sim.scenario.Geometry;
import dev.vla.sim.scenario.Pose3;
import dev.vla.sim.scenario.Rgba;
import dev.vla.sim.scenario.Transform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the {@link Renderer} on a typical tabletop scene at VGA, single-threaded: a 20 x 20 m floor,
 * four walls, two tables and two bins of five boxes each, and eight small objects, seen from a head
 * camera 1.2 m high tilted 35 degrees down.
 *
 * <p>Run with {@code java ... dev.vla.sim.render.RenderBenchmark [frames] [pngDirectory]}; with a
 * directory it also writes {@code render-sample.png} and {@code render-sample-depth.png} there.
 */
public final class RenderBenchmark {
  /** Ids of the scene's models; every part of a model shares its id. */
  public static final int FLOOR_ID = 0;
  public static final int WALL_ID = 1;
  public static final int TABLE_A_ID = 10;
  public static final int TABLE_B_ID = 11;
  public static final int BIN_A_ID = 20;
  public static final int BIN_B_ID = 21;
  public static final int FIRST_OBJECT_ID = 30;

  private static final int WARM_UP_FRAMES = 300;

  private RenderBenchmark() {}

  /** Frame-time percentiles in milliseconds over {@code frames} timed frames. */
  public record Result(int frames, double p50Millis, double p90Millis, double p99Millis, double maxMillis) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d frames: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
          frames, p50Millis, p90Millis, p99Millis, maxMillis);
    }
  }

  /** A 640 x 480 camera with a 69 degree horizontal field of view, like a RealSense D435's colour. */
  public static CameraModel camera() {
    return CameraModel.ofHorizontalFov(640, 480, Math.toRadians(69), 0.05, 10.0);
  }

  /** The head camera: 1.2 m above the floor, 0.6 m behind the origin, facing +x, tilted 35 degrees down. */
  public static Transform worldFromCamera() {
    return CameraPoses.worldFromOptical(-0.6, 0, 1.2, 0, Math.toRadians(35));
  }

  public static List<Solid> tabletopScene() {
    List<Solid> solids = new ArrayList<>();
    solids.add(new Solid(FLOOR_ID, new Geometry.Plane(0, 0, 1, 20, 20), Transform.identity(),
        new Rgba(0.50, 0.45, 0.40, 1)));
    Rgba wall = new Rgba(0.90, 0.90, 0.84, 1);
    solids.add(box(WALL_ID, 0.1, 7.0, 2.5, 4.5, 0, 1.25, 0, wall));
    solids.add(box(WALL_ID, 0.1, 7.0, 2.5, -2.5, 0, 1.25, 0, wall));
    solids.add(box(WALL_ID, 7.0, 0.1, 2.5, 1.0, 3.5, 1.25, 0, wall));
    solids.add(box(WALL_ID, 7.0, 0.1, 2.5, 1.0, -3.5, 1.25, 0, wall));

    addTable(solids, TABLE_A_ID, 1.35, -0.45, 0, 1.0, 0.7, new Rgba(0.55, 0.35, 0.20, 1));
    addTable(solids, TABLE_B_ID, 1.7, 0.8, Math.toRadians(20), 0.8, 0.8, new Rgba(0.35, 0.42, 0.55, 1));
    addBin(solids, BIN_A_ID, 1.0, 0.35, 0, 0.30, 0.30, new Rgba(0.15, 0.35, 0.80, 1));
    addBin(solids, BIN_B_ID, 1.55, -0.65, TABLE_TOP_HEIGHT, 0.22, 0.15, new Rgba(0.20, 0.65, 0.30, 1));

    double top = TABLE_TOP_HEIGHT;
    int id = FIRST_OBJECT_ID;
    solids.add(box(id++, 0.05, 0.05, 0.05, 1.10, -0.30, top + 0.025, 0.3, new Rgba(0.85, 0.15, 0.12, 1)));
    solids.add(new Solid(id++, new Geometry.Cylinder(0.033, 0.12),
        Transform.translation(1.25, -0.15, top + 0.06), new Rgba(0.95, 0.80, 0.10, 1)));
    solids.add(new Solid(id++, new Geometry.Sphere(0.04),
        Transform.translation(1.05, -0.60, top + 0.04), new Rgba(0.95, 0.50, 0.10, 1)));
    solids.add(box(id++, 0.10, 0.06, 0.04, 1.40, -0.35, top + 0.02, -0.5, new Rgba(0.55, 0.25, 0.65, 1)));
    solids.add(new Solid(id++, new Geometry.Cylinder(0.04, 0.10),
        Transform.translation(1.55, 0.70, top + 0.05), new Rgba(0.20, 0.70, 0.25, 1)));
    solids.add(new Solid(id++, new Geometry.Sphere(0.035),
        Transform.translation(1.45, 0.95, top + 0.035), new Rgba(0.15, 0.30, 0.90, 1)));
    solids.add(box(id++, 0.06, 0.06, 0.06, 1.75, 0.60, top + 0.03, 0.7, new Rgba(0.92, 0.92, 0.92, 1)));
    solids.add(new Solid(id, new Geometry.Cylinder(0.03, 0.15),
        Transform.fromPose(new Pose3(1.80, 0.95, top + 0.03, Math.PI / 2, 0, 0.4)), new Rgba(0.80, 0.20, 0.50, 1)));
    return List.copyOf(solids);
  }

  private static final double TABLE_TOP_HEIGHT = 0.75;

  /** A table of five boxes (top and four legs) standing on the floor; its top surface at 0.75 m. */
  private static void addTable(List<Solid> solids, int id, double x, double y, double yaw,
      double length, double width, Rgba color) {
    double thickness = 0.04;
    double legSide = 0.05;
    double legHeight = TABLE_TOP_HEIGHT - thickness;
    Transform base = Transform.fromPose(Pose3.xyzYaw(x, y, 0, yaw));
    solids.add(new Solid(id, new Geometry.Box(length, width, thickness),
        base.times(Transform.translation(0, 0, TABLE_TOP_HEIGHT - thickness / 2)), color));
    double legX = length / 2 - legSide;
    double legY = width / 2 - legSide;
    for (int corner = 0; corner < 4; corner++) {
      double lx = (corner & 1) == 0 ? -legX : legX;
      double ly = (corner & 2) == 0 ? -legY : legY;
      solids.add(new Solid(id, new Geometry.Box(legSide, legSide, legHeight),
          base.times(Transform.translation(lx, ly, legHeight / 2)), color));
    }
  }

  /** An open square bin of five boxes (bottom and four walls) standing at height {@code z}. */
  private static void addBin(List<Solid> solids, int id, double x, double y, double z,
      double side, double height, Rgba color) {
    double wall = 0.015;
    Transform base = Transform.translation(x, y, z);
    solids.add(new Solid(id, new Geometry.Box(side, side, wall), base.times(Transform.translation(0, 0, wall / 2)),
        color));
    double offset = side / 2 - wall / 2;
    solids.add(new Solid(id, new Geometry.Box(wall, side, height),
        base.times(Transform.translation(offset, 0, height / 2)), color));
    solids.add(new Solid(id, new Geometry.Box(wall, side, height),
        base.times(Transform.translation(-offset, 0, height / 2)), color));
    solids.add(new Solid(id, new Geometry.Box(side - 2 * wall, wall, height),
        base.times(Transform.translation(0, offset, height / 2)), color));
    solids.add(new Solid(id, new Geometry.Box(side - 2 * wall, wall, height),
        base.times(Transform.translation(0, -offset, height / 2)), color));
  }

  private static Solid box(int id, double sx, double sy, double sz, double x, double y, double z, double yaw,
      Rgba color) {
    return new Solid(id, new Geometry.Box(sx, sy, sz), Transform.fromPose(Pose3.xyzYaw(x, y, z, yaw)), color);
  }

  /** Renders the scene {@code frames} times after a warm-up and reports frame-time percentiles. */
  public static Result run(int frames) {
    if (frames < 1) {
      throw new IllegalArgumentException("need at least one frame, got " + frames);
    }
    CameraModel camera = camera();
    Renderer renderer = new Renderer(camera);
    RgbdFrame frame = RgbdFrame.forCamera(camera);
    List<Solid> scene = tabletopScene();
    Transform worldFromCamera = worldFromCamera();
    Lighting lighting = Lighting.standard();
    for (int i = 0; i < WARM_UP_FRAMES; i++) {
      renderer.render(scene, worldFromCamera, lighting, frame);
    }
    long[] nanos = new long[frames];
    for (int i = 0; i < frames; i++) {
      long start = System.nanoTime();
      renderer.render(scene, worldFromCamera, lighting, frame);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return new Result(frames, percentileMillis(nanos, 0.50), percentileMillis(nanos, 0.90),
        percentileMillis(nanos, 0.99), nanos[frames - 1] / 1e6);
  }

  /** Renders the scene once and writes the colour and depth images into {@code directory}. */
  public static void writeSample(Path directory) {
    CameraModel camera = camera();
    RgbdFrame frame = RgbdFrame.forCamera(camera);
    new Renderer(camera).render(tabletopScene(), worldFromCamera(), Lighting.standard(), frame);
    frame.writePng(directory.resolve("render-sample.png"));
    frame.writeDepthPng(directory.resolve("render-sample-depth.png"), 6.0);
  }

  private static double percentileMillis(long[] sortedNanos, double fraction) {
    int index = (int) Math.ceil(fraction * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
  }

  public static void main(String[] args) {
    int frames = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    if (args.length > 1) {
      writeSample(Path.of(args[1]));
    }
    System.out.println(run(frames));
  }
}
