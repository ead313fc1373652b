package dev.vla.affordances.skills;

import dev.vla.affordances.Point3;
import dev.vla.affordances.SkillResult;

/** Where the base should stand for the arm to work on a target, and the phase that gets it there. */
final class Reach {
  /** Base centre to target distance the arm works best at. */
  static final double WORK_DISTANCE = 0.45;
  /** Base centre to a container's centre: clear of walls up to 0.45 m wide with the base's 0.25 m radius. */
  static final double CONTAINER_DISTANCE = 0.55;
  /** Farthest target an arm skill drives to by itself; beyond it the policy should navigate first. */
  static final double MAX_APPROACH = 1.8;

  private Reach() {}

  /** A phase that moves the base to {@code distance} from the target unless the arm can already work there. */
  static Phase approachIfNeeded(Motion motion, Point3 target, double distance) {
    Phase drive = motion.approach(target, distance, 0.04, MAX_APPROACH);
    return new Phase() {
      boolean skip;

      @Override
      public void enter(long now) {
        double[] t = motion.toBase(target);
        double dist = Math.hypot(t[0], t[1]);
        double bearing = Math.atan2(t[1], t[0]);
        skip = Math.abs(dist - distance) < 0.08 && Math.abs(bearing) < 0.35;
        if (!skip) {
          drive.enter(now);
        }
      }

      @Override
      public SkillResult poll(long now) {
        return skip ? SkillResult.succeeded("") : drive.poll(now);
      }

      @Override
      public String name() {
        return "approach";
      }
    };
  }
}
