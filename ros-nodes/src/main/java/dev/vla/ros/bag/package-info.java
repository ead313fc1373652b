/**
 * Episodes as rosbag2 bags: {@link dev.vla.ros.bag.BagWriter} writes the sqlite3 storage of ROS 2
 * Jazzy with CDR messages exactly as they travel on the wire (what {@code ros2 bag info}, {@code ros2
 * bag play} and Foxglove read), committing every half second so a killed process leaves a readable
 * bag; {@link dev.vla.ros.bag.BagRecorder} subscribes to the topics a person debugging an episode
 * wants and feeds the writer, stamped with the node clock.
 */
package dev.vla.ros.bag;
