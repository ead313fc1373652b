package dev.vla.model.vla;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Pixel;
import dev.vla.affordances.SkillStatus;
import dev.vla.model.Decision;
import dev.vla.model.HistoryStep;
import dev.vla.model.Observation;
import dev.vla.model.language.Utterances;
import dev.vla.model.perception.ModelInput;
import dev.vla.model.perception.Proposal;
import dev.vla.model.perception.Proposals;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the model's heads into one affordance call: the skill (masked to what the registry allows
 * from the robot's state), the proposal it points into and the pixel within it, and each argument.
 * Asks instead of acting when the model is unsure. Stateless and thread-safe.
 */
public final class Decoder {
  /** Skills that act on a target pixel. */
  static final Set<String> NEEDS_TARGET = Set.of("pick", "place", "push", "open", "close", "look_at");
  /** Skills whose precondition is an empty gripper. */
  static final Set<String> NEEDS_EMPTY = Set.of("pick", "push", "open", "close");
  static final Set<String> NEEDS_HOLDING = Set.of("place", "hand_over");

  private final InferenceConfig config;

  public Decoder(InferenceConfig config) {
    this.config = config;
  }

  public Decision decode(ModelOutput out, ModelInput in, Observation obs) {
    List<String> skills = ModelSpec.SKILLS;
    double[] p = ModelOutput.softmax(out.get("skill"), 0, skills.size());
    boolean holding = obs.robot().holding();
    boolean anyObject = !in.proposals().isEmpty();
    for (int i = 0; i < skills.size(); i++) {
      String s = skills.get(i);
      boolean allowed = !s.equals("stop")
          && !(holding && NEEDS_EMPTY.contains(s))
          && !(!holding && NEEDS_HOLDING.contains(s))
          && !(!anyObject && NEEDS_TARGET.contains(s));
      if (!allowed) {
        p[i] = 0;
      }
    }
    int best = ModelOutput.argmax(p);
    String skill = skills.get(best);
    double confidence = p[best];
    float affordance = out.get("affordance")[0];

    int k = Proposals.MAX;
    double[] pointer = ModelOutput.softmax(out.get("pointer"), 0, k + 1);
    int slot = -1;
    if (NEEDS_TARGET.contains(skill) || skill.equals("navigate")) {
      int bestSlot = -1;
      for (int s = 0; s < in.proposals().size(); s++) {
        if (bestSlot < 0 || pointer[s] > pointer[bestSlot]) {
          bestSlot = s;
        }
      }
      boolean none = skill.equals("navigate") && (bestSlot < 0 || pointer[k] > pointer[bestSlot]);
      if (!none && bestSlot >= 0) {
        slot = bestSlot;
        confidence *= pointer[bestSlot] / (1 - pointer[k] + 1e-9);
      }
    }
    Map<String, String> args = new LinkedHashMap<>();
    Optional<Pixel> pixel = Optional.empty();
    if (slot >= 0) {
      pixel = Optional.of(pixel(in.proposals().get(slot), out.get("offset"), slot, obs.width(), obs.height()));
    }
    String target = slot >= 0 ? describe(out, slot) : "object";
    switch (skill) {
      case "pick", "open", "close", "look_at" -> args.put("target", target);
      case "push" -> {
        args.put("target", target);
        args.put("direction", pick(out, "push_dir", ModelSpec.PUSH_DIRECTIONS));
        args.put("distance", "0.15");
      }
      case "place" -> {
        args.put("target", heldObject(obs.history()));
        args.put(pick(out, "place_mode", ModelSpec.PLACE_MODES), target);
      }
      case "find" -> {
        args.put("description", referent(obs.instruction()));
        args.put("direction", pick(out, "find_dir", ModelSpec.FIND_DIRECTIONS));
        args.put("range", pick(out, "find_range", ModelSpec.FIND_RANGES));
      }
      case "navigate" -> {
        if (slot >= 0) {
          args.put("to", target);
          String mode = pick(out, "nav_mode", ModelSpec.NAV_MODES);
          if (mode.equals("rim")) {
            args.put("standoff", "0.45");
          } else if (mode.equals("glimpse")) {
            args.put("standoff", "0.6");
          }
        } else {
          args.put("to", regionWord(out, in));
        }
      }
      case "ask" -> args.put("question", question(pick(out, "ask_kind", ModelSpec.ASK_KINDS), obs.instruction()));
      default -> { }
    }
    if (skill.equals("done") && obs.history().isEmpty()) {
      // "Done" before doing anything tells the operator nothing; a question lets them rephrase.
      return askToRephrase("I don't see anything to do for", obs, confidence, affordance,
          "done before any step: asking instead");
    }
    boolean acting = !skill.equals("ask") && !skill.equals("done");
    if (acting && (confidence < config.minConfidence() || affordance < config.minAffordance())) {
      return askToRephrase("I'm not sure what to do for", obs, confidence, affordance, String.format(Locale.ROOT,
          "unsure (confidence %.2f, expected success %.2f) about %s", confidence, affordance, skill));
    }
    return Decision.of(call(skill, args, pixel, confidence, affordance),
        String.format(Locale.ROOT, "%s (p=%.2f)", skill, confidence));
  }

