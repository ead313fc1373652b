package dev.vla.model.baseline;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Pixel;
import dev.vla.affordances.SkillStatus;
import dev.vla.model.Decision;
import dev.vla.model.HistoryStep;
import dev.vla.model.Observation;
import dev.vla.model.Policy;

import dev.vla.model.baseline.ColorBlobs.Blob;
import dev.vla.model.language.Command;
import dev.vla.model.language.ObjectQuery;
import dev.vla.model.language.RuleParser;
import dev.vla.model.language.Utterances;
import dev.vla.model.language.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The classical baseline: {@link RuleParser} for the words, {@link ColorBlobs} for the pixels. Each
 * blob gets a coarse shape class from its 3D size and outline (ball / box-like / tall / container /
 * furniture); a description selects blobs by colour, class, size, negation and one spatial relation.
 * Progress through a multi-step instruction is read off the call history. Asks when it finds nothing
 * or more than one match; declines instructions it cannot parse. Stateless between decisions.
 */
public final class KeywordPolicy implements Policy {
  static final double MANIPULATION_RANGE = 1.5;
  /** Searches before giving up: three views (far, near, turned) at each of seven headings. */
  static final int MAX_SEARCH = 21;
  static final int MAX_FAILURES = 3;
  /** Blobs with more of their pixels in a few flat faces than this are boxes or cylinders, not balls. */
  static final double FACETED_BOX = 0.8;

  @Override
  public String name() {
    return "keyword";
  }

  @Override
  public void reset() {}

  @Override
  public Decision decide(Observation obs) {
    List<Command> steps = RuleParser.parse(obs.instruction());
    if (steps.isEmpty() || steps.stream().anyMatch(s -> s.action() == Command.Action.UNKNOWN)) {
      return ask("Sorry, I can't do \"" + Utterances.quoted(obs.instruction()) + "\".");
    }
    List<HistoryStep> history = obs.history();
    if (failuresInARow(history) >= MAX_FAILURES) {
      HistoryStep last = history.get(history.size() - 1);
      return ask("I failed at " + Utterances.quoted(last.call().skill()) + " (" + Utterances.quoted(last.reason())
          + "). What should I do?");
    }
    int done = completedSteps(steps, history);
    if (done >= steps.size()) {
      return Decision.of(call("done", Map.of(), null, 1.0), "all " + steps.size() + " step(s) done");
    }
    Command step = steps.get(done);
    Optional<ObjectQuery> previousObject = done > 0 ? steps.get(done - 1).object() : Optional.empty();
    List<Blob> blobs = ColorBlobs.find(obs);
    boolean holding = obs.robot().holding();
    return switch (step.action()) {
      case PUT -> holding ? toReceptacle(obs, blobs, step, history) : fetch(obs, blobs, resolve(step.object(), previousObject), history);
      case PICK -> fetch(obs, blobs, resolve(step.object(), previousObject), history);
      case BRING -> holding ? Decision.of(call("hand_over", Map.of(), null, 1.0), "hand it over")
          : fetch(obs, blobs, resolve(step.object(), previousObject), history);
      case GO -> go(obs, blobs, step, history);
      case OPEN, CLOSE, PUSH, LOOK, FIND -> act(obs, blobs, step, resolve(step.object(), previousObject), history);
      default -> ask("Sorry, I can't do that.");
    };
  }

  /** What the baseline sees in an image: one line per colour blob with its shape class, for diagnostics. */
  public static List<String> describeBlobs(Observation obs) {
    List<String> out = new ArrayList<>();
    for (Blob b : ColorBlobs.find(obs)) {
      out.add(String.format(Locale.ROOT, "%-7s %-9s at (%d,%d)-(%d,%d) centre (%.2f, %.2f) %s", b.color(), shapeClass(b),
          b.minU(), b.minV(), b.maxU(), b.maxV(), b.centre()[0], b.centre()[1], ColorBlobs.describe(b)));
    }
    return out;
  }

  private static ObjectQuery resolve(Optional<ObjectQuery> q, Optional<ObjectQuery> previous) {
    ObjectQuery query = q.orElse(ObjectQuery.any());
    return query.pronoun() && previous.isPresent() ? previous.get() : query;
  }

