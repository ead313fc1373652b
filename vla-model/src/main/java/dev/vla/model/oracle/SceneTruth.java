package dev.vla.model.oracle;

import java.util.List;
import java.util.Optional;

/**
 * What the oracle may read at one decision: the tagged objects as they are now, what the gripper
 * holds, and the goals. Provided by whoever owns the simulator (the evaluation harness), fresh for
 * every decision.
 */
public interface SceneTruth {
  List<TruthObject> objects();

  Optional<String> held();

  List<Goal> goals();

  default Optional<TruthObject> object(String name) {
    return objects().stream().filter(o -> o.name().equals(name)).findFirst();
  }
}
