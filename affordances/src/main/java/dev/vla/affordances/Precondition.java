package dev.vla.affordances;

import java.util.Optional;

/** A condition on the robot's state that must hold before a skill may start. */
@FunctionalInterface
public interface Precondition {
  /** Why the skill cannot start from {@code state}, or empty when it can. */
  Optional<String> violated(RobotState state);

  Precondition HOLDING = s -> s.holding()
      ? Optional.empty() : Optional.of("requires an object in the gripper, and the gripper is empty");
  Precondition GRIPPER_EMPTY = s -> s.holding()
      ? Optional.of("requires an empty gripper, and the gripper is holding something") : Optional.empty();
}