  /** How many steps the history shows finished, in order. */
  static int completedSteps(List<Command> steps, List<HistoryStep> history) {
    int i = 0;
    for (HistoryStep h : history) {
      if (i >= steps.size()) {
        break;
      }
      if (h.outcome() != SkillStatus.State.SUCCEEDED) {
        continue;
      }
      String skill = h.call().skill();
      Command s = steps.get(i);
      boolean finishes = switch (s.action()) {
        case PUT -> skill.equals("place");
        case PICK -> skill.equals("pick");
        case BRING -> skill.equals("hand_over");
        case GO -> skill.equals("navigate") && h.call().arg("standoff").isEmpty() && isFinalGo(h.call(), s);
        case OPEN -> skill.equals("open");
        case CLOSE -> skill.equals("close");
        case PUSH -> skill.equals("push");
        case LOOK, FIND -> skill.equals("look_at");
        default -> false;
      };
      if (finishes) {
        i++;
      }
    }
    return i;
  }

  private static boolean isFinalGo(AffordanceCall call, Command step) {
    String to = call.arg("to").orElse("");
    return step.region().map(to::equals).orElse(false)
        || step.destination().map(d -> d.words().equals(to)).orElse(false);
  }

  private Decision fetch(Observation obs, List<Blob> blobs, ObjectQuery q, List<HistoryStep> history) {
    Grounding g = ground(obs, blobs, q, false);
    if (g.match == null) {
      return notFound(q, g, history);
    }
    return approachOr(obs, g.match, q, "pick", Map.of("target", q.words()), topCentrePixel(obs, g.match),
        1.0 / g.candidates);
  }

  private Decision toReceptacle(Observation obs, List<Blob> blobs, Command step, List<HistoryStep> history) {
    ObjectQuery dest = step.destination().orElse(ObjectQuery.any());
    Grounding g = ground(obs, blobs, dest, true);
    if (g.match == null) {
      return notFound(dest, g, history);
    }
    boolean on = step.preposition().equals("on");
    Pixel pixel = on ? surfacePixel(obs, g.match, blobs) : centrePixel(obs, g.match);
    Map<String, String> args = new LinkedHashMap<>();
    args.put("target", step.object().map(ObjectQuery::words).orElse("object"));
    args.put(on ? "on" : "into", dest.words());
    return approachOr(obs, g.match, dest, "place", args, pixel, 1.0 / g.candidates);
  }

  private Decision go(Observation obs, List<Blob> blobs, Command step, List<HistoryStep> history) {
    if (step.region().isPresent() && obs.regions().containsKey(step.region().get())) {
      return Decision.of(call("navigate", Map.of("to", step.region().get()), null, 1.0), "drive to " + step.region().get());
    }
    ObjectQuery dest = step.destination().orElse(ObjectQuery.any());
    if (dest.isEmpty()) {
      return ask("Where should I go?");
    }
    Grounding g = ground(obs, blobs, dest, false);
    if (g.match == null) {
      return notFound(dest, g, history);
    }
    return Decision.of(call("navigate", Map.of("to", dest.words()), topCentrePixel(obs, g.match), 1.0 / g.candidates),
        "drive to the " + dest.words());
  }

  private Decision act(Observation obs, List<Blob> blobs, Command step, ObjectQuery q, List<HistoryStep> history) {
    Grounding g = ground(obs, blobs, q, false);
    if (g.match == null) {
      return notFound(q, g, history);
    }
    boolean drawer = q.category().filter("drawer"::equals).isPresent();
    Pixel p = drawer ? handlePixel(obs, g.match) : centrePixel(obs, g.match);
    double conf = 1.0 / g.candidates;
    return switch (step.action()) {
      case OPEN -> approachOr(obs, g.match, q, "open", Map.of("target", q.words()), p, conf);
      case CLOSE -> approachOr(obs, g.match, q, "close", Map.of("target", q.words()), p, conf);
      case PUSH -> approachOr(obs, g.match, q, "push", Map.of("target", q.words(),
          "direction", step.direction().orElse("forward")), topCentrePixel(obs, g.match), conf);
      default -> Decision.of(call("look_at", Map.of("target", q.words()), p, conf), "look at the " + q.words());
    };
  }

