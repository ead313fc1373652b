package dev.vla.model.oracle;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Pixel;
import dev.vla.affordances.SkillStatus;
import dev.vla.model.Decision;
import dev.vla.model.HistoryStep;
import dev.vla.model.Observation;
import dev.vla.model.Policy;
import dev.vla.model.SearchPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Plans the next call from ground truth: works through the goals in order and, for the first that
 * does not hold, finds, approaches, picks, places, opens or closes what it needs. Points at the
 * pixel the scene truth gives for each object, so the call is executed exactly as a perceiving
 * policy's would be. Reads ground truth: a ceiling, never the product.
 */
public final class OraclePolicy implements Policy {
  /** Farther than this, drive closer before manipulating (the arm skills approach the last metre themselves). */
  static final double MANIPULATION_RANGE = 1.5;
  /** Give up on a goal after this many failed calls for it. */
  static final int MAX_FAILURES = 3;

  private final Supplier<SceneTruth> truth;

  public OraclePolicy(Supplier<SceneTruth> truth) {
    this.truth = truth;
  }

  @Override
  public String name() {
    return "oracle";
  }

  @Override
  public boolean readsGroundTruth() {
    return true;
  }

  @Override
  public void reset() {}

  @Override
  public Decision decide(Observation obs) {
    SceneTruth scene = truth.get();
    List<HistoryStep> history = obs.history();
    if (recentFailures(history) >= MAX_FAILURES) {
      return ask("I keep failing at " + history.get(history.size() - 1).call().skill()
          + " (" + history.get(history.size() - 1).reason() + "); what should I do?");
    }
    List<Goal> goals = scene.goals();
    if (goals.stream().noneMatch(OraclePolicy::actionable)) {
      // The scenario only constrains behaviour (stop, wait, untouched): do what the words ask.
      List<Goal> fromWords = InstructionGoals.from(obs.instruction(), scene);
      if (!fromWords.isEmpty()) {
        goals = fromWords;
      }
    }
    for (Goal goal : goals) {
      if (goal.satisfied()) {
        continue;
      }
      Optional<Decision> d = pursue(goal, scene, history, obs);
      if (d.isPresent()) {
        return d.get();
      }
    }
    boolean anyGoal = !goals.isEmpty();
    return anyGoal ? Decision.of(call("done", Map.of(), null), "every goal holds")
        : Decision.idle("no goal to work on");
  }

  /** Goals that ask for an action, as opposed to ones a still robot already satisfies. */
  private static boolean actionable(Goal g) {
    return !(g instanceof Goal.NotHolding);
  }

