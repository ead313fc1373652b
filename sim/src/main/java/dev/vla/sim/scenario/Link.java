package dev.vla.sim.scenario;

import java.util.List;

/** An SDF link: pose relative to its model, visuals and collisions. */
public record Link(String name, Pose3 pose, List<Visual> visuals, List<Collision> collisions) {
  public Link {
    visuals = List.copyOf(visuals);
    collisions = List.copyOf(collisions);
  }
}
