package dev.vla.sim.render;

import dev.vla.sim.scenario.Geometry;
import dev.vla.sim.scenario.Rgba;
import dev.vla.sim.scenario.Transform;
import java.util.Objects;

/**
 * One thing to draw: a geometry placed in the world with an opaque colour (alpha is ignored).
 * Immutable.
 *
 * @param id written to {@link RgbdFrame#ids()} where this solid is the visible surface; several
 *     solids may share an id (the parts of one model, say)
 */
public record Solid(int id, Geometry geometry, Transform worldFromSolid, Rgba color) {
  public Solid {
    if (id < 0) {
      throw new IllegalArgumentException("solid id must be non-negative, got " + id);
    }
    Objects.requireNonNull(geometry, "geometry");
    Objects.requireNonNull(worldFromSolid, "worldFromSolid");
    Objects.requireNonNull(color, "color");
  }
}
