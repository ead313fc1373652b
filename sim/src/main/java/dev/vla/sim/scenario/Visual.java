package dev.vla.sim.scenario;

/** A drawn shape of a link: pose relative to the link, geometry and diffuse colour. */
public record Visual(String name, Pose3 pose, Geometry geometry, Rgba diffuse) {}
