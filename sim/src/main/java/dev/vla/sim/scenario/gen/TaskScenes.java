package dev.vla.sim.scenario.gen;

import dev.vla.sim.scenario.gen.SceneKit.Placed;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random scenes and tasks over the whole scenario vocabulary, for training data and for the held-out
 * evaluation set: eight categories of request (basic, relations, negation, multi-step, corrections,
 * ambiguity, absent, nonsense), 0-6 distractors, furniture, containers, drawers, regions, objects out
 * of view. A compositional split keeps some colour x category pairs (and relation x category pairs)
 * from ever being the referent in training; the held-out set uses them. Deterministic per seed.
 */
public final class TaskScenes {
  /** Request categories, as the model card reports them. */
  public static final List<String> CATEGORIES = List.of("basic", "relations", "negation", "multistep", "correction",
      "ambiguity", "absent", "nonsense");

  /**
   * Colour x category pairs never the referent of a training instruction. A list: the held-out generator
   * draws from it by index, and a set's iteration order changes from run to run.
   */
  public static final List<String> HELD_OUT_PAIRS = List.of("purple ball", "orange cube", "white can", "green cylinder",
      "yellow block");
  /** Relation x category pairs never used in training. */
  public static final Set<String> HELD_OUT_RELATIONS = Set.of("behind ball", "right_of can", "next_to cylinder");

  /**
   * A generated scenario.
   *
   * @param name world name: {@code category_seed}
   * @param category one of {@link #CATEGORIES}
   * @param compositional whether it uses a held-out colour x category or relation x category pair
   * @param sdf the scenario file's text
   * @param instruction the full instruction (with any correction appended)
   */
  public record Task(String name, String category, boolean compositional, String sdf, String instruction) {}

  private final Grammar.Split split;
  private final boolean correctionsAsSeparateUtterances;

  /**
   * @param split which phrasings and pairs may be used
   * @param correctionsAsSeparateUtterances held-out scenarios say a correction 1 s after the request;
   *     training data puts it in the same utterance (the vla node appends corrections to the instruction,
   *     so the model sees the same text either way)
   */
  public TaskScenes(Grammar.Split split, boolean correctionsAsSeparateUtterances) {
    this.split = split;
    this.correctionsAsSeparateUtterances = correctionsAsSeparateUtterances;
  }

  /** A task of the given category; null when no valid layout was found for this seed (try another). */
  public Task generate(String category, long seed) {
    for (int attempt = 0; attempt < 40; attempt++) {
      Builder b = new Builder(category + "_" + seed, seed * 1_000_003L + attempt);
      boolean ok = switch (category) {
        case "basic" -> b.basic();
        case "relations" -> b.relations();
        case "negation" -> b.negation();
        case "multistep" -> b.multistep();
        case "correction" -> b.correction();
        case "ambiguity" -> b.ambiguity();
        case "absent" -> b.absent();
        case "nonsense" -> b.nonsense();
        default -> throw new IllegalArgumentException("unknown category '" + category + "'; known: " + CATEGORIES);
      };
      if (ok) {
        b.k.sdf.comment("category " + category + (b.compositional ? ", compositional held-out pair" : "")
            + ": " + b.instruction.replace("--", "-"));
        return new Task(b.k.name, category, b.compositional, b.k.sdf.build(), b.instruction);
      }
    }
    return null;
  }

  private final class Builder {
    final SceneKit k;
    final Random rng;
    final Grammar g;
    boolean compositional;
    String instruction = "";

    Builder(String name, long seed) {
      this.k = new SceneKit(name, seed);
      this.rng = k.rng;
      this.g = new Grammar(rng, split, 0.12);
      k.sdf.robot(0, 0, (rng.nextDouble() - 0.5) * 0.4); // the camera does not always face the scene square on
    }

    // ---------------------------------------------------------------- choosing things

    /** A colour and graspable category for a referent, honouring the compositional split. */
    String[] referent() {
      boolean useHeldOut = split == Grammar.Split.HELDOUT && rng.nextDouble() < 0.3;
      if (useHeldOut) {
        String pair = HELD_OUT_PAIRS.get(rng.nextInt(HELD_OUT_PAIRS.size()));
        compositional = true;
        return pair.split(" ");
      }
      while (true) {
        String c = k.pick(SceneKit.COLORS);
        String cat = k.pick(SceneKit.GRASPABLE);
        if (!HELD_OUT_PAIRS.contains(c + " " + cat)) {
          return new String[] {c, cat};
        }
      }
    }

