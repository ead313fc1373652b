package dev.vla.affordances.skills;

import dev.vla.affordances.SkillResult;

/**
 * One step of a {@link PhasedSkill}: {@link #enter} sends its commands, {@link #poll} says whether it
 * is done ({@code Succeeded}), still going ({@code Running}) or failed.
 */
interface Phase {
  void enter(long nowNanos);

  SkillResult poll(long nowNanos);

  /** What the phase is doing, for status messages. */
  String name();
}
