package dev.vla.affordances.skills;

import java.util.List;
import java.util.Optional;

/**
 * {@code open(target)} and {@code close(target)} for drawers (prismatic joints) facing the robot.
 * Open grasps the handle at the target point and pulls it straight back toward the base; close
 * pushes the front in with closed fingers.
 */
final class DrawerSkill extends PhasedSkill {
  static final double TRAVEL = 0.32;
  /** Base to handle before pulling: far enough that the pulled handle is still within the arm's reach. */
  static final double OPEN_DISTANCE = 0.75;
  /** Gripper pitches tried for the handle: level first, then tilted down. */
  private static final double LEVEL = 0.0;
  private static final double TILTED = -Math.PI / 4;
  private final boolean open;

  DrawerSkill(boolean open) {
    this.open = open;
  }

  @Override
  protected List<Phase> plan() {
    if (open) {
      return List.of(
          motion.head(() -> motion.aim(target())),
          Reach.approachIfNeeded(motion, target(), OPEN_DISTANCE),
          motion.gripper("open fingers", ctx.geometry().gripperMaxWidth()),
          motion.fingertip("before handle", () -> along(0.10), LEVEL, TILTED),
          motion.fingertip("to handle", () -> along(0.0), LEVEL, TILTED),
          motion.gripper("grasp handle", 0.0),
          Motion.check("verify handle", () -> ctx.state().holding()
              ? Optional.empty() : Optional.of("missed the handle")),
          motion.fingertip("pull", () -> along(TRAVEL), LEVEL, TILTED),
          motion.gripper("let go", ctx.geometry().gripperMaxWidth()),
          motion.fingertip("back off", () -> along(TRAVEL + 0.06), LEVEL, TILTED),
          motion.home(),
          motion.head(() -> motion.aim(target())));
    }
    return List.of(
        motion.head(() -> motion.aim(target())),
        Reach.approachIfNeeded(motion, target(), 0.40),
        motion.gripper("close fingers", 0.0),
        motion.fingertip("before front", () -> along(0.08), LEVEL, TILTED),
        motion.fingertip("push", () -> along(-TRAVEL), LEVEL, TILTED),
        motion.fingertip("back off", () -> along(0.15 - TRAVEL), LEVEL, TILTED),
        motion.home(),
        motion.head(() -> motion.aim(target())));
  }

  /**
   * The target point moved {@code towardBase} metres horizontally toward the base centre, at the
   * target's height, in base_link.
   */
  private double[] along(double towardBase) {
    double[] t = motion.toBase(target());
    double r = Math.hypot(t[0], t[1]);
    double ux = -t[0] / r;
    double uy = -t[1] / r;
    return new double[] {t[0] + ux * towardBase, t[1] + uy * towardBase, t[2]};
  }

  @Override
  protected String successDetail() {
    return (open ? "opened " : "closed ") + targetName();
  }
}
