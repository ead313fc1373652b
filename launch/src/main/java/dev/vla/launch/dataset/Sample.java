package dev.vla.launch.dataset;

import dev.vla.model.perception.ModelInput;
import dev.vla.model.vla.Labels;

/**
 * One recorded decision: the model inputs, the teacher's labels, each proposal's true colour and
 * category, whether the call went on to succeed, and a line of metadata.
 */
record Sample(ModelInput input, Labels labels, int[] slotColor, int[] slotCategory, float outcome, String meta) {
  Sample withOutcome(float o) {
    return new Sample(input, labels, slotColor, slotCategory, o, meta);
  }
}
