package dev.vla.ros.nodes;

import dev.vla.affordances.Pixel;
import dev.vla.affordances.Pose2D;
import dev.vla.model.oracle.Goal;
import dev.vla.model.oracle.SceneTruth;
import dev.vla.model.oracle.TruthObject;
import dev.vla.sim.episode.Episode;
import dev.vla.sim.render.CameraModel;
import dev.vla.sim.render.Lighting;
import dev.vla.sim.render.Renderer;
import dev.vla.sim.render.RgbdFrame;
import dev.vla.sim.scenario.ObjectTag;
import dev.vla.sim.scenario.Predicate;
import dev.vla.sim.scenario.Transform;
import dev.vla.sim.world.Body;
import dev.vla.sim.world.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ground truth for the oracle, read from the simulator at decision time: every tagged model with
 * where a policy should point for it in the current camera view (checked against a noise-free render
 * so only what the camera really sees counts as visible), and the scenario's predicates as goals.
 * Lives here because only this module knows both the simulator and the policy contract.
 */
public final class SimTruth implements SceneTruth {
  private final Simulator sim;
  private final Episode episode;
  private final RgbdFrame frame;
  private final Transform opticalFromWorld;
  private final CameraModel cam;
  private final int[] pixelCount;

  /** Renders the current view once and reads the world; valid for one decision. */
  public SimTruth(Episode episode, Renderer renderer, RgbdFrame scratch) {
    this.sim = episode.sim();
    this.episode = episode;
    this.frame = scratch;
    this.cam = sim.camera();
    renderer.render(sim.solids(), sim.worldFromOptical(), Lighting.standard(), frame);
    this.opticalFromWorld = sim.worldFromOptical().inverse();
    this.pixelCount = new int[sim.bodies().size()];
    for (int id : frame.ids()) {
      if (id >= 0 && id < pixelCount.length) {
        pixelCount[id]++;
      }
    }
  }

  @Override
  public List<TruthObject> objects() {
    List<TruthObject> out = new ArrayList<>();
    Pose2D robot = sim.worldPose();
    for (Body b : sim.bodies()) {
      if (b.removed() || b.tag().isEmpty()) {
        continue;
      }
      ObjectTag tag = b.tag().get();
      Optional<double[]> point = targetPoint(b, robot);
      Optional<Pixel> pixel = b.container() ? visibleFloor(b) : point.flatMap(p -> visiblePixel(b, p));
      boolean approachFirst = false;
      if (pixel.isEmpty() && b.container()) {
        // The floor of a container seen from afar hides behind its near wall: point at that wall to drive closer.
        Optional<double[]> rim = nearRim(b, robot);
        pixel = rim.flatMap(p -> visiblePixel(b, p));
        approachFirst = pixel.isPresent();
      }
      double[] ref = point.orElse(b.centre());
      double opening = b.hasDrawerJoint()
          ? (b.jointPosition() - b.jointLower()) / Math.max(1e-9, b.jointUpper() - b.jointLower()) : Double.NaN;
      double[] centre = b.centre();
      double[] odom = sim.mapFromOdom().toLocal(centre[0], centre[1]);
      double bearing = Pose2D.wrap(Math.atan2(ref[1] - robot.y(), ref[0] - robot.x()) - robot.yaw());
      out.add(new TruthObject(b.name(), tag.category(), tag.color(), tag.size(), tag.graspable(), tag.container(),
          b.hasDrawerJoint(), odom[0], odom[1], Math.hypot(ref[0] - robot.x(), ref[1] - robot.y()), pixel, approachFirst,
          glimpse(bodyIndex(b)), bearing, pixelCount[bodyIndex(b)], opening));
    }
    return out;
  }

