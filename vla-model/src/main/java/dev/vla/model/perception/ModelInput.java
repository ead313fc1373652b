package dev.vla.model.perception;

import java.util.List;

/**
 * The tensors the model reads for one decision, in the layout of {@link Tensorizer} (row-major,
 * batch dimension left out), plus what decoding needs to map outputs back to pixels and words.
 *
 * @param image colour and depth, [4, IMAGE_H, IMAGE_W], normalised
 * @param crops each proposal's masked crop, [MAX, 3, CROP, CROP]
 * @param objects each proposal's geometry and colour features, [MAX, OBJECT_FEATURES]
 * @param objectMask 1 for a real proposal, 0 for padding, [MAX]
 * @param text word-piece ids of the instruction, a separator and the history, [TEXT], 0-padded
 * @param state the robot state vector, [STATE]
 * @param proposals the proposals the object slots hold, in slot order
 * @param words the instruction's words, for copying a region name
 * @param tokenWord for each text position, the instruction word it came from, -1 for others
 */
public record ModelInput(float[] image, float[] crops, float[] objects, float[] objectMask, long[] text, float[] state,
    List<Proposal> proposals, List<String> words, int[] tokenWord) {}
