package dev.vla.affordances;

import java.util.function.Supplier;

/**
 * What a running skill may use: the motion port, the robot's latest state, and its geometry. Valid
 * between {@link Skill#start} and {@link Skill#end}; used on the executor thread only.
 */
public final class SkillContext {
  private final MotionPort motion;
  private final Supplier<RobotState> state;
  private final RobotGeometry geometry;
  private final ArmKinematics kinematics;
  private final long startNanos;
  private final boolean resumed;

  public SkillContext(MotionPort motion, Supplier<RobotState> state, RobotGeometry geometry, long startNanos, boolean resumed) {
    this.motion = motion;
    this.state = state;
    this.geometry = geometry;
    this.kinematics = new ArmKinematics(geometry);
    this.startNanos = startNanos;
    this.resumed = resumed;
  }

  public MotionPort motion() {
    return motion;
  }

  public RobotState state() {
    return state.get();
  }

  public RobotGeometry geometry() {
    return geometry;
  }

  public ArmKinematics kinematics() {
    return kinematics;
  }

  public long startNanos() {
    return startNanos;
  }

  /** True when this run continues a call that was paused by "wait"; the skill picks up from the robot's state. */
  public boolean resumed() {
    return resumed;
  }
}
