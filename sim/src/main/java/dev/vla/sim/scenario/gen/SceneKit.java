package dev.vla.sim.scenario.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Building blocks for generated scenes on top of {@link SdfWriter} and {@link Layout}: objects of
 * vocabulary sizes, bins and tables at sensible places, distractors kept off the robot's paths.
 * The robot starts at the origin facing +x unless a scene says otherwise.
 */
final class SceneKit {
  static final List<String> GRASPABLE = List.of("cube", "block", "ball", "cylinder", "can");
  static final List<String> COLORS = List.of("red", "green", "blue", "yellow", "orange", "purple", "white", "black");

  /** Something placed: its model name, category, colour, position (x, y, bottom z; a table's top) and footprint radius. */
  record Placed(String name, String category, String color, double x, double y, double z, double radius) {
    double[] xy() {
      return new double[] {x, y};
    }

    String words() {
      return color + " " + category;
    }
  }

  final String name;
  final SdfWriter sdf;
  final Layout layout;
  final Random rng;
  final List<Placed> objects = new ArrayList<>();

  SceneKit(String name, long seed) {
    this.name = name;
    this.sdf = new SdfWriter(name);
    this.rng = new Random(seed);
    this.layout = new Layout(rng);
    layout.reserve(0, 0, 0.45, true); // the robot
  }

  /** Edge (or diameter) of a graspable object for a size word. */
  static double sizeOf(String category, String size) {
    double base = switch (category) {
      case "block" -> 0.07;
      case "ball" -> 0.06;
      case "can" -> 0.066;
      default -> 0.05;
    };
    if ("small".equals(size)) {
      return 0.042;
    }
    if ("large".equals(size)) {
      return Math.max(base, 0.09);
    }
    return base;
  }

  Placed object(String category, String color, String size, double x, double y, double z) {
    String name = unique(color + "_" + category);
    double s = sizeOf(category, size);
    sdf.object(name, category, color, size, x, y, z, rng.nextDouble() * Math.PI, s);
    Placed p = new Placed(name, category, color, x, y, z, s * 0.75);
    objects.add(p);
    return p;
  }

  /** A graspable object on the floor somewhere in the box, or null when no room is left. */
  Placed floorObject(String category, String color, String size, double x0, double x1, double y0, double y1) {
    double[] xy = layout.place(x0, x1, y0, y1, 0.11, true);
    return xy == null ? null : object(category, color, size, xy[0], xy[1], 0);
  }

  Placed bin(String category, String color, double x, double y) {
    String name = unique(color + "_" + category);
    double side = switch (category) {
      case "tray" -> 0.36;
      case "basket" -> 0.34;
      case "box" -> 0.32;
      default -> 0.30;
    };
    double height = switch (category) {
      case "tray" -> 0.05;
      case "basket" -> 0.2;
      case "box" -> 0.28;
      default -> 0.25;
    };
    layout.reserve(x, y, side * 0.75, true);
    sdf.container(name, category, color, null, x, y, 0, rng.nextDouble() * 0.6 - 0.3, side, height);
    Placed p = new Placed(name, category, color, x, y, 0, side * 0.75);
    objects.add(p);
    return p;
  }

  /** A container standing on a surface at height z (not on the floor layout). */
  Placed binOn(String category, String color, double x, double y, double z) {
    String name = unique(color + "_" + category);
    double side = category.equals("tray") ? 0.3 : 0.26;
    double height = category.equals("tray") ? 0.04 : 0.16;
    sdf.container(name, category, color, null, x, y, z, 0, side, height);
    Placed p = new Placed(name, category, color, x, y, z, side * 0.75);
    objects.add(p);
    return p;
  }

  /** A table facing the robot: near edge at {@code nearX}, centred on y, {@code height} tall. */
  Placed table(String color, double nearX, double y, double height) {
    String name = unique(color + "_table");
    double depth = 0.6;
    double width = 1.0;
    sdf.table(name, color, nearX + depth / 2, y, 0, depth, width, height);
    for (double dy = -0.5; dy <= 0.5; dy += 0.25) {
      layout.reserve(nearX + 0.3, y + dy, 0.3, true);
    }
    Placed p = new Placed(name, "table", color, nearX + depth / 2, y, height, 0.6);
    objects.add(p);
    return p;
  }

  /** A graspable object on a table's top, {@code fromEdge} metres in from its near edge. */
  Placed onTable(Placed table, String category, String color, String size, double fromEdge, double y, double height) {
    return object(category, color, size, table.x() - 0.3 + fromEdge, y, height);
  }

  /** Distractors in the box that keep the given paths clear. */
  void distractors(int n, double x0, double x1, double y0, double y1, List<String> avoidWords, double[][] paths) {
    int added = 0;
    for (int tries = 0; added < n && tries < 200; tries++) {
      String cat = GRASPABLE.get(rng.nextInt(GRASPABLE.size()));
      String col = COLORS.get(rng.nextInt(COLORS.size()));
      if (avoidWords.contains(col + " " + cat) || avoidWords.contains(col) && avoidWords.contains(cat)) {
        continue;
      }
      double[] xy = layout.place(x0, x1, y0, y1, 0.11, true);
      if (xy == null) {
        return;
      }
      boolean clear = true;
      for (double[] seg : paths) {
        if (Layout.segmentDistance(xy[0], xy[1], seg[0], seg[1], seg[2], seg[3]) < Layout.PATH_CLEARANCE + 0.06) {
          clear = false;
          break;
        }
      }
      if (!clear) {
        continue;
      }
      object(cat, col, null, xy[0], xy[1], 0);
      added++;
    }
  }

  /**
   * True when the robot driving through {@code targets} in order (stopping {@code standoff} short of
   * each, as the skills do) keeps every floor object clear of its base, except the targets themselves.
   */
  boolean legsClear(double standoff, Placed... targets) {
    double x = 0;
    double y = 0;
    List<Placed> visited = new ArrayList<>();
    for (Placed t : targets) {
      visited.add(t); // the leg's own target and everything already moved away are no obstacles
      double[] a = Layout.approachPoint(x, y, t.x(), t.y(), t.category().equals("bin") || t.category().equals("basket")
          || t.category().equals("box") ? 0.55 : standoff);
      for (Placed o : objects) {
        if (visited.contains(o) || o.z() > 0.01 || o.category().equals("table")) {
          continue;
        }
        if (Layout.segmentDistance(o.x(), o.y(), x, y, a[0], a[1]) < Layout.PATH_CLEARANCE + o.radius()) {
          return false;
        }
      }
      x = a[0];
      y = a[1];
    }
    return true;
  }

  String unique(String base) {
    String name = base;
    int i = 2;
    while (exists(name)) {
      name = base + "_" + i++;
    }
    return name;
  }

  private boolean exists(String name) {
    return objects.stream().anyMatch(o -> o.name().equals(name));
  }

  <T> T pick(List<T> list) {
    return list.get(rng.nextInt(list.size()));
  }

  static String xy(double x, double y) {
    return String.format(Locale.ROOT, "%.3f %.3f", x, y);
  }
}
