package dev.vla.sim.scenario.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds scenario files (SDF 1.9 + {@code vla:} task) from furniture and object models: a ground
 * plane, tables, shelves, bins, trays, baskets and boxes made of boxes, drawers in cabinets on
 * prismatic joints, and graspable cubes, blocks, balls, cylinders and cans. Writes text that the
 * scenario loader and libsdformat both accept. Not thread-safe; one builder per file.
 */
public final class SdfWriter {
  /** RGB albedo of each vocabulary colour as the renderer draws it. */
  public static final Map<String, double[]> RGB = Map.of(
      "red", new double[] {0.85, 0.1, 0.1},
      "green", new double[] {0.1, 0.7, 0.15},
      "blue", new double[] {0.1, 0.25, 0.85},
      "yellow", new double[] {0.95, 0.85, 0.1},
      "orange", new double[] {0.95, 0.5, 0.05},
      "purple", new double[] {0.5, 0.15, 0.7},
      "white", new double[] {0.93, 0.93, 0.91},
      "black", new double[] {0.07, 0.07, 0.08});
  private static final double[] LEG = {0.3, 0.3, 0.3};
  private static final double[] METAL = {0.6, 0.6, 0.62};
  private static final double[] LID = {0.4, 0.4, 0.42};

  private final String world;
  private final StringBuilder models = new StringBuilder();
  private final List<String> regions = new ArrayList<>();
  private String robot = "0 0 0 0";
  private final List<String> says = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final List<String> expect = new ArrayList<>();
  private double timeout = 60;
  private String comment = "";

  public SdfWriter(String world) {
    if (!world.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("world names are lower_snake_case: " + world);
    }
    this.world = world;
    ground();
  }

  public SdfWriter comment(String text) {
    this.comment = text.replace("--", "-");
    return this;
  }

  private void ground() {
    models.append("""
        <model name="ground">
          <static>true</static>
          <link name="link">
            <collision name="collision"><geometry><plane><normal>0 0 1</normal><size>20 20</size></plane></geometry></collision>
            <visual name="visual"><geometry><plane><normal>0 0 1</normal><size>20 20</size></plane></geometry>
              <material><diffuse>0.45 0.45 0.43 1</diffuse></material></visual>
          </link>
        </model>
    """);
  }

  // ------------------------------------------------------------------ furniture

  /** A four-legged table: top centre at (x, y), {@code height} to the top surface, yaw about z. */
  public SdfWriter table(String name, String color, double x, double y, double yaw, double sx, double sy, double height) {
    StringBuilder l = new StringBuilder();
    box(l, "top", 0, 0, height - 0.02, sx, sy, 0.04, RGB.get(color));
    double lx = sx / 2 - 0.04;
    double ly = sy / 2 - 0.04;
    int i = 1;
    for (int a = -1; a <= 1; a += 2) {
      for (int b = -1; b <= 1; b += 2) {
        box(l, "leg" + i++, a * lx, b * ly, (height - 0.04) / 2, 0.04, 0.04, height - 0.04, LEG);
      }
    }
    return model(name, true, x, y, 0, yaw, l.toString(), tag("table", color, null, false, false));
  }

  /** An open shelf: two boards on side panels; the top board's surface at {@code height}. */
  public SdfWriter shelf(String name, String color, double x, double y, double yaw, double sx, double sy, double height) {
    StringBuilder l = new StringBuilder();
    double[] c = RGB.get(color);
    box(l, "board_top", 0, 0, height - 0.015, sx, sy, 0.03, c);
    box(l, "board_low", 0, 0, height / 2 - 0.015, sx, sy, 0.03, c);
    box(l, "side_left", 0, sy / 2 - 0.015, (height - 0.03) / 2, sx, 0.03, height - 0.03, c);
    box(l, "side_right", 0, -sy / 2 + 0.015, (height - 0.03) / 2, sx, 0.03, height - 0.03, c);
    return model(name, true, x, y, 0, yaw, l.toString(), tag("shelf", color, null, false, false));
  }

