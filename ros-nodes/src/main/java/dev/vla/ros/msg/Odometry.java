package dev.vla.ros.msg;

/** nav_msgs/Odometry: pose of {@code childFrameId} in {@code header.frameId}, twist in the child frame. */
public record Odometry(Header header, String childFrameId, Vector3 position, Quaternion orientation, Twist twist) {}
