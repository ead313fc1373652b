package dev.vla.model;

import dev.vla.affordances.RobotState;
import java.util.List;
import java.util.Map;

/**
 * Everything a policy may look at for one decision. Images are as they came off the camera:
 * {@code rgb} is rgb8 row-major (3 bytes a pixel), {@code depth} is 32FC1 metres along the optical
 * axis with NaN where there is no return. Immutable by convention: policies must not write into the arrays.
 *
 * @param stampNanos capture time of the image
 * @param rgb colour image
 * @param depth depth image, registered to the colour image
 * @param intrinsics camera intrinsics of both images
 * @param odomFromOptical pose of the camera's optical frame in {@code odom} at capture time
 * @param robot the robot's state
 * @param instruction what the person asked, with any corrections appended ("put the red cube in the bin. no, the green one")
 * @param instructionId identifies the instruction
 * @param history earlier calls for this instruction with their outcomes, oldest first
 * @param regions named regions of the map, centre {x, y} in {@code odom}
 */
public record Observation(
    long stampNanos,
    byte[] rgb,
    float[] depth,
    CameraIntrinsics intrinsics,
    Rigid odomFromOptical,
    RobotState robot,
    String instruction,
    long instructionId,
    List<HistoryStep> history,
    Map<String, double[]> regions) {

  public Observation {
    int pixels = intrinsics.width() * intrinsics.height();
    if (rgb == null || rgb.length != pixels * 3) {
      throw new IllegalArgumentException("rgb must hold " + pixels * 3 + " bytes for a " + intrinsics.width() + "x"
          + intrinsics.height() + " image, got " + (rgb == null ? "none" : rgb.length));
    }
    if (depth == null || depth.length != pixels) {
      throw new IllegalArgumentException("depth must hold " + pixels + " floats, got " + (depth == null ? "none" : depth.length));
    }
    instruction = instruction == null ? "" : instruction;
    history = List.copyOf(history);
    regions = Map.copyOf(regions);
  }

  public int width() {
    return intrinsics.width();
  }

  public int height() {
    return intrinsics.height();
  }

  /** Depth at (u, v) in metres, NaN when invalid or outside the image. */
  public float depthAt(int u, int v) {
    if (u < 0 || v < 0 || u >= width() || v >= height()) {
      return Float.NaN;
    }
    return depth[v * width() + u];
  }
}
