package dev.vla.affordances;

import java.util.ArrayList;
import java.util.List;

/**
 * A test skill that drives the base forward for a number of steps and counts its lifecycle calls.
 * Each instance records into a shared journal so tests can check end-exactly-once across instances.
 */
final class CountingSkill implements Skill {
  static final List<CountingSkill> INSTANCES = new ArrayList<>();

  int starts;
  int steps;
  int ends;
  Boolean endedInterrupted;
  boolean resumed;
  final int stepsToFinish;
  final boolean fail;
  final boolean throwInEnd;
  private SkillContext ctx;

  CountingSkill(int stepsToFinish, boolean fail, boolean throwInEnd) {
    this.stepsToFinish = stepsToFinish;
    this.fail = fail;
    this.throwInEnd = throwInEnd;
    INSTANCES.add(this);
  }

  @Override
  public void start(AffordanceCall call, SkillContext context) {
    starts++;
    ctx = context;
    resumed = context.resumed();
  }

  @Override
  public SkillResult step(long nowNanos) {
    steps++;
    ctx.motion().baseVelocity(0.3, 0);
    if (steps >= stepsToFinish) {
      return fail ? SkillResult.failed("could not") : SkillResult.succeeded("ok");
    }
    return SkillResult.RUNNING;
  }

  @Override
  public void end(boolean interrupted) {
    ends++;
    endedInterrupted = interrupted;
    if (throwInEnd) {
      throw new IllegalStateException("broken end");
    }
  }
}
