package dev.vla.affordances.skills;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Point3;
import dev.vla.affordances.Skill;
import dev.vla.affordances.SkillContext;
import dev.vla.affordances.SkillResult;
import java.util.List;

/**
 * A skill written as a fixed sequence of phases (approach, open, descend, close, lift…). The phases
 * are planned at {@link #start} and entered one after another; goals that depend on where the base
 * ends up are computed when their phase is entered.
 */
abstract class PhasedSkill implements Skill {
  protected AffordanceCall call;
  protected SkillContext ctx;
  protected Motion motion;
  private List<Phase> phases;
  private int index;
  private boolean failed;

  @Override
  public final void start(AffordanceCall call, SkillContext context) {
    this.call = call;
    this.ctx = context;
    this.motion = new Motion(context);
    this.phases = plan();
    this.index = 0;
    if (!phases.isEmpty()) {
      phases.get(0).enter(context.startNanos());
    }
  }

  /** The phases of this run, in order. */
  protected abstract List<Phase> plan();

  /** What to report on success. */
  protected abstract String successDetail();

  @Override
  public final SkillResult step(long nowNanos) {
    while (index < phases.size()) {
      Phase phase = phases.get(index);
      SkillResult r = phase.poll(nowNanos);
      if (r instanceof SkillResult.Running) {
        return r;
      }
      if (r instanceof SkillResult.Failed f) {
        failed = true;
        return SkillResult.failed(phase.name() + ": " + f.reason());
      }
      index++;
      if (index < phases.size()) {
        phases.get(index).enter(nowNanos);
        return SkillResult.RUNNING;
      }
    }
    return SkillResult.succeeded(successDetail());
  }

  /**
   * Stops the base. Interrupted: the arm freezes where it is (a stop must not move anything). Failed
   * after moving the arm: the arm tucks away, so the camera sees the scene again for the next decision.
   */
  @Override
  public void end(boolean interrupted) {
    motion.stopBase();
    if (interrupted) {
      motion.holdArm();
    } else if (failed && motion.armMoved()) {
      motion.tuckArm();
    }
  }

  /** The call's target point; the registry guarantees it for skills that declare they need one. */
  protected Point3 target() {
    return call.targetPoint().orElseThrow(() -> new IllegalStateException(call.skill() + " has no target point"));
  }

  protected String targetName() {
    return call.arg("target").orElse("target");
  }
}