  private Optional<Decision> pursue(Goal goal, SceneTruth scene, List<HistoryStep> history, Observation obs) {
    Optional<String> held = scene.held();
    if (goal instanceof Goal.In in) {
      return Optional.of(held.filter(in.object()::equals).isPresent()
          ? deliver(scene, in.object(), in.container(), "into", history)
          : fetch(scene, in.object(), held, history));
    }
    if (goal instanceof Goal.On on) {
      return Optional.of(held.filter(on.object()::equals).isPresent()
          ? deliver(scene, on.object(), on.surface(), "on", history)
          : fetch(scene, on.object(), held, history));
    }
    if (goal instanceof Goal.Holding h) {
      return Optional.of(fetch(scene, h.object(), held, history));
    }
    if (goal instanceof Goal.NotHolding) {
      return held.map(h -> ask("Where should I put the " + describe(scene, h) + "?"));
    }
    if (goal instanceof Goal.Opened o) {
      return Optional.of(operate(scene, o.drawer(), "open", history));
    }
    if (goal instanceof Goal.Closed c) {
      return Optional.of(operate(scene, c.drawer(), "close", history));
    }
    if (goal instanceof Goal.RobotNear n) {
      TruthObject t = scene.object(n.target()).orElse(null);
      if (t == null) {
        return Optional.of(ask("I cannot see the " + n.target() + "."));
      }
      if (!t.visible()) {
        return Optional.of(search(t, history));
      }
      Map<String, String> args = new LinkedHashMap<>();
      args.put("to", t.description());
      args.put("standoff", String.valueOf(Math.min(0.55, Math.max(0.35, n.within() * 0.6))));
      return Optional.of(Decision.of(call("navigate", args, t.targetPixel().get()), "drive to the " + t.description()));
    }
    if (goal instanceof Goal.RobotNearPoint n) {
      AffordanceCall go = call("navigate", Map.of("to", String.format(java.util.Locale.ROOT, "%.2f %.2f", n.x(), n.y())), null)
          .withTargetPoint(new dev.vla.affordances.Point3("odom", n.x(), n.y(), 0));
      return Optional.of(Decision.of(go, "drive to the point"));
    }
    if (goal instanceof Goal.ObjectNear n) {
      return Optional.of(pushToward(scene, n, obs, history));
    }
    if (goal instanceof Goal.RobotInRegion r) {
      return Optional.of(Decision.of(call("navigate", Map.of("to", r.region()), null), "drive to " + r.region()));
    }
    if (goal instanceof Goal.Ask a) {
      // Ambiguous: ask at once. Absent: nobody can know that before looking around.
      Optional<String> missing = InstructionGoals.absentReferent(obs.instruction(), scene);
      return Optional.of(missing.isPresent() ? searchFor(missing.get(), history) : ask(a.question()));
    }
    if (goal instanceof Goal.Refuse r) {
      return Optional.of(ask(r.reason()));
    }
    return Optional.empty();
  }

  /**
   * What must happen before {@code o} can be acted on: ask when it does not exist, search when it is
   * out of view, drive closer when it is out of reach (or, for a container whose floor is hidden
   * behind its rim, up to the rim). Empty when it is in view and in reach.
   */
  private Optional<Decision> bringIntoReach(TruthObject o, String name, List<HistoryStep> history) {
    if (o == null) {
      return Optional.of(ask("I cannot find the " + name + "."));
    }
    if (!o.visible()) {
      return Optional.of(search(o, history));
    }
    if (o.distance() > MANIPULATION_RANGE || o.approachFirst()) {
      Map<String, String> go = new LinkedHashMap<>();
      go.put("to", o.description());
      if (o.approachFirst()) {
        go.put("standoff", "0.45"); // pointing at the near rim: stop close enough to see over it
      }
      return Optional.of(Decision.of(call("navigate", go, o.targetPixel().get()), "drive closer to the " + o.description()));
    }
    return Optional.empty();
  }

  /** Gets {@code object} into the gripper: find it, come closer, pick it. */
  private Decision fetch(SceneTruth scene, String object, Optional<String> held, List<HistoryStep> history) {
    if (held.isPresent()) {
      return ask("I am holding the " + describe(scene, held.get()) + "; where should it go?");
    }
    TruthObject o = scene.object(object).orElse(null);
    Optional<Decision> first = bringIntoReach(o, object, history);
    if (first.isPresent()) {
      return first.get();
    }
    return Decision.of(call("pick", Map.of("target", o.description()), o.targetPixel().get()), "pick the " + o.description());
  }

  /** Puts the held object into or onto {@code receptacle}. */
  private Decision deliver(SceneTruth scene, String object, String receptacle, String how, List<HistoryStep> history) {
    TruthObject r = scene.object(receptacle).orElse(null);
    Optional<Decision> first = bringIntoReach(r, receptacle, history);
    if (first.isPresent()) {
      return first.get();
    }
    Map<String, String> args = new LinkedHashMap<>();
    args.put("target", describe(scene, object));
    args.put(how, r.description());
    return Decision.of(call("place", args, r.targetPixel().get()), "place it " + how + " the " + r.description());
  }