  private Decision approachOr(Observation obs, Blob b, ObjectQuery q, String skill, Map<String, String> args, Pixel p,
      double confidence) {
    List<HistoryStep> h = obs.history();
    boolean justLooked = !h.isEmpty() && h.get(h.size() - 1).call().skill().equals("look_at");
    if (b.clipped(obs.width(), obs.height()) && !justLooked) {
      return Decision.of(call("look_at", Map.of("target", q.words()), centrePixel(obs, b), confidence),
          "the " + q.words() + " is cut off at the image border: look at it first");
    }
    double[] c = b.centre();
    double[] base = robotXy(obs);
    double distance = Math.hypot(c[0] - base[0], c[1] - base[1]);
    if (distance > MANIPULATION_RANGE) {
      return Decision.of(call("navigate", Map.of("to", q.words()), p, confidence),
          String.format(Locale.ROOT, "the %s is %.1f m away: drive closer", q.words(), distance));
    }
    return Decision.of(call(skill, args, p, confidence), skill + " the " + q.words());
  }

  private Decision notFound(ObjectQuery q, Grounding g, List<HistoryStep> history) {
    if (g.candidates > 1) {
      return ask("I see " + g.candidates + " that could be the " + q.words() + ". Which one do you mean?");
    }
    int turns = 0;
    for (int i = history.size() - 1; i >= 0 && history.get(i).call().skill().equals("find"); i--) {
      turns++;
    }
    if (turns >= MAX_SEARCH) {
      return ask("I cannot find the " + q.words() + ".");
    }
    // At each heading look far, then near, then turn: one tilt cannot see both the floor at the
    // robot's feet and furniture across the room.
    Map<String, String> args = new LinkedHashMap<>();
    args.put("description", q.words());
    args.put("direction", turns % 3 == 2 ? "left" : "here");
    args.put("range", new String[] {"far", "near", "mid"}[turns % 3]);
    return Decision.of(call("find", args, null, 1.0), "look for the " + q.words());
  }

  private static int failuresInARow(List<HistoryStep> history) {
    int n = 0;
    for (int i = history.size() - 1; i >= 0; i--) {
      SkillStatus.State s = history.get(i).outcome();
      if (s == SkillStatus.State.SUCCEEDED) {
        break;
      }
      n++;
    }
    return n;
  }

  // ------------------------------------------------------------------ grounding

  /** The blob a description picks, with how many blobs matched before disambiguation. */
  private record Grounding(Blob match, int candidates) {}

  /** Coarse shape classes a colour blob can be told apart by. */
  static String shapeClass(Blob b) {
    double w = b.width();
    if (w > 0.55) {
      return "furniture";
    }
    if (w > 0.17) {
      return b.height() < 0.09 ? "tray" : "container";
    }
    // A small cube's outline looks nearly round too; what gives a ball away is its shading, which
    // changes continuously instead of in a few flat faces.
    if (b.circularity() > 0.75 && b.faceted() < FACETED_BOX && b.height() < 1.25 * w) {
      return "ball";
    }
    if (b.height() > 1.65 * w) {
      return "can";
    }
    return b.height() > 1.2 * w ? "tall" : "boxy";
  }

  /** Whether a blob of shape class {@code cls} can be a {@code category}; cabinets and doors come in many sizes. */
  static boolean matches(String category, String cls) {
    if (category.equals("drawer") || category.equals("door")) {
      return cls.equals("furniture") || cls.equals("container");
    }
    return classOf(category).equals(cls);
  }

  static String classOf(String category) {
    return switch (category) {
      case "cube", "block" -> "boxy";
      case "ball" -> "ball";
      case "cylinder" -> "tall";
      case "can" -> "can";
      case "bin", "basket", "box" -> "container";
      case "tray" -> "tray";
      case "table", "shelf", "door", "drawer" -> "furniture";
      default -> "";
    };
  }

