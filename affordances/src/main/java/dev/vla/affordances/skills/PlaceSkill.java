package dev.vla.affordances.skills;

import java.util.List;
import java.util.Optional;

/**
 * {@code place(target, into|on)}: carries the held object over the receptacle's target point,
 * releases it above the rim or surface, and tucks the arm away.
 */
final class PlaceSkill extends PhasedSkill {
  /**
   * Fingertips above the target point at release: the held object hangs up to 0.17 m below them
   * (a large can held near its top), so it is let go clear of the surface and drops onto it.
   */
  static final double RELEASE_HEIGHT = 0.17;
  /**
   * The target point of a container is its floor; the rim is unknown but at most 0.45 m in the
   * vocabulary, so release no lower than this.
   */
  static final double MIN_INTO_HEIGHT = 0.55;

  @Override
  protected List<Phase> plan() {
    return List.of(
        motion.head(() -> motion.aim(target())),
        Reach.approachIfNeeded(motion, target(), into() ? Reach.CONTAINER_DISTANCE : Reach.WORK_DISTANCE),
        motion.fingertip("over receptacle", () -> above(RELEASE_HEIGHT)),
        motion.gripper("release", ctx.geometry().gripperMaxWidth()),
        Motion.check("verify release", () -> ctx.state().holding()
            ? Optional.of("the object did not leave the gripper") : Optional.empty()),
        motion.fingertip("clear", () -> above(RELEASE_HEIGHT + 0.08)),
        motion.home(),
        motion.head(() -> motion.aim(target())));
  }

  /** Release point: above a surface, or above a container's rim (at least {@link #MIN_INTO_HEIGHT}). */
  private double[] above(double height) {
    double[] t = motion.toBase(target());
    double z = target().z() + height;
    return new double[] {t[0], t[1], into() ? Math.max(z, MIN_INTO_HEIGHT) : z};
  }

  private boolean into() {
    return call.args().containsKey("into");
  }

  @Override
  protected String successDetail() {
    String where = call.arg("into").map(r -> "in " + r).orElse(call.arg("on").map(r -> "on " + r).orElse(""));
    return "released " + call.arg("target").orElse("object") + " " + where;
  }
}
