package dev.vla.sim.scenario;

/**
 * An SDF joint between two links of one model. Only prismatic joints move in the simulator (drawers);
 * the axis is a unit vector in the model frame, limits in metres.
 */
public record Joint(String name, Type type, String parent, String child, double ax, double ay, double az,
    double lower, double upper, double initialPosition) {
  public enum Type { PRISMATIC, REVOLUTE, FIXED, OTHER }
}