  /** An open-topped container (bin, basket, box or tray): outer size, wall height, base on the support at z. */
  public SdfWriter container(String name, String category, String color, String size, double x, double y, double z,
      double yaw, double side, double height) {
    StringBuilder l = new StringBuilder();
    double[] c = RGB.get(color);
    double t = 0.012;
    box(l, "floor", 0, 0, 0.01, side, side, 0.02, c);
    double wallZ = height / 2;
    box(l, "wall_front", -side / 2 + t / 2, 0, wallZ, t, side, height, c);
    box(l, "wall_back", side / 2 - t / 2, 0, wallZ, t, side, height, c);
    box(l, "wall_left", 0, side / 2 - t / 2, wallZ, side - 2 * t, t, height, c);
    box(l, "wall_right", 0, -side / 2 + t / 2, wallZ, side - 2 * t, t, height, c);
    return model(name, false, x, y, z, yaw, l.toString(), tag(category, color, size, false, true));
  }

  /**
   * A cabinet with one drawer facing the robot along the model's -x: the drawer slides out along -x by up
   * to {@code travel} metres. {@code open} starts it pulled out (its joint then runs [-travel, 0]).
   */
  public SdfWriter drawer(String name, String color, double x, double y, double yaw, double height, double travel,
      boolean open) {
    double w = 0.4;
    double d = 0.4;
    double[] c = RGB.get(color);
    StringBuilder cab = new StringBuilder();
    box(cab, "top", 0, 0, height - 0.01, d, w, 0.02, c);
    box(cab, "back", d / 2 - 0.01, 0, (height - 0.02) / 2, 0.02, w, height - 0.02, c);
    box(cab, "side_left", 0, w / 2 - 0.01, (height - 0.02) / 2, d - 0.04, 0.02, height - 0.02, c);
    box(cab, "side_right", 0, -w / 2 + 0.01, (height - 0.02) / 2, d - 0.04, 0.02, height - 0.02, c);
    box(cab, "bottom", 0, 0, 0.02, d - 0.04, w - 0.04, 0.04, c);
    double out = open ? travel : 0;
    double drawerZ = height / 2;
    double dh = Math.min(0.18, height - 0.14);
    StringBuilder dr = new StringBuilder();
    double fx = -d / 2 + 0.01 - out;
    box(dr, "front", fx, 0, drawerZ, 0.02, w - 0.05, dh, c);
    box(dr, "tray", fx + 0.17, 0, drawerZ - dh / 2 + 0.015, 0.32, w - 0.07, 0.01, c);
    box(dr, "handle", fx - 0.025, 0, drawerZ + dh / 4, 0.02, 0.12, 0.02, METAL);
    String lower = fmt(open ? -travel : 0);
    String upper = fmt(open ? 0 : travel);
    String body = "      <link name=\"cabinet\">\n" + cab + "      </link>\n"
        + "      <link name=\"drawer\">\n" + dr + "      </link>\n"
        + "      <joint name=\"slide\" type=\"prismatic\">\n"
        + "        <parent>cabinet</parent>\n        <child>drawer</child>\n"
        + "        <axis><xyz expressed_in=\"__model__\">-1 0 0</xyz><limit><lower>" + lower + "</lower><upper>" + upper
        + "</upper></limit></axis>\n"
        + "      </joint>\n";
    return rawModel(name, true, x, y, 0, yaw, body, tag("drawer", color, null, false, false));
  }

  /** A door leaf standing in a frame (a landmark; it does not open). */
  public SdfWriter door(String name, String color, double x, double y, double yaw) {
    StringBuilder l = new StringBuilder();
    box(l, "leaf", 0, 0, 1.0, 0.05, 0.9, 2.0, RGB.get(color));
    box(l, "knob", -0.04, 0.35, 1.0, 0.04, 0.04, 0.04, METAL);
    return model(name, true, x, y, 0, yaw, l.toString(), tag("door", color, null, false, false));
  }

