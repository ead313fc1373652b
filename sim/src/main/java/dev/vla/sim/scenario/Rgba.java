package dev.vla.sim.scenario;

/** A colour with components 0..1, as SDF's {@code <diffuse>}. */
public record Rgba(double r, double g, double b, double a) {
  public static final Rgba GREY = new Rgba(0.7, 0.7, 0.7, 1);
}