  private Grounding ground(Observation obs, List<Blob> blobs, ObjectQuery q, boolean receptacle) {
    List<Blob> c = new ArrayList<>();
    for (Blob b : blobs) {
      String cls = shapeClass(b);
      if (q.color().isPresent() && !q.color().get().equals(b.color())) {
        continue;
      }
      if (q.notColors().contains(b.color())) {
        continue;
      }
      if (q.category().isPresent()) {
        if (!matches(q.category().get(), cls)) {
          continue;
        }
      } else if (receptacle ? !(cls.equals("container") || cls.equals("tray") || cls.equals("furniture"))
          : (cls.equals("furniture") || cls.equals("container") || cls.equals("tray"))) {
        continue;
      }
      if (q.notCategories().stream().map(KeywordPolicy::classOf).anyMatch(cls::equals)) {
        continue;
      }
      if (q.size().isPresent() && !cls.equals("furniture")) {
        boolean small = b.width() < 0.075;
        if (q.size().get().equals("small") != small) {
          continue;
        }
      }
      c.add(b);
    }
    int candidates = c.size();
    if (c.isEmpty()) {
      return new Grounding(null, 0);
    }
    if (q.relation().isPresent()) {
      Optional<Blob> pick = applyRelation(obs, blobs, c, q.relation().get());
      return new Grounding(pick.orElse(null), pick.isPresent() ? 1 : 0);
    }
    return c.size() == 1 ? new Grounding(c.get(0), 1) : new Grounding(null, candidates);
  }

  private Optional<Blob> applyRelation(Observation obs, List<Blob> all, List<Blob> c, ObjectQuery.Relation r) {
    double[] base = robotXy(obs);
    Comparator<Blob> byDistance = Comparator.comparingDouble(b -> Math.hypot(b.centre()[0] - base[0], b.centre()[1] - base[1]));
    switch (r.kind()) {
      case NEAREST:
        return c.stream().min(byDistance);
      case FARTHEST:
        return c.stream().max(byDistance);
      case LEFTMOST:
        return c.stream().min(Comparator.comparingDouble(Blob::centreU));
      case RIGHTMOST:
        return c.stream().max(Comparator.comparingDouble(Blob::centreU));
      default:
        break;
    }
    ObjectQuery refQuery = r.reference().orElse(ObjectQuery.any());
    boolean refIsReceptacle = refQuery.category().map(k -> Vocabulary.isContainer(k) || Vocabulary.SURFACES.contains(k))
        .orElse(false);
    Grounding ref = ground(obs, all, refQuery, refIsReceptacle);
    if (ref.match == null) {
      return Optional.empty();
    }
    Blob rb = ref.match;
    double[] rc = rb.centre();
    List<Blob> ok = new ArrayList<>();
    for (Blob b : c) {
      if (b == rb) {
        continue;
      }
      double[] bc = b.centre();
      double dRobot = Math.hypot(bc[0] - base[0], bc[1] - base[1]);
      double dRefRobot = Math.hypot(rc[0] - base[0], rc[1] - base[1]);
      boolean holds = switch (r.kind()) {
        case LEFT_OF -> b.centreU() < rb.centreU();
        case RIGHT_OF -> b.centreU() > rb.centreU();
        case BEHIND -> dRobot > dRefRobot;
        case IN_FRONT_OF -> dRobot < dRefRobot;
        case NEXT_TO -> true;
        case ON, IN -> bc[0] > rb.min()[0] && bc[0] < rb.max()[0] && bc[1] > rb.min()[1] && bc[1] < rb.max()[1];
        default -> false;
      };
      if (holds) {
        ok.add(b);
      }
    }
    return ok.stream().min(Comparator.comparingDouble(b -> Math.hypot(b.centre()[0] - rc[0], b.centre()[1] - rc[1])));
  }

  // ------------------------------------------------------------------ where to point

