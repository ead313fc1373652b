/**
 * Skills (affordances), their registry and the executor that runs them.
 *
 * <p>A policy emits one {@link dev.vla.affordances.AffordanceCall} at a time; the {@link
 * dev.vla.affordances.Executor} validates it against the {@link dev.vla.affordances.SkillRegistry},
 * runs the matching {@link dev.vla.affordances.Skill} on its single thread and turns it into motion
 * commands through a {@link dev.vla.affordances.MotionPort}. Skills act on perception only: a target
 * point in the {@code odom} frame, lifted from a pixel and the depth image, plus the robot's own
 * state. Nothing here knows about ONNX, OpenCV or ROS.
 */
package dev.vla.affordances;