    String containerCategory() {
      return k.pick(List.of("bin", "bin", "basket", "box"));
    }

    String otherColor(String... not) {
      while (true) {
        String c = k.pick(SceneKit.COLORS);
        if (!List.of(not).contains(c)) {
          return c;
        }
      }
    }

    /** Distractors on the floor that are neither the referent's description nor in the way. */
    void distractors(int n, List<String> avoid, double[][] paths) {
      k.distractors(n, 0.8, 1.7, -0.8, 0.8, avoid, paths);
    }

    Placed containerSomewhere(String color) {
      int variant = rng.nextInt(3);
      return switch (variant) {
        case 0 -> k.bin(containerCategory(), color, 0.75 + 0.3 * rng.nextDouble(), 0.8 + 0.25 * rng.nextDouble());
        case 1 -> k.bin(containerCategory(), color, 0.75 + 0.3 * rng.nextDouble(), -0.8 - 0.25 * rng.nextDouble());
        default -> k.bin(containerCategory(), color, 1.85 + 0.25 * rng.nextDouble(), -0.35 + 0.7 * rng.nextDouble());
      };
    }

    void expectIn(Placed o, Placed c) {
      k.sdf.expect("<vla:in object=\"" + o.name() + "\" container=\"" + c.name() + "\"/>");
    }

    void untouchedExcept(Placed... except) {
      List<Placed> skip = List.of(except);
      for (Placed p : k.objects) {
        if (!skip.contains(p) && SceneKit.GRASPABLE.contains(p.category())) {
          k.sdf.expect("<vla:untouched object=\"" + p.name() + "\"/>");
        }
      }
    }

    void say(String text) {
      instruction = text;
      k.sdf.say("at=\"0.5\"", text);
    }

    // ---------------------------------------------------------------- categories

