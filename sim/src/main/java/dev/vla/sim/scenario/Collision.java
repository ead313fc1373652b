package dev.vla.sim.scenario;

/** A collision shape of a link: pose relative to the link and geometry. */
public record Collision(String name, Pose3 pose, Geometry geometry) {}
