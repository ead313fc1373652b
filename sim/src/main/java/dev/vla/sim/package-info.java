/**
 * The embedded simulator: loads a scenario (SDF 1.9 plus {@code vla:} task elements), simulates a
 * kinematic world with the robot of DESIGN §3, renders its RGB-D head camera with OpenCV, applies the
 * scenario's events and judges its success predicates.
 *
 * <p>The simulator knows nothing of the model or of ROS: it takes motion commands and hands out
 * sensor data through plain Java types; {@code ros-nodes} wraps it as a robot.
 */
package dev.vla.sim;
