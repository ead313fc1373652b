package dev.vla.affordances;

/**
 * A goal-conditioned behaviour with a lifecycle the {@link Executor} owns: {@link #start}, then
 * {@link #step} every tick until it returns a finished result or is interrupted, then {@link #end}
 * exactly once. A skill instance runs once; the registry makes a fresh one per call. Called only on
 * the executor thread, so skills keep plain fields and take no locks. A skill never blocks.
 */
public interface Skill {
  /** Begins executing {@code call}; {@code context} stays valid until {@link #end}. */
  void start(AffordanceCall call, SkillContext context);

  /** Advances one tick; sends motion through the context's motion port. */
  SkillResult step(long nowNanos);

  /**
   * Leaves the robot safe: base and arm still, the gripper as it is (a held object stays held).
   * Called exactly once, with {@code interrupted} true when the skill did not finish by itself.
   */
  void end(boolean interrupted);
}