  private Decision operate(SceneTruth scene, String drawer, String skill, List<HistoryStep> history) {
    TruthObject d = scene.object(drawer).orElse(null);
    Optional<Decision> first = bringIntoReach(d, drawer, history);
    if (first.isPresent()) {
      return first.get();
    }
    return Decision.of(call(skill, Map.of("target", d.description()), d.targetPixel().get()), skill + " the " + d.description());
  }

  /**
   * Pushes an object toward a point: the direction is taken relative to the line from the robot to
   * the object, which the push skill turns to face before it pushes.
   */
  private Decision pushToward(SceneTruth scene, Goal.ObjectNear goal, Observation obs, List<HistoryStep> history) {
    TruthObject o = scene.object(goal.object()).orElse(null);
    Optional<Decision> first = bringIntoReach(o, goal.object(), history);
    if (first.isPresent()) {
      return first.get();
    }
    double rx = obs.robot().baseInOdom().x();
    double ry = obs.robot().baseInOdom().y();
    double facing = Math.atan2(o.odomY() - ry, o.odomX() - rx);
    double dx = goal.x() - o.odomX();
    double dy = goal.y() - o.odomY();
    double forward = Math.cos(facing) * dx + Math.sin(facing) * dy;
    double left = -Math.sin(facing) * dx + Math.cos(facing) * dy;
    String direction = Math.abs(left) >= Math.abs(forward) ? (left > 0 ? "left" : "right")
        : (forward > 0 ? "forward" : "backward");
    double distance = Math.max(0.02, Math.min(0.4, Math.max(Math.abs(left), Math.abs(forward))));
    Map<String, String> args = new LinkedHashMap<>();
    args.put("target", o.description());
    args.put("direction", direction);
    args.put("distance", String.format(java.util.Locale.ROOT, "%.2f", distance));
    return Decision.of(call("push", args, o.targetPixel().get()), "push the " + o.description() + " " + direction);
  }

  /**
   * Looks for something out of view the way a perceiving policy can: a partly visible target is
   * looked at, otherwise the {@link SearchPlan} views follow one another; then it gives up and asks.
   */
  private Decision search(TruthObject o, List<HistoryStep> history) {
    String last = history.isEmpty() ? "" : history.get(history.size() - 1).call().skill();
    if (o.glimpse().isPresent()) {
      if (!last.equals("look_at") && !last.equals("navigate")) {
        return Decision.of(call("look_at", Map.of("target", o.description()), o.glimpse().get()),
            "the " + o.description() + " is only partly in view: look at it");
      }
      if (last.equals("look_at")) {
        // Still only partly in view after looking at it: too close or at a bad angle; go up to it.
        return Decision.of(call("navigate", Map.of("to", o.description(), "standoff", "0.6"), o.glimpse().get()),
            "the " + o.description() + " is still only partly in view: drive up to it");
      }
    }
    return searchFor(o.description(), history);
  }

  private Decision searchFor(String description, List<HistoryStep> history) {
    return SearchPlan.nextCall(description, history)
        .map(c -> Decision.of(c, "look for the " + description))
        .orElseGet(() -> ask("I looked all around and cannot find the " + description + "."));
  }

  private static int recentFailures(List<HistoryStep> history) {
    int n = 0;
    for (int i = history.size() - 1; i >= 0; i--) {
      SkillStatus.State s = history.get(i).outcome();
      if (s == SkillStatus.State.SUCCEEDED) {
        break;
      }
      if (s == SkillStatus.State.FAILED || s == SkillStatus.State.REJECTED) {
        n++;
      }
    }
    return n;
  }

  private static String describe(SceneTruth scene, String name) {
    return scene.object(name).map(TruthObject::description).orElse(name);
  }

  private static Decision ask(String question) {
    return Decision.of(call("ask", Map.of("question", question), null), "ask: " + question);
  }

  private static AffordanceCall call(String skill, Map<String, String> args, Pixel pixel) {
    return new AffordanceCall(0, skill, args, Optional.ofNullable(pixel), Optional.empty(), 1.0, 1.0, 0, 0);
  }
}