  /** The blob pixel on its top surface nearest its horizontal centre: where a top-down grasp aims. */
  static Pixel topCentrePixel(Observation obs, Blob b) {
    double[] c = b.centre();
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int i = 0; i < b.points().length; i++) {
      double[] p = b.points()[i];
      if (p[2] < b.topZ() - 0.015) {
        continue;
      }
      double d = Math.hypot(p[0] - c[0], p[1] - c[1]);
      if (d < bestD) {
        bestD = d;
        best = b.pixels()[i];
      }
    }
    return best < 0 ? centrePixel(obs, b) : new Pixel(best % obs.width(), best / obs.width());
  }

  /** The blob pixel whose 3D point is nearest the blob's horizontal centre (a container's floor). */
  static Pixel centrePixel(Observation obs, Blob b) {
    double[] c = b.centre();
    int best = b.pixels()[0];
    double bestD = Double.POSITIVE_INFINITY;
    for (int i = 0; i < b.points().length; i++) {
      double[] p = b.points()[i];
      double d = Math.hypot(p[0] - c[0], p[1] - c[1]);
      if (d < bestD) {
        bestD = d;
        best = b.pixels()[i];
      }
    }
    return new Pixel(best % obs.width(), best / obs.width());
  }

  /**
   * A drawer's handle: the grey (unsaturated) pixels inside the drawer's outline that stand out
   * toward the robot from its front; the outline's centre when there are none.
   */
  static Pixel handlePixel(Observation obs, Blob drawer) {
    int w = obs.width();
    byte[] rgb = obs.rgb();
    double[] base = robotXy(obs);
    double frontDistance = Double.POSITIVE_INFINITY;
    for (double[] p : drawer.points()) {
      frontDistance = Math.min(frontDistance, Math.hypot(p[0] - base[0], p[1] - base[1]));
    }
    double su = 0;
    double sv = 0;
    int n = 0;
    for (int v = Math.max(0, drawer.minV() - 10); v <= Math.min(obs.height() - 1, drawer.maxV() + 10); v++) {
      for (int u = Math.max(0, drawer.minU() - 10); u <= Math.min(w - 1, drawer.maxU() + 10); u++) {
        int i = v * w + u;
        int r = rgb[3 * i] & 0xff;
        int g = rgb[3 * i + 1] & 0xff;
        int b = rgb[3 * i + 2] & 0xff;
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        float d = obs.depth()[i];
        if (max < 40 || max > 220 || max - min > 0.15 * max || !Float.isFinite(d)) {
          continue;
        }
        double[] o = obs.intrinsics().backProject(u, v, d);
        double[] p = obs.odomFromOptical().apply(o[0], o[1], o[2]);
        double dist = Math.hypot(p[0] - base[0], p[1] - base[1]);
        if (dist < frontDistance - 0.005 && dist > frontDistance - 0.08 && p[2] > 0.05) {
          su += u;
          sv += v;
          n++;
        }
      }
    }
    return n < 5 ? centrePixel(obs, drawer) : new Pixel((int) Math.round(su / n), (int) Math.round(sv / n));
  }

  /** A point on a surface's top, inside its edges and away from other blobs, nearest the robot. */
  static Pixel surfacePixel(Observation obs, Blob surface, List<Blob> all) {
    double[] base = robotXy(obs);
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int i = 0; i < surface.points().length; i++) {
      double[] p = surface.points()[i];
      if (p[2] < surface.topZ() - 0.02 || p[0] < surface.min()[0] + 0.08 || p[0] > surface.max()[0] - 0.08
          || p[1] < surface.min()[1] + 0.08 || p[1] > surface.max()[1] - 0.08) {
        continue;
      }
      boolean clear = true;
      for (Blob o : all) {
        if (o != surface && o.width() < 0.5 && Math.hypot(o.centre()[0] - p[0], o.centre()[1] - p[1]) < 0.12) {
          clear = false;
          break;
        }
      }
      double d = Math.hypot(p[0] - base[0], p[1] - base[1]);
      if (clear && d < bestD) {
        bestD = d;
        best = surface.pixels()[i];
      }
    }
    return best < 0 ? centrePixel(obs, surface) : new Pixel(best % obs.width(), best / obs.width());
  }

  private static double[] robotXy(Observation obs) {
    return new double[] {obs.robot().baseInOdom().x(), obs.robot().baseInOdom().y()};
  }

  private static Decision ask(String question) {
    return Decision.of(call("ask", Map.of("question", question), null, 1.0), "ask: " + question);
  }

  private static AffordanceCall call(String skill, Map<String, String> args, Pixel pixel, double confidence) {
    return new AffordanceCall(0, skill, args, Optional.ofNullable(pixel), Optional.empty(), confidence, 1.0, 0, 0);
  }
}