  /** An {@code ask} instead of the model's call: the opening, the instruction quoted, and a request to rephrase. */
  private static Decision askToRephrase(String opening, Observation obs, double confidence, double affordance,
      String why) {
    String question = opening + " \"" + clip(obs.instruction()) + "\". Could you say it another way?";
    return Decision.of(call("ask", Map.of("question", question), Optional.empty(), confidence, affordance), why);
  }

  static Pixel pixel(Proposal p, float[] offset, int slot, int width, int height) {
    // A saturated sigmoid gives exactly 1.0: keep the pixel on the proposal, not one past its edge.
    int u = Math.min(p.maxU(), (int) Math.floor(p.minU() + offset[2 * slot] * p.width()));
    int v = Math.min(p.maxV(), (int) Math.floor(p.minV() + offset[2 * slot + 1] * p.height()));
    u = Math.max(p.minU(), u);
    v = Math.max(p.minV(), v);
    return new Pixel(Math.max(0, Math.min(width - 1, u)), Math.max(0, Math.min(height - 1, v)));
  }

  /** "red cube", from the object's colour and category heads. */
  static String describe(ModelOutput out, int slot) {
    String color = argmax(out.get("obj_color"), slot, ModelSpec.COLORS);
    String category = argmax(out.get("obj_category"), slot, ModelSpec.CATEGORIES);
    String c = color.equals("other") ? "" : color + " ";
    return (c + (category.equals("other") ? "object" : category)).trim();
  }

  private static String argmax(float[] logits, int slot, List<String> classes) {
    int n = classes.size();
    return classes.get(ModelOutput.argmax(ModelOutput.softmax(logits, slot * n, n)));
  }

  private static String pick(ModelOutput out, String head, List<String> classes) {
    return classes.get(ModelOutput.argmax(ModelOutput.softmax(out.get(head), 0, classes.size())));
  }

  /** The instruction word the region head points at. */
  static String regionWord(ModelOutput out, ModelInput in) {
    float[] logits = out.get("region");
    int best = -1;
    for (int t = 0; t < logits.length; t++) {
      if (in.tokenWord()[t] >= 0 && (best < 0 || logits[t] > logits[best])) {
        best = t;
      }
    }
    return best < 0 ? "unknown" : in.words().get(in.tokenWord()[best]);
  }

  /** What was picked last, for the place call's target argument. */
  static String heldObject(List<HistoryStep> history) {
    for (int i = history.size() - 1; i >= 0; i--) {
      HistoryStep h = history.get(i);
      if (h.call().skill().equals("pick") && h.outcome() == SkillStatus.State.SUCCEEDED) {
        return h.call().arg("target").orElse("object");
      }
    }
    return "object";
  }

  static String referent(String instruction) {
    return clip(instruction);
  }

  static String question(String kind, String instruction) {
    return switch (kind) {
      case "ambiguous" -> "More than one thing fits \"" + clip(instruction) + "\". Which one do you mean?";
      case "absent" -> "I looked all around and cannot find what you asked for in \"" + clip(instruction) + "\".";
      case "refuse" -> "I won't do that: \"" + clip(instruction) + "\".";
      default -> "I could not finish \"" + clip(instruction) + "\". What should I do?";
    };
  }

  /** The instruction as quoted in a question: at most 80 characters, control characters as spaces (the ask check). */
  private static String clip(String s) {
    return Utterances.quoted(s);
  }

  private static AffordanceCall call(String skill, Map<String, String> args, Optional<Pixel> pixel, double confidence,
      double affordance) {
    return new AffordanceCall(0, skill, args, pixel, Optional.empty(), Math.max(0, Math.min(1, confidence)),
        Math.max(0, Math.min(1, affordance)), 0, 0);
  }
}
