package dev.vla.affordances;

/** Parts of the robot a skill can require; two skills needing the same one cannot run together. */
public enum Resource {
  BASE,
  ARM,
  GRIPPER,
  HEAD
}
