package dev.vla.sim.scenario;

/**
 * When a {@code <vla:say>} or {@code <vla:event>} happens: at a sim time, or the first time something
 * else happens ({@code after="skill_started:pick"}, {@code after="say:1"}, ...).
 */
public sealed interface Trigger {
  /** At {@code seconds} of sim time. */
  record At(double seconds) implements Trigger {
    @Override
    public String toString() {
      return "at=" + seconds;
    }
  }

  /**
   * After the first occurrence of {@code kind}: for skills {@code ref} is the skill name, for says
   * and events the index (as text).
   */
  record After(Kind kind, String ref) implements Trigger {
    @Override
    public String toString() {
      return "after=" + kind.token() + ":" + ref;
    }
  }

  /** What an {@code after} trigger waits for. */
  enum Kind {
    SKILL_STARTED("skill_started"),
    SKILL_ENDED("skill_ended"),
    SAY("say"),
    EVENT("event");

    private final String token;

    Kind(String token) {
      this.token = token;
    }

    public String token() {
      return token;
    }

    public static java.util.Optional<Kind> of(String token) {
      for (Kind k : values()) {
        if (k.token.equals(token)) {
          return java.util.Optional.of(k);
        }
      }
      return java.util.Optional.empty();
    }
  }
}
