/**
 * The stages of the controller as ROS 2 style nodes (camera/sim bridge, vla, executor) talking
 * through a narrow topic interface with the names and types of DESIGN §3's ROS 2 graph, and the
 * runners that spin them: deterministic lock-step in simulated time for evaluation, threaded in
 * wall-clock time for live runs.
 */
package dev.vla.ros;
