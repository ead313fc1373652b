package dev.vla.sim.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A loaded scenario file: one SDF world with its task. Immutable.
 *
 * @param name the world's name attribute
 * @param source the file it came from
 * @param models every model, scenery included
 * @param regions named floor regions
 * @param robotStart {@code <vla:robot pose="x y z yaw"/>}: x, y, z and yaw
 * @param task the task
 */
public record Scenario(String name, Path source, List<Model> models, List<Region> regions, Pose3 robotStart, Task task) {
  public Scenario {
    models = List.copyOf(models);
    regions = List.copyOf(regions);
  }

  public Optional<Model> model(String modelName) {
    return models.stream().filter(m -> m.name().equals(modelName)).findFirst();
  }

  public Optional<Region> region(String regionName) {
    return regions.stream().filter(r -> r.name().equals(regionName)).findFirst();
  }

  /** The same world, events and goals with these utterances instead of the file's. */
  public Scenario withSays(List<Say> says) {
    return new Scenario(name, source, models, regions, robotStart,
        new Task(task.timeoutSeconds(), says, task.events(), task.expect()));
  }

  /** The same world and goals with nobody speaking: the utterances come from elsewhere. */
  public Scenario withoutSays() {
    return withSays(List.of());
  }
}
