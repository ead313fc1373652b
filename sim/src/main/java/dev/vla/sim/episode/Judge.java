package dev.vla.sim.episode;

import dev.vla.affordances.Pose2D;
import dev.vla.sim.scenario.Event;
import dev.vla.sim.scenario.Predicate;
import dev.vla.sim.scenario.Region;
import dev.vla.sim.scenario.Trigger;
import dev.vla.sim.world.Body;
import dev.vla.sim.world.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Evaluates the success predicates of DESIGN §3 against the world and the episode's logs. */
final class Judge {
  private final Episode episode;
  private final Simulator sim;

  Judge(Episode episode) {
    this.episode = episode;
    this.sim = episode.sim();
  }

  Verdict verdict() {
    List<Verdict.Check> checks = new ArrayList<>();
    for (Predicate p : episode.task().expect()) {
      checks.add(check(p));
    }
    boolean ok = checks.stream().allMatch(Verdict.Check::holds);
    double stopLatency = Double.NaN;
    for (Predicate p : episode.task().expect()) {
      if (p instanceof Predicate.StoppedWithin s && Double.isNaN(stopLatency)) {
        double moment = s.afterKind() == Trigger.Kind.SAY ? episode.sayTime(s.afterIndex()) : episode.eventTime(s.afterIndex());
        stopLatency = Double.isNaN(moment) ? Double.NaN : stopLatency(moment);
      }
    }
    return new Verdict(ok, checks, episode.ending(), episode.endTime(), stopLatency);
  }

  Verdict.Check check(Predicate p) {
    try {
      return evaluate(p);
    } catch (IllegalArgumentException e) {
      return new Verdict.Check(p, false, e.getMessage());
    }
  }

  private static Verdict.Check result(Predicate p, boolean holds, String what) {
    return new Verdict.Check(p, holds, (holds ? "" : "not ") + what);
  }

  private Verdict.Check evaluate(Predicate p) {
    if (p instanceof Predicate.In in) {
      Body o = body(in.object());
      Body c = body(in.container());
      return result(p, !o.removed() && !isHeld(o) && inside(o, c), in.object() + " in " + in.container());
    }
    if (p instanceof Predicate.On on) {
      Body o = body(on.object());
      Body s = body(on.surface());
      return result(p, !o.removed() && !isHeld(o) && restsOn(o, s), on.object() + " on " + on.surface());
    }
    if (p instanceof Predicate.Holding h) {
      return result(p, sim.held().map(b -> b.name().equals(h.object())).orElse(false), "holding " + h.object());
    }
    if (p instanceof Predicate.NotHolding) {
      return result(p, sim.held().isEmpty(), "gripper empty"
          + sim.held().map(b -> " (holds " + b.name() + ")").orElse(""));
    }
    if (p instanceof Predicate.Near n) {
      double[] from = position(n.object());
      double d;
      String target;
      if (n.targetName().isPresent()) {
        Body t = body(n.targetName().get());
        d = t.footprintDistance(from[0], from[1]);
        target = t.name();
      } else {
        double[] xy = n.targetXy().orElseThrow();
        d = Math.hypot(from[0] - xy[0], from[1] - xy[1]);
        target = String.format(Locale.ROOT, "(%.2f, %.2f)", xy[0], xy[1]);
      }
      return result(p, d <= n.within(), String.format(Locale.ROOT, "%s within %.2f m of %s (%.2f m)",
          n.object(), n.within(), target, d));
    }
    if (p instanceof Predicate.InRegion r) {
      Region region = sim.scenario().region(r.region())
          .orElseThrow(() -> new IllegalArgumentException("no region named '" + r.region() + "'"));
      double[] xy = position(r.object());
      return result(p, region.contains(xy[0], xy[1]), r.object() + " in region " + r.region());
    }
    if (p instanceof Predicate.Untouched u) {
      return result(p, !body(u.object()).touched(), u.object() + " untouched");
    }
    if (p instanceof Predicate.StoppedWithin s) {
      return stoppedWithin(s);
    }
    if (p instanceof Predicate.NoMotion) {
      return result(p, !sim.everMoved(), "no base or arm motion");
    }
    if (p instanceof Predicate.Asked) {
      return result(p, episode.wasAsked(), "asked for clarification");
    }
    if (p instanceof Predicate.Opened o) {
      Body d = body(o.object());
      return result(p, d.hasDrawerJoint() && d.jointPosition() >= d.jointUpper() - margin(d),
          String.format(Locale.ROOT, "%s opened (joint %.3f of [%.3f, %.3f])", o.object(), d.jointPosition(),
              d.jointLower(), d.jointUpper()));
    }
    if (p instanceof Predicate.Closed c) {
      Body d = body(c.object());
      return result(p, d.hasDrawerJoint() && d.jointPosition() <= d.jointLower() + margin(d),
          String.format(Locale.ROOT, "%s closed (joint %.3f of [%.3f, %.3f])", c.object(), d.jointPosition(),
              d.jointLower(), d.jointUpper()));
    }
    if (p instanceof Predicate.NoCollision) {
      return result(p, sim.collisions().isEmpty(), "collision-free"
          + (sim.collisions().isEmpty() ? "" : " (hit " + sim.collisions().get(0).body() + ")"));
    }
    throw new IllegalArgumentException("unsupported predicate " + p);
  }