  /** A plain wall (scenery, no tag). */
  public SdfWriter wall(String name, double x, double y, double yaw, double length) {
    StringBuilder l = new StringBuilder();
    box(l, "wall", 0, 0, 0.5, 0.1, length, 1.0, new double[] {0.8, 0.76, 0.68});
    return model(name, true, x, y, 0, yaw, l.toString(), "");
  }

  // ------------------------------------------------------------------ objects

  /**
   * A graspable object resting with its bottom at {@code z}: cube/block (box), ball (sphere),
   * cylinder/can (upright cylinder). {@code size} is the edge or diameter in metres (0.04..0.12).
   */
  public SdfWriter object(String name, String category, String color, String sizeWord, double x, double y, double z,
      double yaw, double size) {
    StringBuilder l = new StringBuilder();
    double[] c = RGB.get(color);
    double centreZ;
    String geometry;
    switch (category) {
      case "cube" -> {
        geometry = "<box><size>" + fmt(size) + " " + fmt(size) + " " + fmt(size) + "</size></box>";
        centreZ = z + size / 2;
      }
      case "block" -> {
        geometry = "<box><size>" + fmt(size) + " " + fmt(size * 0.6) + " " + fmt(size * 0.6) + "</size></box>";
        centreZ = z + size * 0.3;
      }
      case "ball" -> {
        geometry = "<sphere><radius>" + fmt(size / 2) + "</radius></sphere>";
        centreZ = z + size / 2;
      }
      case "cylinder" -> {
        geometry = "<cylinder><radius>" + fmt(size / 2) + "</radius><length>" + fmt(size * 1.5) + "</length></cylinder>";
        centreZ = z + size * 0.75;
      }
      case "can" -> {
        // A drink can: taller than wide, with a metal lid.
        double r = size / 2;
        double h = size * 1.8;
        geometry = "<cylinder><radius>" + fmt(r) + "</radius><length>" + fmt(h) + "</length></cylinder>";
        centreZ = z + h / 2;
        l.append("        <visual name=\"lid\"><pose>0 0 ").append(fmt(h / 2 + 0.002)).append(" 0 0 0</pose><geometry>")
            .append("<cylinder><radius>").append(fmt(r * 0.92)).append("</radius><length>0.004</length></cylinder></geometry>\n")
            .append("          <material><diffuse>").append(rgba(LID)).append("</diffuse></material></visual>\n");
      }
      default -> throw new IllegalArgumentException("not a graspable category: " + category);
    }
    l.append("        <collision name=\"collision\"><geometry>").append(geometry).append("</geometry></collision>\n");
    l.append("        <visual name=\"visual\"><geometry>").append(geometry).append("</geometry>\n")
        .append("          <material><diffuse>").append(rgba(c)).append("</diffuse></material></visual>\n");
    return model(name, false, x, y, centreZ, yaw, l.toString(), tag(category, color, sizeWord, true, false));
  }

  // ------------------------------------------------------------------ task

  public SdfWriter region(String name, double cx, double cy, double w, double h) {
    regions.add(String.format(Locale.ROOT, "    <vla:region name=\"%s\" center=\"%s %s\" size=\"%s %s\"/>", name, fmt(cx),
        fmt(cy), fmt(w), fmt(h)));
    return this;
  }

  public SdfWriter robot(double x, double y, double yaw) {
    robot = fmt(x) + " " + fmt(y) + " 0 " + fmt(yaw);
    return this;
  }

  public SdfWriter timeout(double seconds) {
    timeout = seconds;
    return this;
  }

  /** An utterance; {@code when} is {@code at="1.0"} or {@code after="say:0"}. */
  public SdfWriter say(String when, String text) {
    says.add("      <vla:say " + when + ">" + escape(text) + "</vla:say>");
    return this;
  }