  /** The pixel of body {@code id} nearest the centroid of its visible pixels. */
  private Optional<Pixel> glimpse(int id) {
    if (pixelCount[id] < 30) {
      return Optional.empty();
    }
    int[] ids = frame.ids();
    double su = 0;
    double sv = 0;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == id) {
        su += i % cam.width();
        sv += i / cam.width();
      }
    }
    double cu = su / pixelCount[id];
    double cv = sv / pixelCount[id];
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == id) {
        double d = Math.hypot(i % cam.width() - cu, i / cam.width() - cv);
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
    }
    return Optional.of(new Pixel(best % cam.width(), best / cam.width()));
  }

  private int bodyIndex(Body b) {
    return sim.bodies().indexOf(b);
  }

  /**
   * The world point a policy should point at: a drawer's handle, the middle of a container's floor,
   * the top centre of anything graspable, a free spot near the robot on a surface.
   */
  private Optional<double[]> targetPoint(Body b, Pose2D robot) {
    if (b.hasDrawerJoint()) {
      return SimTargets.handle(b);
    }
    double[] c = b.centre();
    double top = b.topUnder(c[0], c[1], Double.POSITIVE_INFINITY);
    if (b.graspable() || b.container()) {
      return Double.isNaN(top) ? Optional.empty() : Optional.of(new double[] {c[0], c[1], top});
    }
    return SimTargets.freeSpot(sim, b, robot, this::visiblePoint);
  }

  /**
   * The visible point of a container's floor nearest its centre, no more than 6 cm off it (an object
   * released there still lands inside).
   */
  private Optional<Pixel> visibleFloor(Body b) {
    double[] c = b.centre();
    double floor = b.topUnder(c[0], c[1], Double.POSITIVE_INFINITY);
    if (Double.isNaN(floor)) {
      return Optional.empty();
    }
    List<double[]> offsets = new ArrayList<>();
    for (int i = -3; i <= 3; i++) {
      for (int j = -3; j <= 3; j++) {
        offsets.add(new double[] {0.02 * i, 0.02 * j});
      }
    }
    offsets.sort(java.util.Comparator.comparingDouble(o -> Math.hypot(o[0], o[1])));
    for (double[] o : offsets) {
      Optional<Pixel> p = visiblePixel(b, new double[] {c[0] + o[0], c[1] + o[1], floor});
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  /** The top of a container's wall nearest the robot. */
  private static Optional<double[]> nearRim(Body b, Pose2D robot) {
    double[] c = b.centre();
    double d = Math.hypot(c[0] - robot.x(), c[1] - robot.y());
    if (d < 1e-6) {
      return Optional.empty();
    }
    double ux = (c[0] - robot.x()) / d;
    double uy = (c[1] - robot.y()) / d;
    double edge = 0;
    for (double s = 0; s < 0.5; s += 0.005) {
      if (b.footprintDistance(c[0] - ux * s, c[1] - uy * s) > 0) {
        break;
      }
      edge = s;
    }
    double inset = Math.max(0, edge - 0.004);
    return Optional.of(new double[] {c[0] - ux * inset, c[1] - uy * inset, b.bounds()[5]});
  }

  private boolean visiblePoint(Body b, double[] p) {
    return visiblePixel(b, p).isPresent();
  }

  /** The pixel showing world point {@code p} on body {@code b}, if the camera sees that very point. */
  private Optional<Pixel> visiblePixel(Body b, double[] p) {
    double[] o = opticalFromWorld.apply(p[0], p[1], p[2]);
    if (o[2] < 0.1) {
      return Optional.empty();
    }
    // Renderer convention: pixel u covers [u, u+1) and its centre ray is at u + 0.5.
    int u = (int) Math.floor(cam.fx() * o[0] / o[2] + cam.cx());
    int v = (int) Math.floor(cam.fy() * o[1] / o[2] + cam.cy());
    if (u < 2 || v < 2 || u >= cam.width() - 2 || v >= cam.height() - 2) {
      return Optional.empty();
    }
    int i = v * cam.width() + u;
    int id = bodyIndex(b);
    if (frame.ids()[i] != id || Math.abs(frame.depth()[i] - o[2]) > 0.03) {
      return Optional.empty();
    }
    return Optional.of(new Pixel(u, v));
  }

  @Override
  public Optional<String> held() {
    return sim.held().map(Body::name);
  }

  @Override
  public List<Goal> goals() {
    List<Goal> goals = new ArrayList<>();
    boolean actionable = false;
    boolean noMotion = false;
    for (Predicate p : episode.task().expect()) {
      boolean ok = episode.holds(p);
      if (p instanceof Predicate.In in) {
        goals.add(new Goal.In(in.object(), in.container(), ok));
      } else if (p instanceof Predicate.On on) {
        goals.add(new Goal.On(on.object(), on.surface(), ok));
      } else if (p instanceof Predicate.Holding h) {
        goals.add(new Goal.Holding(h.object(), ok));
      } else if (p instanceof Predicate.NotHolding) {
        goals.add(new Goal.NotHolding(ok));
      } else if (p instanceof Predicate.Near n && n.object().equals("robot")) {
        if (n.targetName().isPresent()) {
          goals.add(new Goal.RobotNear(n.targetName().get(), n.within(), ok));
        } else {
          double[] xy = n.targetXy().get();
          Pose2D mapFromOdom = sim.mapFromOdom();
          double[] odom = mapFromOdom.toLocal(xy[0], xy[1]);
          goals.add(new Goal.RobotNearPoint(odom[0], odom[1], n.within(), ok));
        }
      } else if (p instanceof Predicate.Near n && n.targetXy().isPresent()) {
        double[] odom = sim.mapFromOdom().toLocal(n.targetXy().get()[0], n.targetXy().get()[1]);
        goals.add(new Goal.ObjectNear(n.object(), odom[0], odom[1], n.within(), ok));
      } else if (p instanceof Predicate.InRegion r && r.object().equals("robot")) {
        goals.add(new Goal.RobotInRegion(r.region(), ok));
      } else if (p instanceof Predicate.Opened o) {
        goals.add(new Goal.Opened(o.object(), ok));
      } else if (p instanceof Predicate.Closed c) {
        goals.add(new Goal.Closed(c.object(), ok));
      } else if (p instanceof Predicate.Asked) {
        goals.add(new Goal.Ask("Which one do you mean?", ok));
      } else if (p instanceof Predicate.NoMotion) {
        noMotion = true;
        continue;
      } else {
        continue;
      }
      actionable = true;
    }
    if (noMotion && !actionable) {
      goals.add(new Goal.Refuse("I won't do that.", false));
    }
    return goals;
  }
}
