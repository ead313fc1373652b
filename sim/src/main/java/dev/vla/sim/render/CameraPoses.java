package dev.vla.sim.render;

import dev.vla.sim.scenario.Pose3;
import dev.vla.sim.scenario.Transform;

/**
 * Builds the camera transforms the {@link Renderer} wants from poses of a camera body.
 *
 * <p>A camera body frame follows REP-103 (x forward, y left, z up), like the link a camera is
 * mounted on; the optical frame the renderer looks along has x right, y down, z forward (ROS's
 * {@code *_optical_frame}). Stateless.
 */
public final class CameraPoses {
  private CameraPoses() {}

  /** Maps optical-frame coordinates to body-frame coordinates (optical z = body x, and so on). */
  public static Transform bodyFromOptical() {
    return Transform.ofRowMajor(new double[] {
      0, 0, 1, 0,
      -1, 0, 0, 0,
      0, -1, 0, 0,
      0, 0, 0, 1
    });
  }

  /** Maps body-frame coordinates to optical-frame coordinates. */
  public static Transform opticalFromBody() {
    return bodyFromOptical().inverse();
  }

  /** The optical frame of a camera whose body frame is {@code worldFromBody}. */
  public static Transform worldFromOptical(Transform worldFromBody) {
    return worldFromBody.times(bodyFromOptical());
  }

  /**
   * The optical frame of a camera at {@code (x, y, z)} in the world, turned by {@code yaw} about the
   * world's z axis and tilted down by {@code pitchDown} (radians, positive looks at the floor), with
   * no roll.
   */
  public static Transform worldFromOptical(double x, double y, double z, double yaw, double pitchDown) {
    return worldFromOptical(Transform.fromPose(new Pose3(x, y, z, 0, pitchDown, yaw)));
  }
}
