package dev.vla.sim.scenario;

import java.util.List;
import java.util.Optional;

/**
 * An SDF model of the world: pose, links, joints and its task annotation, if any (models without
 * one are scenery). {@code isStatic} is SDF's {@code <static>}.
 *
 * @param line the line of the {@code <model>} element in the file, for error messages
 */
public record Model(String name, Pose3 pose, boolean isStatic, List<Link> links, List<Joint> joints,
    Optional<ObjectTag> tag, int line) {
  public Model {
    links = List.copyOf(links);
    joints = List.copyOf(joints);
  }
}
