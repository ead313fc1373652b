package dev.vla.model.vla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Pixel;
import dev.vla.affordances.Pose2D;
import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.RobotState;
import dev.vla.affordances.SkillStatus;
import dev.vla.model.CameraIntrinsics;
import dev.vla.model.Decision;
import dev.vla.model.HistoryStep;
import dev.vla.model.Observation;
import dev.vla.model.TestScenes;
import dev.vla.model.perception.ModelInput;
import dev.vla.model.perception.Proposal;
import dev.vla.model.perception.Proposals;
import dev.vla.model.perception.Tensorizer;
import dev.vla.model.perception.WordPiece;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecoderTest {
  static final CameraIntrinsics K = new CameraIntrinsics(320, 240, 250, 250, 159.5, 119.5);
  static final InferenceConfig CONFIG = InferenceConfig.defaults();
  static final Decoder DECODER = new Decoder(CONFIG);
  static final int K_MAX = Proposals.MAX;

  static final Proposal CUBE = proposal(0, 100, 50, 119, 59);
  static final Proposal BIN = proposal(1, 200, 120, 239, 159);

  static Proposal proposal(int label, int minU, int minV, int maxU, int maxV) {
    double[] z = {0, 0, 0};
    return new Proposal(label, (maxU - minU + 1) * (maxV - minV + 1), minU, minV, maxU, maxV, new double[] {0.5, 0.5,
        0.5}, z, z, z, 1.0);
  }

  /** Model outputs with every logit 0 (uniform) except as set; offsets at each box's centre; affordance 0.9. */
  static final class Heads {
    final Map<String, float[]> heads = new HashMap<>();

    Heads() {
      heads.put("skill", new float[ModelSpec.SKILLS.size()]);
      heads.put("pointer", new float[K_MAX + 1]);
      float[] offset = new float[2 * K_MAX];
      Arrays.fill(offset, 0.5f);
      heads.put("offset", offset);
      heads.put("push_dir", new float[ModelSpec.PUSH_DIRECTIONS.size()]);
      heads.put("find_dir", new float[ModelSpec.FIND_DIRECTIONS.size()]);
      heads.put("find_range", new float[ModelSpec.FIND_RANGES.size()]);
      heads.put("nav_mode", new float[ModelSpec.NAV_MODES.size()]);
      heads.put("place_mode", new float[ModelSpec.PLACE_MODES.size()]);
      heads.put("ask_kind", new float[ModelSpec.ASK_KINDS.size()]);
      heads.put("region", new float[Tensorizer.TEXT]);
      heads.put("obj_color", new float[K_MAX * ModelSpec.COLORS.size()]);
      heads.put("obj_category", new float[K_MAX * ModelSpec.CATEGORIES.size()]);
      heads.put("affordance", new float[] {0.9f});
    }

    Heads skill(String name, float logit) {
      heads.get("skill")[index(ModelSpec.SKILLS, name)] = logit;
      return this;
    }

    Heads pointer(int slot, float logit) {
      heads.get("pointer")[slot] = logit;
      return this;
    }

    Heads offset(int slot, float du, float dv) {
      heads.get("offset")[2 * slot] = du;
      heads.get("offset")[2 * slot + 1] = dv;
      return this;
    }

    Heads arg(String head, List<String> classes, String value) {
      heads.get(head)[index(classes, value)] = 5;
      return this;
    }

    Heads object(int slot, String colour, String category) {
      heads.get("obj_color")[slot * ModelSpec.COLORS.size() + index(ModelSpec.COLORS, colour)] = 5;
      heads.get("obj_category")[slot * ModelSpec.CATEGORIES.size() + index(ModelSpec.CATEGORIES, category)] = 5;
      return this;
    }

    Heads region(int position, float logit) {
      heads.get("region")[position] = logit;
      return this;
    }

    Heads affordance(float a) {
      heads.get("affordance")[0] = a;
      return this;
    }

    ModelOutput out() {
      return new ModelOutput(heads);
    }

    /** The outputs as the model gives them for {@code proposals} real proposals: padding slots' pointer logits -1e4. */
    ModelOutput out(int proposals) {
      Map<String, float[]> copy = new HashMap<>(heads);
      float[] pointer = heads.get("pointer").clone();
      for (int k = proposals; k < K_MAX; k++) {
        pointer[k] = -1e4f;
      }
      copy.put("pointer", pointer);
      return new ModelOutput(copy);
    }
  }

  static int index(List<String> classes, String name) {
    int i = classes.indexOf(name);
    assertTrue(i >= 0, name + " in " + classes);
    return i;
  }

  static RobotState robot(boolean holding) {
    RobotGeometry g = RobotGeometry.standard();
    return new RobotState(0, Pose2D.ORIGIN, 0, 0, g.armHome(), holding ? 0.04 : g.gripperMaxWidth(), 0,
        holding ? 12 : 0, 0, 0.5);
  }

  static Observation observation(boolean holding, String instruction, List<HistoryStep> history) {
    Observation obs = new Observation(0, new byte[K.width() * K.height() * 3], new float[K.width() * K.height()], K,
        TestScenes.cameraPose(0, 0, 1.2, 0.8), robot(holding), instruction, 1, history, Map.of());
    assertEquals(holding, obs.robot().holding());
    return obs;
  }

  /** The decoder reads only the proposals and the instruction's words of the input. */
  static ModelInput input(List<Proposal> proposals, String instruction) {
    WordPiece.Encoding e = WordPiece.build(List.of(instruction), 1, 0).encode(instruction);
    int[] tokenWord = new int[Tensorizer.TEXT];
    Arrays.fill(tokenWord, -1);
    for (int i = 0; i < e.wordIndex().size(); i++) {
      tokenWord[i] = e.wordIndex().get(i);
    }
    return new ModelInput(new byte[0], new short[0], new byte[0], new float[0], new float[K_MAX], new long[Tensorizer.TEXT],
        new float[Tensorizer.STATE], proposals, e.words(), tokenWord);
  }

  static AffordanceCall decode(Heads h, List<Proposal> proposals, boolean holding, String instruction,
      List<HistoryStep> history) {
    Decision d = DECODER.decode(h.out(proposals.size()), input(proposals, instruction),
        observation(holding, instruction, history));
    assertTrue(d.call().isPresent(), d.explanation());
    return d.call().get();
  }

  static AffordanceCall decode(Heads h, List<Proposal> proposals, boolean holding) {
    return decode(h, proposals, holding, "pick up the red cube", List.of());
  }

  static double softmax(float[] logits, int i) {
    double sum = 0;
    for (float l : logits) {
      sum += Math.exp(l);
    }
    return Math.exp(logits[i]) / sum;
  }

  static boolean inside(Proposal p, Pixel px) {
    return px.u() >= p.minU() && px.u() <= p.maxU() && px.v() >= p.minV() && px.v() <= p.maxV();
  }

  @Test
  void choosesTheMostLikelySkillAndPointsIntoTheChosenProposal() {
    Heads h = new Heads().skill("pick", 6).skill("navigate", 3).pointer(0, 6).object(0, "red", "cube")
        .object(1, "blue", "bin");
    AffordanceCall call = decode(h, List.of(CUBE, BIN), false);
    assertEquals("pick", call.skill());
    assertEquals(Map.of("target", "red cube"), call.args());
    assertEquals(Optional.of(new Pixel(110, 55)), call.targetPixel(), "the centre of the cube's box");
    // Confidence: the skill's probability times the pointer's share among the real proposals.
    float[] pointer = h.out(2).get("pointer");
    double pSkill = softmax(h.heads.get("skill"), index(ModelSpec.SKILLS, "pick"));
    double share = softmax(pointer, 0) / (1 - softmax(pointer, K_MAX));
    assertEquals(pSkill * share, call.confidence(), 1e-6);
    assertEquals(0.9, call.affordance(), 1e-6);
  }

  @Test
  void thePointerChoosesAmongRealProposalsOnly() {
    // Padding slot 5 and the "no object" slot score higher than both real proposals (here unmasked); slot 1 wins.
    Heads h = new Heads().skill("look_at", 8).pointer(1, 4).pointer(5, 9).pointer(K_MAX, 9).object(1, "green", "ball");
    Decoder lax = new Decoder(new InferenceConfig(Optional.empty(), "cpu", 1, 0, 0));
    AffordanceCall call = lax.decode(h.out(), input(List.of(CUBE, BIN), "look at the ball"),
        observation(false, "look at the ball", List.of())).call().orElseThrow();
    assertEquals("look_at", call.skill());
    assertEquals(Map.of("target", "green ball"), call.args());
    assertTrue(inside(BIN, call.targetPixel().orElseThrow()), call.toString());
  }

  @Test
  void theOffsetPlacesThePixelWithinTheProposalsBox() {
    Heads h = new Heads().skill("pick", 8).pointer(1, 8).offset(1, 0.25f, 0.75f);
    AffordanceCall call = decode(h, List.of(CUBE, BIN), false);
    // u = 200 + 0.25 * 40, v = 120 + 0.75 * 40
    assertEquals(Optional.of(new Pixel(210, 150)), call.targetPixel());
    assertEquals(new Pixel(200, 120), Decoder.pixel(BIN, new float[] {0, 0, 0, 0}, 1, 320, 240));
    assertEquals(new Pixel(239, 159), Decoder.pixel(BIN, new float[] {0, 0, 0.999f, 0.999f}, 1, 320, 240));
    // A saturated sigmoid reads exactly 1.0: still the box's last pixel, never the floor past it.
    assertEquals(new Pixel(239, 159), Decoder.pixel(BIN, new float[] {0, 0, 1f, 1f}, 1, 320, 240));
  }

  @Test
  void theOffsetDecodesTheTrainingLabelOfEveryPixelBackToThatPixel() {
    // Labels.of encodes a pixel as ((u + 0.5 - minU) / width, (v + 0.5 - minV) / height).
    Proposal p = proposal(3, 17, 41, 53, 63); // 37 x 23
    for (int v = p.minV(); v <= p.maxV(); v++) {
      for (int u = p.minU(); u <= p.maxU(); u++) {
        float[] offset = new float[2 * K_MAX];
        offset[6] = (u + 0.5f - p.minU()) / p.width();
        offset[7] = (v + 0.5f - p.minV()) / p.height();
        assertEquals(new Pixel(u, v), Decoder.pixel(p, offset, 3, 320, 240));
      }
    }
  }

  @Test
  void thePixelStaysInTheImage() {
    Proposal edge = proposal(0, 300, 230, 319, 239);
    assertEquals(new Pixel(319, 239), Decoder.pixel(edge, new float[] {0.999f, 0.999f}, 0, 320, 240));
    assertEquals(new Pixel(300, 230), Decoder.pixel(edge, new float[] {0, 0}, 0, 320, 240));
    assertEquals(new Pixel(319, 239), Decoder.pixel(edge, new float[] {1, 1}, 0, 320, 240));
  }

  @Test
  void placeIsMaskedWhenTheGripperIsEmpty() {
    Heads h = new Heads().skill("place", 9).skill("pick", 8.5f).pointer(0, 6);
    assertEquals("pick", decode(h, List.of(CUBE, BIN), false).skill());
  }

  @Test
  void handOverIsMaskedWhenTheGripperIsEmpty() {
    Heads h = new Heads().skill("hand_over", 9).skill("find", 8.5f);
    assertEquals("find", decode(h, List.of(CUBE), false).skill());
  }

  @ParameterizedTest(name = "{0} while holding")
  @CsvSource({"pick", "push", "open", "close"})
  void skillsNeedingAnEmptyGripperAreMaskedWhileHolding(String skill) {
    Heads h = new Heads().skill(skill, 9).skill("place", 8.5f).pointer(1, 6);
    AffordanceCall call = decode(h, List.of(CUBE, BIN), true);
    assertEquals("place", call.skill());
  }

  /** One finished step, so {@code done} is a possible answer. */
  static final List<HistoryStep> AFTER_A_PICK = List.of(
      new HistoryStep(AffordanceCall.of("pick", Map.of("target", "red cube")), SkillStatus.State.SUCCEEDED, ""));

  @Test
  void stopIsNeverChosen() {
    Heads h = new Heads().skill("stop", 9).skill("done", 7);
    assertEquals("done", decode(h, List.of(CUBE), false, "pick up the red cube", AFTER_A_PICK).skill());
  }

  @Test
  void doneBeforeAnyStepBecomesAQuestion() {
    Heads h = new Heads().skill("done", 9);
    AffordanceCall call = decode(h, List.of(CUBE), false, "do a backflip", List.of());
    assertEquals("ask", call.skill());
    assertTrue(call.args().get("question").contains("do a backflip"), call.args().toString());
    assertEquals("done", decode(h, List.of(CUBE), false, "pick up the red cube", AFTER_A_PICK).skill());
  }

  @Test
  void skillsNeedingATargetAreMaskedWithoutProposals() {
    Heads h = new Heads().skill("pick", 9).skill("look_at", 9).skill("push", 8).skill("find", 9)
        .arg("find_dir", ModelSpec.FIND_DIRECTIONS, "right").arg("find_range", ModelSpec.FIND_RANGES, "far");
    AffordanceCall call = decode(h, List.of(), false, "find the red cube", List.of());
    assertEquals("find", call.skill());
    assertEquals(Map.of("description", "find the red cube", "direction", "right", "range", "far"), call.args());
    assertTrue(call.targetPixel().isEmpty());
  }

  @Test
  void mostMassOnAnImpossibleSkillMakesTheDecoderAsk() {
    // 'place' has nearly all the probability but the gripper is empty; the rest is too thin to act on.
    Heads h = new Heads().skill("place", 10).skill("pick", 6).pointer(0, 9);
    AffordanceCall call = decode(h, List.of(CUBE), false);
    assertEquals("ask", call.skill());
    assertTrue(call.args().get("question").contains("pick up the red cube"), call.toString());
    assertTrue(call.targetPixel().isEmpty());
  }

  @Test
  void placeTargetsTheHeldObjectIntoThePointedReceptacle() {
    List<HistoryStep> history = List.of(
        new HistoryStep(AffordanceCall.of("pick", Map.of("target", "green ball")), SkillStatus.State.FAILED, ""),
        new HistoryStep(AffordanceCall.of("pick", Map.of("target", "red cube")), SkillStatus.State.SUCCEEDED, ""),
        new HistoryStep(AffordanceCall.of("navigate", Map.of("to", "blue bin")), SkillStatus.State.SUCCEEDED, ""));
    Heads into = new Heads().skill("place", 8).pointer(1, 8).object(1, "blue", "bin")
        .arg("place_mode", ModelSpec.PLACE_MODES, "into");
    AffordanceCall call = decode(into, List.of(CUBE, BIN), true, "put the red cube in the blue bin", history);
    assertEquals("place", call.skill());
    assertEquals(Map.of("target", "red cube", "into", "blue bin"), call.args());
    assertTrue(inside(BIN, call.targetPixel().orElseThrow()));

    Heads on = new Heads().skill("place", 8).pointer(0, 8).object(0, "other", "table")
        .arg("place_mode", ModelSpec.PLACE_MODES, "on");
    AffordanceCall onTable = decode(on, List.of(CUBE, BIN), true, "put it on the table", List.of());
    assertEquals(Map.of("target", "object", "on", "table"), onTable.args(), "no successful pick: 'object'");
  }

  @Test
  void pushReadsItsDirection() {
    Heads h = new Heads().skill("push", 8).pointer(0, 8).object(0, "yellow", "other")
        .arg("push_dir", ModelSpec.PUSH_DIRECTIONS, "backward");
    AffordanceCall call = decode(h, List.of(CUBE), false);
    assertEquals(Map.of("target", "yellow object", "direction", "backward", "distance", "0.15"), call.args());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"default, ''", "rim, 0.45", "glimpse, 0.6"})
  void navigateToAnObjectSetsTheStandOffFromItsMode(String mode, String standoff) {
    Heads h = new Heads().skill("navigate", 8).pointer(1, 8).object(1, "other", "other")
        .arg("nav_mode", ModelSpec.NAV_MODES, mode);
    AffordanceCall call = decode(h, List.of(CUBE, BIN), false, "go to the bin", List.of());
    assertEquals("navigate", call.skill());
    assertEquals("object", call.args().get("to"));
    assertEquals(standoff.isEmpty() ? Optional.empty() : Optional.of(standoff), call.arg("standoff"));
    assertTrue(inside(BIN, call.targetPixel().orElseThrow()));
  }

  @Test
  void navigateWithoutAnObjectCopiesTheRegionWordTheRegionHeadPointsAt() {
    // Padding positions score highest but carry no instruction word; position 3 ("kitchen") wins.
    Heads h = new Heads().skill("navigate", 8).pointer(0, 1).pointer(K_MAX, 8).region(3, 5).region(1, 2)
        .region(40, 9);
    AffordanceCall call = decode(h, List.of(CUBE), false, "go to the kitchen", List.of());
    assertEquals("navigate", call.skill());
    assertEquals(Map.of("to", "kitchen"), call.args());
    assertTrue(call.targetPixel().isEmpty());
  }

  @Test
  void navigateWithNoProposalsUsesTheRegion() {
    Heads h = new Heads().skill("navigate", 8).region(0, 1).region(3, 4);
    AffordanceCall call = decode(h, List.of(), false, "go to the kitchen", List.of());
    assertEquals(Map.of("to", "kitchen"), call.args());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ambiguous, Which one", "absent, cannot find", "refuse, I won't", "stuck, What should I do"})
  void askPhrasesTheQuestionOfItsKind(String kind, String phrase) {
    Heads h = new Heads().skill("ask", 8).arg("ask_kind", ModelSpec.ASK_KINDS, kind).affordance(0);
    AffordanceCall call = decode(h, List.of(CUBE), false);
    assertEquals("ask", call.skill());
    assertTrue(call.args().get("question").contains(phrase), call.args().toString());
    assertTrue(call.args().get("question").contains("pick up the red cube"), call.args().toString());
  }

  @Test
  void lowSkillConfidenceAsksInsteadOfActing() {
    // Every skill equally likely: p = 1/12 for each, under the 0.2 threshold.
    Heads h = new Heads().pointer(0, 9);
    Decision d = DECODER.decode(h.out(1), input(List.of(CUBE), "pick it"), observation(false, "pick it", List.of()));
    AffordanceCall call = d.call().orElseThrow();
    assertEquals("ask", call.skill());
    assertTrue(d.explanation().startsWith("unsure"), d.explanation());
    assertTrue(call.args().get("question").contains("\"pick it\""), call.toString());
    assertTrue(call.targetPixel().isEmpty());
    assertEquals(1.0 / 12, call.confidence(), 1e-6);
  }

  @Test
  void aPointerSplitOverManyProposalsLowersConfidenceBelowTheThreshold() {
    List<Proposal> many = new ArrayList<>();
    for (int k = 0; k < K_MAX; k++) {
      many.add(proposal(k, 10 * k, 0, 10 * k + 9, 9));
    }
    Heads sure = new Heads().skill("pick", 10);
    // The skill is certain, but the pointer is uniform over 16 proposals: 1/16 of it.
    AffordanceCall call = decode(sure, many, false);
    assertEquals("ask", call.skill());
    assertEquals(1.0 / 16, call.confidence(), 1e-3);
    // With the same heads and a single proposal the pointer is certain and the call is made.
    assertEquals("pick", decode(sure, List.of(CUBE), false).skill());
  }

  @Test
  void lowPredictedSuccessAsksInsteadOfActing() {
    Heads h = new Heads().skill("pick", 10).pointer(0, 10).affordance(0.04f);
    Decision d = DECODER.decode(h.out(1), input(List.of(CUBE), "pick it"), observation(false, "pick it", List.of()));
    AffordanceCall call = d.call().orElseThrow();
    assertEquals("ask", call.skill());
    assertEquals(0.04, call.affordance(), 1e-6);
    assertTrue(d.explanation().contains("expected success 0.04"), d.explanation());
    assertEquals("pick", decode(h.affordance(0.06f), List.of(CUBE), false).skill());
  }

  @Test
  void thresholdsComeFromTheConfiguration() {
    Heads h = new Heads().skill("pick", 10).pointer(0, 10).affordance(0.3f);
    Decoder strict = new Decoder(new InferenceConfig(Optional.empty(), "cpu", 1, 0.2, 0.5));
    Decoder lax = new Decoder(new InferenceConfig(Optional.empty(), "cpu", 1, 0.0, 0.0));
    Observation obs = observation(false, "pick it", List.of());
    assertEquals("ask", strict.decode(h.out(1), input(List.of(CUBE), "pick it"), obs).call().orElseThrow().skill());
    assertEquals("pick", lax.decode(h.out(1), input(List.of(CUBE), "pick it"), obs).call().orElseThrow().skill());
    // Nearly uniform skills (p about 1/12) are acted on only when no confidence is required.
    Heads unsure = new Heads().skill("pick", 0.01f).pointer(0, 10);
    assertEquals("pick", lax.decode(unsure.out(1), input(List.of(CUBE), "pick it"), obs).call().orElseThrow().skill());
    assertEquals("ask", strict.decode(unsure.out(1), input(List.of(CUBE), "pick it"), obs).call().orElseThrow().skill());
  }

  @Test
  void doneAndAskAreNotSecondGuessed() {
    Heads done = new Heads().skill("done", 1).affordance(0);
    AffordanceCall call = decode(done, List.of(CUBE), false, "pick up the red cube", AFTER_A_PICK);
    assertEquals("done", call.skill());
    assertEquals(Map.of(), call.args());
    assertTrue(call.targetPixel().isEmpty());
    assertTrue(call.confidence() < CONFIG.minConfidence());
  }

  @Test
  void describeNamesColourAndCategoryLeavingOutOther() {
    Heads h = new Heads().object(2, "purple", "cylinder").object(3, "other", "can").object(4, "white", "other");
    ModelOutput out = h.out();
    assertEquals("purple cylinder", Decoder.describe(out, 2));
    assertEquals("can", Decoder.describe(out, 3));
    assertEquals("white object", Decoder.describe(out, 4));
    assertEquals("object", Decoder.describe(new Heads().object(5, "other", "other").out(), 5));
  }

  @Test
  void decodedCallsPassTheSkillsPreconditions() {
    // Whatever the skill head says, the decoded call respects the gripper state.
    for (boolean holding : new boolean[] {false, true}) {
      for (String s : ModelSpec.SKILLS) {
        Heads h = new Heads().skill(s, 20).pointer(0, 20).affordance(0.9f);
        AffordanceCall call = decode(h, List.of(CUBE), holding);
        String got = call.skill();
        assertFalse(got.equals("stop"), s);
        if (holding) {
          assertFalse(Decoder.NEEDS_EMPTY.contains(got), s + " -> " + got);
        } else {
          assertFalse(Decoder.NEEDS_HOLDING.contains(got), s + " -> " + got);
        }
        if (got.equals(s)) {
          assertTrue(call.confidence() > 0.99, call.toString());
        }
      }
    }
  }
}
