package dev.vla.sim.world;

import dev.vla.sim.scenario.Collision;
import dev.vla.sim.scenario.Geometry;
import dev.vla.sim.scenario.Joint;
import dev.vla.sim.scenario.Link;
import dev.vla.sim.scenario.Model;
import dev.vla.sim.scenario.ObjectTag;
import dev.vla.sim.scenario.Rgba;
import dev.vla.sim.scenario.Transform;
import dev.vla.sim.scenario.Visual;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A model of the world at run time: its pose, its links' shapes, and for a drawer the position of
 * its prismatic joint. Mutable; owned by the {@link Simulator} and used on its thread only.
 */
public final class Body {
  /** Parts of a model that move together. */
  static final class Part {
    final String name;
    final Transform modelFromLink;
    final boolean onJoint;
    final List<Shape> visuals = new ArrayList<>();
    final List<Shape> collisions = new ArrayList<>();

    Part(String name, Transform modelFromLink, boolean onJoint) {
      this.name = name;
      this.modelFromLink = modelFromLink;
      this.onJoint = onJoint;
    }

    List<Shape> solidShapes() {
      return collisions.isEmpty() ? visuals : collisions;
    }
  }

  final int id;
  final Model model;
  final List<Part> parts = new ArrayList<>();
  Transform pose;
  boolean removed;
  boolean held;
  /** Grasped, pushed or otherwise moved by the robot at least once. */
  boolean touched;
  /** The body this one rests on, or null for the floor. */
  Body support;
  /** True when it rests on the moving part of its support (a drawer's tray). */
  boolean onSupportJoint;

  // Prismatic joint (drawers): axis in the model frame, position in metres.
  final double[] axis;
  final double lower;
  final double upper;
  double jointPosition;

  Body(int id, Model model) {
    this.id = id;
    this.model = model;
    this.pose = Transform.fromPose(model.pose());
    Optional<Joint> prismatic = model.joints().stream().filter(j -> j.type() == Joint.Type.PRISMATIC).findFirst();
    String movingLink = prismatic.map(Joint::child).orElse(null);
    for (Link link : model.links()) {
      Part part = new Part(link.name(), Transform.fromPose(link.pose()), link.name().equals(movingLink));
      for (Visual v : link.visuals()) {
        part.visuals.add(new Shape(v.name(), v.geometry(), v.diffuse(), Transform.fromPose(v.pose())));
      }
      for (Collision c : link.collisions()) {
        part.collisions.add(new Shape(c.name(), c.geometry(), Rgba.GREY, Transform.fromPose(c.pose())));
      }
      parts.add(part);
    }
    if (prismatic.isPresent()) {
      Joint j = prismatic.get();
      axis = new double[] {j.ax(), j.ay(), j.az()};
      lower = j.lower();
      upper = j.upper();
      jointPosition = Math.max(lower, Math.min(upper, j.initialPosition()));
    } else {
      axis = null;
      lower = 0;
      upper = 0;
    }
  }

  public String name() {
    return model.name();
  }

  public Optional<ObjectTag> tag() {
    return model.tag();
  }

  public boolean isStatic() {
    return model.isStatic();
  }

  public boolean graspable() {
    return model.tag().map(ObjectTag::graspable).orElse(false);
  }

  public boolean container() {
    return model.tag().map(ObjectTag::container).orElse(false);
  }

  public boolean hasDrawerJoint() {
    return axis != null;
  }

  public boolean removed() {
    return removed;
  }

  public boolean touched() {
    return touched;
  }

  public double jointPosition() {
    return jointPosition;
  }

  public double jointLower() {
    return lower;
  }

  public double jointUpper() {
    return upper;
  }

  public Transform pose() {
    return pose;
  }

  Transform worldFromLink(Part part) {
    if (part.onJoint && axis != null) {
      Transform slide = Transform.translation(axis[0] * jointPosition, axis[1] * jointPosition, axis[2] * jointPosition);
      return pose.times(slide).times(part.modelFromLink);
    }
    return pose.times(part.modelFromLink);
  }

  /** Calls {@code visit} with every solid shape (collisions, or visuals where a link has none) and its world pose. */
  void forEachSolid(BiConsumer<Shape, Transform> visit) {
    for (Part part : parts) {
      Transform link = worldFromLink(part);
      for (Shape s : part.solidShapes()) {
        visit.accept(s, link.times(s.linkFromShape));
      }
    }
  }

  void forEachVisual(BiConsumer<Shape, Transform> visit) {
    for (Part part : parts) {
      Transform link = worldFromLink(part);
      for (Shape s : part.visuals) {
        visit.accept(s, link.times(s.linkFromShape));
      }
    }
  }

