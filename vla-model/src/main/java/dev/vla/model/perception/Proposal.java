package dev.vla.model.perception;

/**
 * One region proposal: a connected set of pixels above the floor with continuous depth and colour.
 *
 * @param label index in the proposal label image
 * @param area pixels
 * @param minU bounding box, inclusive
 * @param minV bounding box, inclusive
 * @param maxU bounding box, inclusive
 * @param maxV bounding box, inclusive
 * @param meanRgb mean colour 0..1
 * @param baseMin smallest x, y, z of its points in the robot's base frame (x forward, y left, z up), metres
 * @param baseMax largest x, y, z of its points in the base frame
 * @param centroid mean of its points in the base frame
 * @param range horizontal distance of its centroid from the base centre
 */
public record Proposal(int label, int area, int minU, int minV, int maxU, int maxV, double[] meanRgb,
    double[] baseMin, double[] baseMax, double[] centroid, double range) {

  public int width() {
    return maxU - minU + 1;
  }

  public int height() {
    return maxV - minV + 1;
  }

  /** True when the box reaches the image border: part of the thing may be out of view. */
  public boolean clipped(int imageWidth, int imageHeight) {
    return minU <= 0 || minV <= 0 || maxU >= imageWidth - 1 || maxV >= imageHeight - 1;
  }
}
