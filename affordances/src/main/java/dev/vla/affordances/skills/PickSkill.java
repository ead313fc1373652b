package dev.vla.affordances.skills;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code pick(target)}: comes within arm's reach of the target point, grasps from above and lifts the
 * object into the carry pose. Succeeds only when the gripper reports it closed on something.
 */
final class PickSkill extends PhasedSkill {
  /** How far below the perceived top surface the fingertips close. */
  static final double GRASP_DEPTH = 0.025;
  static final double PREGRASP_HEIGHT = 0.12;
  /** Where the fingertips hold an object while the base moves: beside the body, out of the camera's view. */
  static final double[] CARRY = {0.16, 0.30, 0.62};

  private double widthHeld;

  @Override
  protected List<Phase> plan() {
    List<Phase> p = new ArrayList<>();
    double zGrasp = Math.max(0.015, target().z() - GRASP_DEPTH);
    if (ctx.resumed() && ctx.state().holding()) {
      // Paused after the grasp: only the lift is left.
      p.add(motion.fingertip("carry", () -> CARRY));
      p.add(holdingCheck());
      return p;
    }
    p.add(motion.head(() -> motion.aim(target())));
    p.add(Reach.approachIfNeeded(motion, target(), Reach.WORK_DISTANCE));
    p.add(motion.gripper("open", ctx.geometry().gripperMaxWidth()));
    p.add(motion.fingertip("pre-grasp", () -> above(zGrasp + PREGRASP_HEIGHT)));
    p.add(motion.fingertip("descend", () -> above(zGrasp)));
    p.add(motion.gripper("close", 0.0));
    p.add(motion.fingertip("lift", () -> above(zGrasp + PREGRASP_HEIGHT + 0.05)));
    p.add(motion.fingertip("carry", () -> CARRY));
    p.add(holdingCheck());
    return p;
  }

  private Phase holdingCheck() {
    return Motion.check("verify grasp", () -> {
      if (!ctx.state().holding()) {
        return Optional.of("grasp missed: the gripper closed on nothing");
      }
      widthHeld = ctx.state().gripperWidth();
      return Optional.empty();
    });
  }

  private double[] above(double z) {
    double[] t = motion.toBase(target());
    return new double[] {t[0], t[1], z};
  }

  @Override
  protected String successDetail() {
    return String.format(Locale.ROOT, "holding %s (gripper %.3f m)", targetName(), widthHeld);
  }
}
