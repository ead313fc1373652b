package dev.vla.model.perception;

import java.util.List;

/**
 * The model's inputs for one decision, in the raw forms written to training data (bytes and
 * millimetres) with the one normalisation both training and inference apply ({@link #imageFloats},
 * {@link #cropFloats}). Row-major, batch dimension left out.
 *
 * @param rgb colour image, [3, IMAGE_H, IMAGE_W], 0..255
 * @param depthMm depth image in millimetres, [IMAGE_H, IMAGE_W], 0 where there is no return
 * @param crops each proposal's masked crop, [MAX, 3, CROP, CROP], 0..255
 * @param objects each proposal's geometry and colour features, [MAX, OBJECT_FEATURES]
 * @param objectMask 1 for a real proposal, 0 for padding, [MAX]
 * @param text word-piece ids of the instruction, a separator and the history, [TEXT], 0-padded
 * @param state the robot state vector, [STATE]
 * @param proposals the proposals the object slots hold, in slot order
 * @param words the instruction's words, for copying a region name
 * @param tokenWord for each text position, the instruction word it came from, -1 for others
 */
public record ModelInput(byte[] rgb, short[] depthMm, byte[] crops, float[] objects, float[] objectMask, long[] text,
    float[] state, List<Proposal> proposals, List<String> words, int[] tokenWord) {

  /** Colour normalised as (v/255 - 0.5)/0.25 and depth in metres / 4, stacked: [4, IMAGE_H, IMAGE_W]. */
  public float[] imageFloats() {
    int plane = Tensorizer.IMAGE_H * Tensorizer.IMAGE_W;
    float[] out = new float[4 * plane];
    for (int i = 0; i < 3 * plane; i++) {
      out[i] = Tensorizer.normalise(rgb[i] & 0xff);
    }
    for (int i = 0; i < plane; i++) {
      out[3 * plane + i] = (depthMm[i] & 0xffff) / 1000f / Tensorizer.DEPTH_SCALE;
    }
    return out;
  }

  /** Crops normalised as (v/255 - 0.5)/0.25: [MAX, 3, CROP, CROP]. */
  public float[] cropFloats() {
    float[] out = new float[crops.length];
    for (int i = 0; i < crops.length; i++) {
      out[i] = Tensorizer.normalise(crops[i] & 0xff);
    }
    return out;
  }
}
