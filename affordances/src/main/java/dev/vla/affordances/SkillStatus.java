package dev.vla.affordances;

/**
 * What the executor reports about a call (also {@code vla_interfaces/msg/SkillStatus} on
 * {@code /vla/skill_status}).
 *
 * @param callId the call's id, 0 for executor-wide reports (a stop with nothing running)
 * @param skill skill name
 * @param state lifecycle state
 * @param reason why it ended, what it observed, or what was wrong with the call
 * @param instructionId the instruction the call served
 * @param stampNanos when the state was entered
 */
public record SkillStatus(long callId, String skill, State state, String reason, long instructionId, long stampNanos) {

  /** Lifecycle states. The last four are terminal. */
  public enum State {
    RUNNING,
    PAUSED,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    REJECTED;

    public boolean terminal() {
      return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == REJECTED;
    }
  }

  public SkillStatus {
    reason = reason == null ? "" : reason;
  }

  @Override
  public String toString() {
    return skill + "#" + callId + " " + state + (reason.isEmpty() ? "" : ": " + reason);
  }
}
