package dev.vla.affordances;

/** What one {@link Skill#step} reports. */
public sealed interface SkillResult {
  SkillResult RUNNING = new Running();

  static SkillResult succeeded(String detail) {
    return new Succeeded(detail);
  }

  static SkillResult failed(String reason) {
    return new Failed(reason);
  }

  /** Still working. */
  record Running() implements SkillResult {}

  /** Reached its goal; {@code detail} says what it observed. */
  record Succeeded(String detail) implements SkillResult {}

  /** Gave up; {@code reason} says why in words an operator understands. */
  record Failed(String reason) implements SkillResult {}
}
