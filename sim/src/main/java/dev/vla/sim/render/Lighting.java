package dev.vla.sim.render;

import java.util.Arrays;

/**
 * One directional light plus ambient light. A surface of albedo {@code a} and unit normal {@code n}
 * gets the colour {@code a * (ambient + diffuse * max(0, n . -direction)) * brightness}. Immutable.
 *
 * @param ambient light every surface gets, whatever its orientation
 * @param directionWorld the direction the light travels along, in the world frame; normalised here
 * @param diffuse strength of the directional light
 * @param brightness global gain, 1 for normal exposure
 */
public record Lighting(double ambient, double[] directionWorld, double diffuse, double brightness) {
  public Lighting {
    if (!(ambient >= 0) || !(diffuse >= 0) || !(brightness >= 0)
        || Double.isInfinite(ambient) || Double.isInfinite(diffuse) || Double.isInfinite(brightness)) {
      throw new IllegalArgumentException(
          "lighting ambient, diffuse and brightness must be finite and non-negative, got "
              + ambient + ", " + diffuse + ", " + brightness);
    }
    if (directionWorld == null || directionWorld.length != 3) {
      throw new IllegalArgumentException("light direction needs 3 components");
    }
    double norm = Math.sqrt(directionWorld[0] * directionWorld[0]
        + directionWorld[1] * directionWorld[1] + directionWorld[2] * directionWorld[2]);
    if (!(norm > 1e-12) || Double.isInfinite(norm)) {
      throw new IllegalArgumentException("light direction must be a finite non-zero vector");
    }
    directionWorld = new double[] {directionWorld[0] / norm, directionWorld[1] / norm, directionWorld[2] / norm};
  }

  /** Indoor light from above, coming from behind-left of a robot facing +x, so what it faces is lit. */
  public static Lighting standard() {
    return new Lighting(0.4, new double[] {0.5, -0.4, -1.0}, 0.6, 1.0);
  }

  /** The same light with another global gain (exposure jitter, dimmed rooms). */
  public Lighting withBrightness(double newBrightness) {
    return new Lighting(ambient, directionWorld, diffuse, newBrightness);
  }

  /** A copy of the unit direction the light travels along, in the world frame. */
  @Override
  public double[] directionWorld() {
    return directionWorld.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Lighting l
        && Double.compare(ambient, l.ambient) == 0
        && Double.compare(diffuse, l.diffuse) == 0
        && Double.compare(brightness, l.brightness) == 0
        && Arrays.equals(directionWorld, l.directionWorld);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(ambient) * 31 * 31 * 31
        + Double.hashCode(diffuse) * 31 * 31
        + Double.hashCode(brightness) * 31
        + Arrays.hashCode(directionWorld);
  }

  @Override
  public String toString() {
    return "Lighting[ambient=" + ambient + ", directionWorld=" + Arrays.toString(directionWorld)
        + ", diffuse=" + diffuse + ", brightness=" + brightness + "]";
  }
}