  /** A drawer counts as at a limit within 15% of its travel (at least 3 cm). */
  private static double margin(Body d) {
    return Math.max(0.03, 0.15 * (d.jointUpper() - d.jointLower()));
  }

  private Verdict.Check stoppedWithin(Predicate.StoppedWithin s) {
    double moment;
    double until;
    String label = s.afterKind().token() + ":" + s.afterIndex();
    if (s.afterKind() == Trigger.Kind.SAY) {
      moment = episode.sayTime(s.afterIndex());
      until = nextUtteranceAfter(moment);
    } else {
      moment = episode.eventTime(s.afterIndex());
      Event e = episode.task().events().get(s.afterIndex());
      double duration = e instanceof Event.CameraDropout c ? c.duration()
          : e instanceof Event.AudioNoise n ? n.duration() : Double.NaN;
      until = Double.isNaN(duration) ? nextUtteranceAfter(moment) : moment + duration;
    }
    if (Double.isNaN(moment)) {
      return new Verdict.Check(s, false, "not stopped: " + label + " never happened");
    }
    double from = moment + s.seconds();
    double firstMotion = Double.NaN;
    double lastMotion = Double.NaN;
    for (double[] sample : episode.motionLog()) {
      if (sample[0] >= from - 1e-9 && sample[0] < until && sample[1] > 0) {
        if (Double.isNaN(firstMotion)) {
          firstMotion = sample[0];
        }
        lastMotion = sample[0];
      }
    }
    double stopAfter = stopLatency(moment);
    String latency = Double.isNaN(stopAfter) ? "" : String.format(Locale.ROOT, ", stopped %.0f ms after it",
        stopAfter * 1000);
    if (!Double.isNaN(firstMotion)) {
      return new Verdict.Check(s, false, String.format(Locale.ROOT,
          "not stopped within %.2f s of %s: motion commanded from t=%.2f to t=%.2f%s", s.seconds(), label,
          firstMotion, lastMotion, latency));
    }
    return new Verdict.Check(s, true, String.format(Locale.ROOT, "stopped within %.2f s of %s%s", s.seconds(),
        label, latency));
  }

  /** Seconds from a moment to the first tick with no motion commanded; NaN when it never stopped. */
  private double stopLatency(double moment) {
    for (double[] sample : episode.motionLog()) {
      if (sample[0] >= moment && sample[1] == 0) {
        return sample[0] - moment;
      }
    }
    return Double.NaN;
  }

  private double nextUtteranceAfter(double moment) {
    double next = Double.POSITIVE_INFINITY;
    for (int i = 0; i < episode.task().says().size(); i++) {
      double t = episode.sayTime(i);
      if (t > moment && t < next) {
        next = t;
      }
    }
    return next;
  }

  private boolean isHeld(Body b) {
    return sim.held().map(h -> h == b).orElse(false);
  }

  private static boolean inside(Body o, Body c) {
    double[] oc = o.centre();
    double[] ob = o.bounds();
    double[] cb = c.bounds();
    // Bottom between the container's floor and rim: objects stick out of shallow trays.
    return oc[0] > cb[0] && oc[0] < cb[3] && oc[1] > cb[1] && oc[1] < cb[4]
        && ob[2] < cb[5] && ob[2] > cb[2] - 0.01;
  }

  private static boolean restsOn(Body o, Body surface) {
    double[] oc = o.centre();
    double bottom = o.bounds()[2];
    double top = surface.topUnder(oc[0], oc[1], bottom + 0.02);
    return !Double.isNaN(top) && top >= bottom - 0.02;
  }

  private double[] position(String name) {
    if (name.equals("robot")) {
      Pose2D w = sim.worldPose();
      return new double[] {w.x(), w.y()};
    }
    return body(name).centre();
  }

  private Body body(String name) {
    Optional<Body> b = sim.body(name);
    return b.orElseThrow(() -> new IllegalArgumentException("no model named '" + name + "'"));
  }
}