  /** An event element's attributes after {@code <vla:event }, e.g. {@code at="3" type="camera_dropout" duration="1"}. */
  public SdfWriter event(String attributes) {
    events.add("      <vla:event " + attributes + "/>");
    return this;
  }

  /** A predicate element, e.g. {@code <vla:in object="a" container="b"/>}. */
  public SdfWriter expect(String predicate) {
    expect.add("        " + predicate);
    return this;
  }

  public String build() {
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\"?>\n");
    if (!comment.isEmpty()) {
      sb.append("<!-- ").append(comment).append(" -->\n");
    }
    sb.append("<sdf version=\"1.9\" xmlns:vla=\"urn:vla-controller:scenario:1\">\n");
    sb.append("  <world name=\"").append(world).append("\">\n");
    sb.append(models);
    for (String r : regions) {
      sb.append(r).append('\n');
    }
    sb.append("    <vla:robot pose=\"").append(robot).append("\"/>\n");
    sb.append("    <vla:task timeout=\"").append(fmt(timeout)).append("\">\n");
    says.forEach(s -> sb.append(s).append('\n'));
    events.forEach(e -> sb.append(e).append('\n'));
    sb.append("      <vla:expect>\n");
    expect.forEach(e -> sb.append(e).append('\n'));
    sb.append("      </vla:expect>\n    </vla:task>\n  </world>\n</sdf>\n");
    return sb.toString();
  }

  // ------------------------------------------------------------------ helpers

  private SdfWriter model(String name, boolean isStatic, double x, double y, double z, double yaw, String linkBody, String tag) {
    return rawModel(name, isStatic, x, y, z, yaw, "      <link name=\"link\">\n" + linkBody + "      </link>\n", tag);
  }

  private SdfWriter rawModel(String name, boolean isStatic, double x, double y, double z, double yaw, String body, String tag) {
    models.append("    <model name=\"").append(name).append("\">\n");
    if (isStatic) {
      models.append("      <static>true</static>\n");
    }
    models.append("      <pose>").append(fmt(x)).append(' ').append(fmt(y)).append(' ').append(fmt(z)).append(" 0 0 ")
        .append(fmt(yaw)).append("</pose>\n");
    models.append(body);
    if (!tag.isEmpty()) {
      models.append("      ").append(tag).append('\n');
    }
    models.append("    </model>\n");
    return this;
  }

  private static String tag(String category, String color, String size, boolean graspable, boolean container) {
    StringBuilder t = new StringBuilder("<vla:object category=\"").append(category).append("\" color=\"").append(color).append('"');
    if (size != null) {
      t.append(" size=\"").append(size).append('"');
    }
    if (graspable) {
      t.append(" graspable=\"true\"");
    }
    if (container) {
      t.append(" container=\"true\"");
    }
    return t.append("/>").toString();
  }

  private static void box(StringBuilder l, String name, double x, double y, double z, double sx, double sy, double sz,
      double[] rgb) {
    String pose = "<pose>" + fmt(x) + " " + fmt(y) + " " + fmt(z) + " 0 0 0</pose>";
    String geometry = "<geometry><box><size>" + fmt(sx) + " " + fmt(sy) + " " + fmt(sz) + "</size></box></geometry>";
    l.append("        <collision name=\"").append(name).append("\">").append(pose).append(geometry).append("</collision>\n");
    l.append("        <visual name=\"").append(name).append("\">").append(pose).append(geometry)
        .append("<material><diffuse>").append(rgba(rgb)).append("</diffuse></material></visual>\n");
  }

  private static String rgba(double[] c) {
    return fmt(c[0]) + " " + fmt(c[1]) + " " + fmt(c[2]) + " 1";
  }

  static String fmt(double v) {
    String s = String.format(Locale.ROOT, "%.4f", v);
    s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    return s.equals("-0") ? "0" : s;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
