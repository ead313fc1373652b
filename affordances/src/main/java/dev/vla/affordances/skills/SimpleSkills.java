package dev.vla.affordances.skills;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Skill;
import dev.vla.affordances.SkillContext;
import dev.vla.affordances.SkillResult;
import java.util.List;
import java.util.Locale;

/** The small skills: look_at, find, hand_over, and the instantaneous stop, done and ask. */
final class SimpleSkills {
  private SimpleSkills() {}

  /** {@code look_at(target)}: points the head camera at the target point. */
  static final class LookAt extends PhasedSkill {
    @Override
    protected List<Phase> plan() {
      return List.of(motion.head(() -> motion.aim(target())));
    }

    @Override
    protected String successDetail() {
      return "looking at " + targetName();
    }
  }

  /**
   * {@code find(description[, direction][, range])}: turns the base by less than the camera's field of
   * view ({@code direction} left, the default, or right; {@code here} keeps the heading) so the next
   * decision sees a new, overlapping part of the room. {@code range} sets the head's tilt: {@code near}
   * sees the floor around the base (0.35-1.4 m), {@code mid} (default) the floor from 0.6 m and table
   * tops to 1.5 m, {@code far} out to the horizon (furniture across the room).
   */
  static final class Find extends PhasedSkill {
    static final double SWEEP = Math.toRadians(50);
    static final double NEAR_TILT = 1.0;
    static final double FAR_TILT = 0.42;
    private double turn;

    @Override
    protected List<Phase> plan() {
      String direction = call.arg("direction").orElse("left");
      turn = direction.equals("here") ? 0 : direction.equals("right") ? -SWEEP : SWEEP;
      String range = call.arg("range").orElse("mid");
      double tilt = range.equals("near") ? NEAR_TILT : range.equals("far") ? FAR_TILT : ctx.geometry().headDefaultTilt();
      List<Phase> phases = new java.util.ArrayList<>();
      phases.add(motion.head(() -> new double[] {0, tilt}));
      if (turn != 0) {
        phases.add(motion.turnBy(turn));
      }
      return phases;
    }

    @Override
    protected String successDetail() {
      return String.format(Locale.ROOT, "turned %.0f°, looking %s for %s", Math.toDegrees(turn),
          call.arg("range").orElse("mid"), call.arg("description").orElse("it"));
    }
  }

  /** {@code hand_over()}: holds the object out at chest height, lets go, tucks the arm. */
  static final class HandOver extends PhasedSkill {
    @Override
    protected List<Phase> plan() {
      return List.of(
          motion.fingertip("offer", () -> new double[] {0.55, 0.0, 0.95}, 0.0, -Math.PI / 4),
          Motion.pause("wait for the person", 2.0),
          motion.gripper("let go", ctx.geometry().gripperMaxWidth()),
          Motion.pause("settle", 0.5),
          motion.home());
    }

    @Override
    protected String successDetail() {
      return "handed over";
    }
  }

  /** A skill that finishes on its first step with a fixed message: stop, done, ask. */
  static final class Instant implements Skill {
    private String detail = "";

    @Override
    public void start(AffordanceCall call, SkillContext context) {
      detail = switch (call.skill()) {
        case "ask" -> "asked: " + call.arg("question").orElse("");
        case "done" -> call.arg("summary").orElse("task complete");
        default -> call.skill();
      };
    }

    @Override
    public SkillResult step(long nowNanos) {
      return SkillResult.succeeded(detail);
    }

    @Override
    public void end(boolean interrupted) {}
  }
}