    boolean basic() {
      int kind = rng.nextInt(10);
      String[] r = referent();
      String size = rng.nextDouble() < 0.2 ? k.pick(List.of("small", "large")) : null;
      switch (kind) {
        case 0, 1, 2 -> { // floor object into a container
          Placed bin = containerSomewhere(otherColor(r[0]));
          Placed t = k.floorObject(r[1], r[0], size, 0.95, 1.35, -0.4, 0.4);
          if (t == null || !k.legsClear(0.45, t, bin)) {
            return false;
          }
          distractors(rng.nextInt(7), List.of(r[0] + " " + r[1]), paths(t, bin));
          say(g.put(g.np(size, r[0], r[1]), g.np(null, bin.color(), bin.category()), false));
          expectIn(t, bin);
          untouchedExcept(t);
        }
        case 3 -> { // from a table into a container on the floor
          String tableColor = k.pick(List.of("white", "black", "white"));
          if (r[0].equals(tableColor)) {
            return false;
          }
          Placed table = k.table(tableColor, 1.15 + 0.15 * rng.nextDouble(), -0.1 + 0.2 * rng.nextDouble(), 0.72 + 0.06 * rng.nextDouble());
          Placed t = k.onTable(table, r[1], r[0], size, 0.1, table.y() - 0.3 + 0.6 * rng.nextDouble(), table.z());
          int extra = rng.nextInt(3);
          for (int i = 0; i < extra; i++) {
            String dc = otherColor(r[0], tableColor);
            double y = t.y() + (i % 2 == 0 ? 0.18 : -0.18) * (1 + i / 2);
            if (Math.abs(y - table.y()) < 0.42) {
              k.onTable(table, k.pick(SceneKit.GRASPABLE), dc, null, 0.1 + 0.2 * rng.nextDouble(), y, table.z());
            }
          }
          Placed bin = k.bin(containerCategory(), otherColor(r[0]), 0.75 + 0.3 * rng.nextDouble(),
              (rng.nextBoolean() ? 1 : -1) * (0.85 + 0.2 * rng.nextDouble()));
          say(g.put(g.np(size, r[0], r[1]), g.np(null, bin.color(), bin.category()), false));
          expectIn(t, bin);
          untouchedExcept(t);
        }
        case 4 -> { // onto a table
          Placed table = k.table(k.pick(List.of("white", "black", "blue", "yellow")), 1.45, 0.0, 0.74);
          if (r[0].equals(table.color())) {
            return false;
          }
          Placed t = k.floorObject(r[1], r[0], size, 0.85, 1.0, -0.55, -0.2);
          if (t == null) {
            return false;
          }
          say(g.put(g.np(size, r[0], r[1]), g.np(null, table.color(), "table"), true));
          k.sdf.expect("<vla:on object=\"" + t.name() + "\" surface=\"" + table.name() + "\"/>");
          untouchedExcept(t);
        }
        case 5 -> { // pick up and hold, or bring
          Placed t = k.floorObject(r[1], r[0], size, 0.95, 1.3, -0.3, 0.3);
          if (t == null) {
            return false;
          }
          distractors(rng.nextInt(5), List.of(r[0] + " " + r[1]), paths(t));
          if (rng.nextBoolean()) {
            say(g.pickUp(g.np(size, r[0], r[1])));
            k.sdf.expect("<vla:holding object=\"" + t.name() + "\"/>");
          } else {
            say(g.bring(g.np(size, r[0], r[1])));
            k.sdf.expect("<vla:not_holding/>").expect("<vla:near object=\"robot\" target=\"" + t.name() + "\" within=\"1.0\"/>");
          }
          untouchedExcept(t);
        }
        case 6 -> { // a region
          String[] names = {"kitchen", "hallway", "workshop", "office", "garage", "pantry"};
          String name = k.pick(List.of(names));
          double[] c = {1.8 + 0.8 * rng.nextDouble(), (rng.nextBoolean() ? 1 : -1) * (0.6 + 0.8 * rng.nextDouble())};
          k.sdf.region(name, c[0], c[1], 1.4, 1.4);
          k.sdf.region(k.pick(List.of("storage", "lobby", "corner")), -c[0], -c[1], 1.2, 1.2);
          k.layout.reserve(c[0], c[1], 0.8, true);
          distractors(rng.nextInt(4), List.of(), new double[][] {{0, 0, c[0], c[1]}});
          say(g.go("the " + name));
          k.sdf.expect("<vla:in_region object=\"robot\" region=\"" + name + "\"/>");
        }
        case 7 -> { // drawer
          boolean open = rng.nextBoolean();
          String color = k.pick(List.of("white", "orange", "blue", "yellow", "black"));
          double y = -0.3 + 0.6 * rng.nextDouble();
          k.sdf.drawer(color + "_drawer", color, 1.35, y, 0, 0.5, 0.3, !open);
          k.layout.reserve(1.35, y, 0.45, true);
          distractors(rng.nextInt(3), List.of(), new double[][] {{0, 0, 1.0, y}});
          say(open ? g.open("the " + color + " drawer") : g.close("the " + color + " drawer"));
          k.sdf.expect("<vla:" + (open ? "opened" : "closed") + " object=\"" + color + "_drawer\"/>");
        }
        case 8 -> { // push
          String dir = rng.nextBoolean() ? "left" : "right";
          Placed t = k.object(r[1].equals("can") ? "cube" : r[1], r[0], null, 1.05, 0.0, 0);
          k.layout.reserve(t.x(), t.y(), 0.35, true);
          double dy = dir.equals("left") ? 0.15 : -0.15;
          say(g.push(g.np(null, t.color(), t.category()), dir));
          k.sdf.expect("<vla:near object=\"" + t.name() + "\" target=\"" + SceneKit.xy(t.x(), t.y() + dy)
              + "\" within=\"0.07\"/>").expect("<vla:not_holding/>");
        }
        default -> { // the target is behind the robot: look around first
          k.sdf.robot(0, 0, Math.PI + (rng.nextDouble() - 0.5));
          Placed t = k.floorObject(r[1], r[0], size, 0.95, 1.3, -0.35, 0.35);
          Placed bin = containerSomewhere(otherColor(r[0]));
          if (t == null || !k.legsClear(0.45, t, bin)) {
            return false;
          }
          say(g.put(g.np(size, r[0], r[1]), g.np(null, bin.color(), bin.category()), false));
          expectIn(t, bin);
          untouchedExcept(t);
        }
      }
      k.sdf.expect("<vla:no_collision/>").timeout(150);
      return true;
    }

    double[][] paths(Placed... targets) {
      List<double[]> out = new ArrayList<>();
      double x = 0;
      double y = 0;
      for (Placed t : targets) {
        double[] a = Layout.approachPoint(x, y, t.x(), t.y(), 0.5);
        out.add(new double[] {x, y, a[0], a[1]});
        x = a[0];
        y = a[1];
      }
      return out.toArray(new double[0][]);
    }

