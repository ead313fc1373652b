package dev.vla.ros.msg;

/** geometry_msgs/TransformStamped: pose of {@code childFrameId} in {@code header.frameId}. */
public record TransformStamped(Header header, String childFrameId, Vector3 translation, Quaternion rotation) {
  /** Row-major 4x4 parent-from-child. */
  public double[] matrix() {
    return rotation.toMatrix(translation.x(), translation.y(), translation.z());
  }

  public static TransformStamped ofMatrix(Header header, String child, double[] m) {
    return new TransformStamped(header, child, new Vector3(m[3], m[7], m[11]), Quaternion.ofMatrix(m));
  }
}