  /** World bounds {minX, minY, minZ, maxX, maxY, maxZ} of the solid shapes, ignoring infinite planes. */
  public double[] bounds() {
    double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    forEachSolid((shape, t) -> {
      if (shape.isPlane()) {
        return;
      }
      double[] sb = shape.bounds(t);
      for (int i = 0; i < 3; i++) {
        b[i] = Math.min(b[i], sb[i]);
        b[i + 3] = Math.max(b[i + 3], sb[i + 3]);
      }
    });
    return b;
  }

  /** Centre of the world bounds. */
  public double[] centre() {
    double[] b = bounds();
    return new double[] {(b[0] + b[3]) / 2, (b[1] + b[4]) / 2, (b[2] + b[5]) / 2};
  }

  /** Half extent along a horizontal unit direction, measured from the bounds' centre. */
  double extentAlong(double dx, double dy) {
    double[] c = centre();
    double[] max = {0};
    forEachSolid((shape, t) -> {
      if (shape.isPlane()) {
        return;
      }
      double[] sc = t.translationPart();
      double off = Math.abs((sc[0] - c[0]) * dx + (sc[1] - c[1]) * dy);
      max[0] = Math.max(max[0], off + shape.extentAlong(t, dx, dy, 0));
    });
    return max[0];
  }

  /**
   * Top height of the highest solid shape whose footprint contains (x, y) and whose top is at most
   * {@code notAbove}; NaN when none. {@code onJoint[0]} tells whether it belongs to the moving part.
   */
  double topBelow(double x, double y, double notAbove, boolean[] onJoint) {
    double best = Double.NaN;
    for (Part part : parts) {
      Transform link = worldFromLink(part);
      for (Shape s : part.solidShapes()) {
        Transform t = link.times(s.linkFromShape);
        double top;
        if (s.isPlane()) {
          Geometry.Plane p = (Geometry.Plane) s.geometry;
          top = t.translationPart()[2];
          if (Math.abs(p.nz()) < 0.9) {
            continue;
          }
        } else {
          if (s.footprintDistance(t, x, y) > 1e-9) {
            continue;
          }
          top = s.bounds(t)[5];
        }
        if (top <= notAbove + 1e-6 && (Double.isNaN(best) || top > best)) {
          best = top;
          if (onJoint != null) {
            onJoint[0] = part.onJoint;
          }
        }
      }
    }
    return best;
  }

  /** Top height of this body's highest solid under (x, y) that is at most {@code notAbove}; NaN if none. */
  public double topUnder(double x, double y, double notAbove) {
    return topBelow(x, y, notAbove, null);
  }

  /** Horizontal distance from (x, y) to the nearest solid footprint of this body (0 when over it). */
  public double footprintDistance(double x, double y) {
    double[] best = {Double.POSITIVE_INFINITY};
    forEachSolid((shape, t) -> {
      if (!shape.isPlane()) {
        best[0] = Math.min(best[0], shape.footprintDistance(t, x, y));
      }
    });
    return best[0];
  }

  /** Moves the body by a world translation. */
  void translate(double dx, double dy, double dz) {
    pose = Transform.translation(dx, dy, dz).times(pose);
  }

  /** Where a gripper should close on this drawer: its handle, or the middle of its front face. */
  public Optional<double[]> handlePoint() {
    if (axis == null) {
      return Optional.empty();
    }
    for (Part part : parts) {
      if (!part.onJoint) {
        continue;
      }
      Transform link = worldFromLink(part);
      for (Shape s : part.visuals) {
        if (s.name.toLowerCase(java.util.Locale.ROOT).contains("handle")) {
          return Optional.of(link.times(s.linkFromShape).translationPart());
        }
      }
      double[] frontMost = null;
      double best = Double.NEGATIVE_INFINITY;
      double[] worldAxis = pose.rotate(axis[0], axis[1], axis[2]);
      for (Shape s : part.solidShapes()) {
        Transform t = link.times(s.linkFromShape);
        double[] c = t.translationPart();
        double reach = c[0] * worldAxis[0] + c[1] * worldAxis[1] + c[2] * worldAxis[2]
            + s.extentAlong(t, worldAxis[0], worldAxis[1], worldAxis[2]);
        if (reach > best) {
          best = reach;
          double e = s.extentAlong(t, worldAxis[0], worldAxis[1], worldAxis[2]);
          frontMost = new double[] {c[0] + worldAxis[0] * e, c[1] + worldAxis[1] * e, c[2] + worldAxis[2] * e};
        }
      }
      return Optional.ofNullable(frontMost);
    }
    return Optional.empty();
  }

  /** The drawer's opening direction in the world. */
  double[] worldAxis() {
    return pose.rotate(axis[0], axis[1], axis[2]);
  }
}
