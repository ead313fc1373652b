package dev.vla.model.vla;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Pixel;
import dev.vla.model.perception.ModelInput;
import dev.vla.model.perception.Proposal;
import dev.vla.model.perception.Proposals;
import java.util.Arrays;
import java.util.Locale;

/**
 * The training targets for one decision, read off the call the teacher (the oracle) made: which
 * skill, which proposal it pointed into and where in it, and each argument head's class.
 * {@link ModelSpec#IGNORE} marks heads the call does not use.
 *
 * @param args push direction, find direction, find range, nav mode, place mode, ask kind, region token
 */
public record Labels(int skill, int pointer, float[] offset, int[] args) {
  public static final int ARGS = 7;

  /**
   * @param labels the proposal label of every pixel of the full-resolution image (from {@link Proposals})
   * @param imageWidth width of that image
   */
  public static Labels of(AffordanceCall call, ModelInput input, int[] labels, int imageWidth) {
    int skill = ModelSpec.SKILLS.indexOf(call.skill());
    if (skill < 0) {
      throw new IllegalArgumentException("no skill '" + call.skill() + "' in " + ModelSpec.SKILLS);
    }
    int pointer = ModelSpec.NO_OBJECT;
    float[] offset = {ModelSpec.IGNORE, ModelSpec.IGNORE};
    if (call.targetPixel().isPresent()) {
      Pixel px = call.targetPixel().get();
      int slot = slotAt(labels, imageWidth, labels.length / imageWidth, px);
      if (slot < 0) {
        pointer = ModelSpec.IGNORE; // the teacher pointed where no proposal is: no pointer target to learn
      } else {
        pointer = slot;
        Proposal p = input.proposals().get(slot);
        offset = new float[] {(px.u() + 0.5f - p.minU()) / p.width(), (px.v() + 0.5f - p.minV()) / p.height()};
      }
    }
    int[] args = new int[ARGS];
    Arrays.fill(args, ModelSpec.IGNORE);
    switch (call.skill()) {
      case "push" -> args[0] = ModelSpec.PUSH_DIRECTIONS.indexOf(call.arg("direction").orElse("forward"));
      case "find" -> {
        args[1] = ModelSpec.FIND_DIRECTIONS.indexOf(call.arg("direction").orElse("left"));
        args[2] = ModelSpec.FIND_RANGES.indexOf(call.arg("range").orElse("mid"));
      }
      case "navigate" -> {
        String standoff = call.arg("standoff").orElse("");
        args[3] = standoff.equals("0.45") ? 1 : standoff.equals("0.6") ? 2 : 0;
        if (call.targetPixel().isEmpty()) {
          args[6] = regionToken(input, call.arg("to").orElse(""));
        }
      }
      case "place" -> args[4] = call.args().containsKey("on") ? 1 : 0;
      case "ask" -> args[5] = askKind(call.arg("question").orElse(""));
      default -> { }
    }
    return new Labels(skill, pointer, offset, args);
  }

  /** The proposal at a pixel, or the most common one within two pixels of it; -1 when none. */
  static int slotAt(int[] labels, int w, int h, Pixel px) {
    int direct = labels[px.v() * w + px.u()];
    if (direct >= 0) {
      return direct;
    }
    int[] votes = new int[Proposals.MAX];
    for (int dv = -2; dv <= 2; dv++) {
      for (int du = -2; du <= 2; du++) {
        int u = px.u() + du;
        int v = px.v() + dv;
        if (u >= 0 && v >= 0 && u < w && v < h && labels[v * w + u] >= 0) {
          votes[labels[v * w + u]]++;
        }
      }
    }
    int best = -1;
    for (int k = 0; k < votes.length; k++) {
      if (votes[k] > 0 && (best < 0 || votes[k] > votes[best])) {
        best = k;
      }
    }
    return best;
  }

  /** Text position of the first piece of the region's name in the instruction, or IGNORE. */
  static int regionToken(ModelInput input, String region) {
    String word = region.toLowerCase(Locale.ROOT);
    int wordIndex = input.words().indexOf(word);
    if (wordIndex < 0) {
      return ModelSpec.IGNORE;
    }
    for (int t = 0; t < input.tokenWord().length; t++) {
      if (input.tokenWord()[t] == wordIndex) {
        return t;
      }
    }
    return ModelSpec.IGNORE;
  }

  /** The kind of question, from the teacher's wording. */
  static int askKind(String question) {
    String q = question.toLowerCase(Locale.ROOT);
    if (q.startsWith("which")) {
      return 0;
    }
    if (q.contains("cannot find") || q.contains("cannot see")) {
      return 1;
    }
    if (q.startsWith("i won't") || q.startsWith("sorry, i can't")) {
      return 2;
    }
    return 3;
  }
}