    boolean relations() {
      String[] r = referent();
      String kind = k.pick(List.of("left_of", "right_of", "behind", "in_front_of", "next_to", "nearest", "farthest"));
      String relKey = kind + " " + r[1];
      if (HELD_OUT_RELATIONS.contains(relKey)) {
        if (split == Grammar.Split.TRAIN) {
          return false;
        }
        compositional = true;
      }
      Placed bin = containerSomewhere(otherColor(r[0]));
      Placed target;
      Placed other;
      String np;
      if (kind.equals("nearest") || kind.equals("farthest")) {
        Placed near = k.object(r[1], r[0], null, 0.95, -0.35 + 0.7 * rng.nextDouble(), 0);
        Placed far = k.object(r[1], r[0], null, 1.55, -0.35 + 0.7 * rng.nextDouble(), 0);
        k.layout.reserve(near.x(), near.y(), 0.15, true);
        k.layout.reserve(far.x(), far.y(), 0.15, true);
        target = kind.equals("nearest") ? near : far;
        np = g.superlative(kind, r[0], r[1]);
      } else {
        String refColor = otherColor(r[0], bin.color());
        String refCat = k.pick(List.of("bin", "box", "cube", "ball", "cylinder"));
        double rx = 1.3;
        double ry = -0.15 + 0.3 * rng.nextDouble();
        Placed ref = refCat.equals("bin") || refCat.equals("box") ? k.bin(refCat, refColor, rx, ry)
            : k.object(refCat, refColor, null, rx, ry, 0);
        k.layout.reserve(rx, ry, 0.3, true);
        double[] a;
        double[] b;
        switch (kind) {
          case "left_of", "right_of" -> {
            a = new double[] {rx - 0.15, ry + 0.42};
            b = new double[] {rx - 0.15, ry - 0.42};
          }
          case "behind", "in_front_of" -> {
            a = new double[] {rx + 0.42, ry + 0.05};
            b = new double[] {rx - 0.4, ry - 0.05};
          }
          default -> { // next_to: one close to the reference, one far from it
            a = new double[] {rx - 0.05, ry + 0.33};
            b = new double[] {rx - 0.2, ry - 0.75};
          }
        }
        Placed pa = k.object(r[1], r[0], null, a[0], a[1], 0);
        Placed pb = k.object(r[1], r[0], null, b[0], b[1], 0);
        target = switch (kind) {
          case "left_of", "behind", "next_to" -> pa;
          default -> pb;
        };
        String refNp = g.np(null, refColor, refCat);
        np = g.related(g.np(null, rng.nextDouble() < 0.7 ? r[0] : null, r[1]), kind, refNp);
      }
      if (!k.legsClear(0.45, target, bin)) {
        return false;
      }
      say(g.put(np, g.np(null, bin.color(), bin.category()), false));
      expectIn(target, bin);
      untouchedExcept(target);
      k.sdf.expect("<vla:no_collision/>").timeout(150);
      return true;
    }

    boolean negation() {
      String cat = k.pick(SceneKit.GRASPABLE);
      String bad = k.pick(SceneKit.COLORS);
      String good = otherColor(bad);
      if (HELD_OUT_PAIRS.contains(good + " " + cat)) {
        if (split == Grammar.Split.TRAIN) {
          return false;
        }
        compositional = true;
      }
      Placed bin = containerSomewhere(otherColor(good, bad));
      Placed wrong = k.floorObject(cat, bad, null, 0.95, 1.35, -0.4, 0.4);
      Placed right = k.floorObject(cat, good, null, 0.95, 1.35, -0.4, 0.4);
      if (wrong == null || right == null || !k.legsClear(0.45, right, bin)) {
        return false;
      }
      distractors(rng.nextInt(4), List.of(cat), paths(right, bin));
      say(g.put(g.negated(cat, bad), g.np(null, bin.color(), bin.category()), false));
      expectIn(right, bin);
      untouchedExcept(right);
      k.sdf.expect("<vla:no_collision/>").timeout(150);
      return true;
    }

