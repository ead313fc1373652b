/**
 * Message types mirroring the standard ROS 2 messages of the graph (sensor_msgs, geometry_msgs,
 * nav_msgs, trajectory_msgs, tf2_msgs, std_msgs, control_msgs) as immutable Java records, field for
 * field where the nodes need them. Units and frames follow REP-103 and REP-105.
 */
package dev.vla.ros.msg;
