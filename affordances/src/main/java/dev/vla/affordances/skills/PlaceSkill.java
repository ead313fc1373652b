package dev.vla.affordances.skills;

import java.util.List;
import java.util.Optional;

/**
 * {@code place(target, into|on)}: carries the held object over the receptacle's target point,
 * releases it above the rim or surface, and tucks the arm away.
 */
final class PlaceSkill extends PhasedSkill {
  static final double RELEASE_HEIGHT = 0.10;

  @Override
  protected List<Phase> plan() {
    return List.of(
        motion.head(() -> motion.aim(target())),
        Reach.approachIfNeeded(motion, target(), Reach.WORK_DISTANCE),
        motion.fingertip("over receptacle", () -> above(RELEASE_HEIGHT)),
        motion.gripper("release", ctx.geometry().gripperMaxWidth()),
        Motion.check("verify release", () -> ctx.state().holding()
            ? Optional.of("the object did not leave the gripper") : Optional.empty()),
        motion.fingertip("clear", () -> above(RELEASE_HEIGHT + 0.08)),
        motion.home(),
        motion.head(() -> motion.aim(target())));
  }

  private double[] above(double height) {
    double[] t = motion.toBase(target());
    return new double[] {t[0], t[1], target().z() + height};
  }

  @Override
  protected String successDetail() {
    String where = call.arg("into").map(r -> "in " + r).orElse(call.arg("on").map(r -> "on " + r).orElse(""));
    return "released " + call.arg("target").orElse("object") + " " + where;
  }
}