    boolean multistep() {
      String[] r = referent();
      Placed bin = containerSomewhere(otherColor(r[0]));
      Placed t = k.floorObject(r[1], r[0], null, 0.95, 1.3, -0.4, 0.4);
      if (t == null) {
        return false;
      }
      String first = g.put(g.np(null, r[0], r[1]), g.np(null, bin.color(), bin.category()), false);
      if (rng.nextBoolean()) {
        String region = k.pick(List.of("kitchen", "hallway", "office", "garage"));
        double[] c = {-1.4 - 0.4 * rng.nextDouble(), (rng.nextBoolean() ? 1 : -1) * (0.5 + 0.6 * rng.nextDouble())};
        k.sdf.region(region, c[0], c[1], 1.2, 1.2);
        if (!k.legsClear(0.45, t, bin)) {
          return false;
        }
        say(g.then(first, g.go("the " + region)));
        expectIn(t, bin);
        k.sdf.expect("<vla:in_region object=\"robot\" region=\"" + region + "\"/>");
        untouchedExcept(t);
      } else {
        String[] r2 = referent();
        if ((r2[0] + r2[1]).equals(r[0] + r[1])) {
          return false;
        }
        Placed t2 = k.floorObject(r2[1], r2[0], null, 0.95, 1.3, -0.4, 0.4);
        if (t2 == null || !k.legsClear(0.45, t, bin, t2, bin)) {
          return false;
        }
        say(g.then(first, g.put(g.np(null, r2[0], r2[1]), g.np(null, bin.color(), bin.category()), false)));
        expectIn(t, bin);
        expectIn(t2, bin);
        untouchedExcept(t, t2);
      }
      k.sdf.expect("<vla:no_collision/>").timeout(240);
      return true;
    }

    boolean correction() {
      String cat = k.pick(SceneKit.GRASPABLE);
      String wrongColor = k.pick(SceneKit.COLORS);
      String rightColor = otherColor(wrongColor);
      if (HELD_OUT_PAIRS.contains(rightColor + " " + cat) || HELD_OUT_PAIRS.contains(wrongColor + " " + cat)) {
        if (split == Grammar.Split.TRAIN) {
          return false;
        }
        compositional = true;
      }
      Placed wrong = k.floorObject(cat, wrongColor, null, 1.1, 1.35, -0.45, 0.45);
      Placed right = k.floorObject(cat, rightColor, null, 1.1, 1.35, -0.45, 0.45);
      Placed bin = containerSomewhere(otherColor(wrongColor, rightColor));
      if (wrong == null || right == null || !k.legsClear(0.45, right, bin)) {
        return false;
      }
      String request = g.put(g.np(null, wrongColor, cat), g.np(null, bin.color(), bin.category()), false);
      String fix = g.correction(rightColor, cat);
      instruction = request + ". " + fix;
      if (correctionsAsSeparateUtterances) {
        k.sdf.say("at=\"0.5\"", request).say("at=\"1.5\"", fix);
      } else {
        k.sdf.say("at=\"0.5\"", instruction);
      }
      expectIn(right, bin);
      untouchedExcept(right);
      k.sdf.expect("<vla:no_collision/>").timeout(150);
      return true;
    }

    boolean ambiguity() {
      String[] r = referent();
      Placed a = k.floorObject(r[1], r[0], null, 0.95, 1.35, -0.5, -0.05);
      Placed b = k.floorObject(r[1], r[0], null, 0.95, 1.35, 0.05, 0.5);
      if (a == null || b == null) {
        return false;
      }
      Placed bin = containerSomewhere(otherColor(r[0]));
      distractors(rng.nextInt(3), List.of(r[1]), new double[][] {});
      say(rng.nextBoolean() ? g.put(g.np(null, r[0], r[1]), g.np(null, bin.color(), bin.category()), false)
          : g.pickUp(g.np(null, r[0], r[1])));
      k.sdf.expect("<vla:asked/>").expect("<vla:not_holding/>");
      untouchedExcept();
      k.sdf.timeout(60);
      return true;
    }

    boolean absent() {
      String[] r = referent();
      Placed bin = containerSomewhere(otherColor(r[0]));
      distractors(1 + rng.nextInt(5), List.of(r[0] + " " + r[1], r[0], r[1]), new double[][] {});
      // Nothing of that colour and category is anywhere in the room.
      for (Placed p : k.objects) {
        if (p.color().equals(r[0]) && p.category().equals(r[1])) {
          return false;
        }
      }
      say(rng.nextBoolean() ? g.put(g.np(null, r[0], r[1]), g.np(null, bin.color(), bin.category()), false)
          : g.pickUp(g.np(null, r[0], r[1])));
      k.sdf.expect("<vla:asked/>").expect("<vla:not_holding/>");
      untouchedExcept();
      k.sdf.timeout(150);
      return true;
    }

    boolean nonsense() {
      String[] r = referent();
      Placed t = k.floorObject(r[1], r[0], null, 0.95, 1.35, -0.4, 0.4);
      if (t == null) {
        return false;
      }
      containerSomewhere(otherColor(r[0]));
      distractors(rng.nextInt(3), List.of(), new double[][] {});
      say(g.nonsense(g.np(null, r[0], r[1])));
      k.sdf.expect("<vla:no_motion/>").expect("<vla:asked/>");
      k.sdf.timeout(30);
      return true;
    }
  }
}
