package dev.vla.model.perception;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Pose2D;
import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.RobotState;
import dev.vla.affordances.SkillStatus;
import dev.vla.model.CameraIntrinsics;
import dev.vla.model.HistoryStep;
import dev.vla.model.Observation;
import dev.vla.model.TestScenes;
import dev.vla.model.baseline.SyntheticScene;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TensorizerTest {
  /** Exactly three times the model's image size, so area resizing averages whole 3x3 blocks. */
  static final CameraIntrinsics K = new CameraIntrinsics(3 * Tensorizer.IMAGE_W, 3 * Tensorizer.IMAGE_H, 200, 200,
      143.5, 95.5);
  static final int W = K.width();
  static final int H = K.height();
  static final int PLANE = Tensorizer.IMAGE_W * Tensorizer.IMAGE_H;
  static final Proposals.Result NONE = new Proposals.Result(List.of(), filled(W * H, -1));

  /** Whole words for the instruction words of these tests; history words are spelt out in letters. */
  static final WordPiece VOCAB = WordPiece.build(List.of("pick up the red cube", "put it into the bin"), 1, 0);
  static final Tensorizer TENSORIZER = new Tensorizer(VOCAB);

  static int[] filled(int n, int value) {
    int[] a = new int[n];
    Arrays.fill(a, value);
    return a;
  }

  static RobotState robot(boolean holding) {
    RobotGeometry g = RobotGeometry.standard();
    return new RobotState(0, Pose2D.ORIGIN, 0, 0, g.armHome(), holding ? 0.04 : g.gripperMaxWidth(), 0,
        holding ? 12 : 0, 0, 0.5);
  }

  static Observation observation(byte[] rgb, float[] depth, String instruction, List<HistoryStep> history) {
    return new Observation(0, rgb, depth, K, TestScenes.cameraPose(0, 0, 1.2, 0.8), robot(false), instruction, 1,
        history, Map.of());
  }

  static byte[] uniformRgb(int r, int g, int b) {
    byte[] rgb = new byte[W * H * 3];
    for (int i = 0; i < W * H; i++) {
      rgb[3 * i] = (byte) r;
      rgb[3 * i + 1] = (byte) g;
      rgb[3 * i + 2] = (byte) b;
    }
    return rgb;
  }

  /** Sets the 3x3 source block that becomes model pixel (x, y). */
  static void block(byte[] rgb, int x, int y, int r, int g, int b) {
    for (int v = 3 * y; v < 3 * y + 3; v++) {
      for (int u = 3 * x; u < 3 * x + 3; u++) {
        int i = v * W + u;
        rgb[3 * i] = (byte) r;
        rgb[3 * i + 1] = (byte) g;
        rgb[3 * i + 2] = (byte) b;
      }
    }
  }

  static void block(float[] depth, int x, int y, float d) {
    for (int v = 3 * y; v < 3 * y + 3; v++) {
      for (int u = 3 * x; u < 3 * x + 3; u++) {
        depth[v * W + u] = d;
      }
    }
  }

  static double norm(int v) {
    return (v / 255.0 - 0.5) / 0.25;
  }

  static HistoryStep step(String skill, Map<String, String> args, SkillStatus.State outcome) {
    return new HistoryStep(AffordanceCall.of(skill, args), outcome, "");
  }

  @Test
  void tensorsHaveTheModelsShapes() {
    ModelInput in = TENSORIZER.tensors(observation(uniformRgb(0, 0, 0), TestScenes.constantDepth(K, 1), "", List.of()),
        NONE);
    assertEquals(3 * PLANE, in.rgb().length);
    assertEquals(PLANE, in.depthMm().length);
    assertEquals(4 * PLANE, in.imageFloats().length);
    assertEquals(Proposals.MAX * 3 * Tensorizer.CROP * Tensorizer.CROP, in.crops().length);
    assertEquals(in.crops().length, in.cropFloats().length);
    assertEquals(Proposals.MAX * Tensorizer.OBJECT_FEATURES, in.objects().length);
    assertEquals(Proposals.MAX, in.objectMask().length);
    assertEquals(Tensorizer.TEXT, in.text().length);
    assertEquals(Tensorizer.TEXT, in.tokenWord().length);
    assertEquals(Tensorizer.STATE, in.state().length);
  }

  @Test
  void colourIsDownscaledIntoChannelPlanesRowMajorAndNormalised() {
    byte[] rgb = uniformRgb(10, 20, 30);
    block(rgb, 10, 5, 200, 100, 50);
    block(rgb, 95, 63, 255, 0, 128); // the bottom-right model pixel
    ModelInput in = TENSORIZER.tensors(observation(rgb, TestScenes.constantDepth(K, 1), "", List.of()), NONE);
    int at = 5 * Tensorizer.IMAGE_W + 10;
    int next = at + 1;
    int last = PLANE - 1;
    assertEquals(200, in.rgb()[at] & 0xff);
    assertEquals(100, in.rgb()[PLANE + at] & 0xff);
    assertEquals(50, in.rgb()[2 * PLANE + at] & 0xff);
    assertEquals(10, in.rgb()[next] & 0xff);
    assertEquals(20, in.rgb()[PLANE + next] & 0xff);
    assertEquals(30, in.rgb()[2 * PLANE + next] & 0xff);
    assertEquals(255, in.rgb()[last] & 0xff);
    assertEquals(0, in.rgb()[PLANE + last] & 0xff);
    assertEquals(128, in.rgb()[2 * PLANE + last] & 0xff);

    float[] f = in.imageFloats();
    assertEquals(norm(200), f[at], 1e-6);
    assertEquals(norm(100), f[PLANE + at], 1e-6);
    assertEquals(norm(50), f[2 * PLANE + at], 1e-6);
    assertEquals(norm(10), f[next], 1e-6);
    assertEquals(2.0, f[last], 1e-6); // 255 -> (1 - 0.5) / 0.25
    assertEquals(-2.0, f[PLANE + last], 1e-6); // 0 -> (0 - 0.5) / 0.25
    assertEquals(0.00784, f[2 * PLANE + last], 1e-4); // 128 -> just above mid-grey
  }

  @Test
  void colourIsAveragedOverTheSourceBlock() {
    byte[] rgb = uniformRgb(0, 0, 0);
    // Model pixel (0, 0) covers source pixels (0..2, 0..2): three of nine are 90, the rest 0.
    for (int u = 0; u < 3; u++) {
      rgb[3 * u] = (byte) 90;
    }
    ModelInput in = TENSORIZER.tensors(observation(rgb, TestScenes.constantDepth(K, 1), "", List.of()), NONE);
    assertEquals(30, in.rgb()[0] & 0xff);
    assertEquals(0, in.rgb()[1] & 0xff);
  }

  @Test
  void depthIsMillimetresAndMetresOverFourWithInvalidReadingsAsZero() {
    float[] depth = TestScenes.constantDepth(K, 1.5f);
    block(depth, 1, 0, 2.3456f);
    block(depth, 2, 0, Float.NaN);
    block(depth, 3, 0, Float.POSITIVE_INFINITY);
    block(depth, 4, 0, -1f);
    block(depth, 5, 0, 20f); // beyond the 12 m clip
    block(depth, 6, 0, 0.0004f);
    block(depth, 7, 0, 0f);
    ModelInput in = TENSORIZER.tensors(observation(uniformRgb(0, 0, 0), depth, "", List.of()), NONE);
    short[] mm = in.depthMm();
    assertEquals(1500, mm[0]);
    assertEquals(2346, mm[1]);
    assertEquals(0, mm[2], "NaN is no return");
    assertEquals(0, mm[3], "infinity is no return");
    assertEquals(0, mm[4], "negative depth is clamped");
    assertEquals(12000, mm[5]);
    assertEquals(0, mm[6]);
    assertEquals(0, mm[7]);
    assertEquals(1500, mm[PLANE - 1]);

    float[] f = in.imageFloats();
    assertEquals(1.5 / 4, f[3 * PLANE], 1e-6);
    assertEquals(2.346 / 4, f[3 * PLANE + 1], 1e-6);
    assertEquals(0, f[3 * PLANE + 2], 0);
    assertEquals(3.0, f[3 * PLANE + 5], 1e-6);
    for (int i = 3 * PLANE; i < 4 * PLANE; i++) {
      assertTrue(Float.isFinite(f[i]) && f[i] >= 0 && f[i] <= 3, "depth value " + f[i] + " at " + i);
    }
  }

  @Test
  void cropsKeepTheProposalsPixelsAndGreyOutTheRest() {
    byte[] rgb = uniformRgb(200, 40, 40);
    int[] labels = filled(W * H, -1);
    // Slot 0: a 24x24 box at (48, 24) whose left half is the proposal (so the crop is not resized).
    for (int v = 24; v < 48; v++) {
      for (int u = 48; u < 60; u++) {
        labels[v * W + u] = 0;
      }
    }
    labels[30 * W + 50] = 1; // a pixel of another proposal inside the box
    // Slot 1: a box in the top-left corner, touching the image border.
    for (int v = 0; v < 24; v++) {
      for (int u = 0; u < 24; u++) {
        labels[v * W + u] = 1;
      }
    }
    Proposal a = new Proposal(0, 12 * 24, 48, 24, 71, 47, new double[] {0.8, 0.2, 0.1}, new double[] {1.0, -0.1, 0.02},
        new double[] {1.1, 0.1, 0.08}, new double[] {1.05, 0, 0.05}, 1.05);
    Proposal b = new Proposal(1, 24 * 24, 0, 0, 23, 23, new double[] {0.5, 0.5, 0.5}, new double[] {2, 1, 0.1},
        new double[] {2.2, 1.2, 0.3}, new double[] {2.1, 1.1, 0.2}, 2.37);
    ModelInput in = TENSORIZER.tensors(observation(rgb, TestScenes.constantDepth(K, 1), "", List.of()),
        new Proposals.Result(List.of(a, b), labels));

    assertArrayEquals(new float[] {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, in.objectMask());
    assertEquals(List.of(a, b), in.proposals());
    int c = Tensorizer.CROP;
    int plane = c * c;
    byte[] crops = in.crops();
    // Slot 0: row 0, column 0 is the proposal; column 23 is not.
    assertEquals(200, crops[0] & 0xff);
    assertEquals(40, crops[plane] & 0xff);
    assertEquals(40, crops[2 * plane] & 0xff);
    assertEquals(128, crops[23] & 0xff);
    assertEquals(128, crops[plane + 23] & 0xff);
    assertEquals(128, crops[(30 - 24) * c + (50 - 48)] & 0xff, "another proposal's pixel is grey");
    assertEquals(200, crops[(30 - 24) * c + (51 - 48)] & 0xff);
    assertEquals(200, crops[23 * c + 11] & 0xff);
    assertEquals(128, crops[23 * c + 12] & 0xff);
    // Slot 1: all of it is the proposal.
    int base1 = 3 * plane;
    for (int i = 0; i < plane; i++) {
      assertEquals(200, crops[base1 + i] & 0xff);
      assertEquals(40, crops[base1 + plane + i] & 0xff);
    }
    // Padding slots stay zero.
    for (int i = 2 * 3 * plane; i < crops.length; i++) {
      assertEquals(0, crops[i], "padding crop at " + i);
    }
    float[] cf = in.cropFloats();
    assertEquals(norm(200), cf[0], 1e-6);
    assertEquals(norm(128), cf[23], 1e-6);
    assertEquals(-2.0, cf[cf.length - 1], 1e-6);
  }

  @Test
  void objectFeaturesDescribeEachProposal() {
    Proposal a = new Proposal(0, 144, 48, 24, 71, 47, new double[] {0.8, 0.2, 0.1}, new double[] {1.0, -0.1, 0.02},
        new double[] {1.1, 0.1, 0.08}, new double[] {1.05, 0, 0.05}, 1.05);
    Proposal b = new Proposal(1, 576, 0, 30, 23, 53, new double[] {0.5, 0.5, 0.5}, new double[] {2, 1, 0.1},
        new double[] {2.2, 1.2, 0.3}, new double[] {2.1, 1.1, 0.2}, 2.37);
    int[] labels = filled(W * H, -1);
    ModelInput in = TENSORIZER.tensors(observation(uniformRgb(9, 9, 9), TestScenes.constantDepth(K, 1), "", List.of()),
        new Proposals.Result(List.of(a, b), labels));
    float[] o = in.objects();
    float[] expectedA = {
      48f / W, 24f / H, 72f / W, 48f / H, (float) Math.sqrt(144.0 / (W * H)) * 4,
      0.8f, 0.2f, 0.1f, 1.0f, -0.1f, 0.02f, 1.1f, 0.1f, 0.08f, 1.05f, 0};
    assertArrayEquals(expectedA, Arrays.copyOfRange(o, 0, 16), 1e-6f);
    int f = Tensorizer.OBJECT_FEATURES;
    assertEquals(0f / W, o[f], 1e-6);
    assertEquals(30f / H, o[f + 1], 1e-6);
    assertEquals(24f / W, o[f + 2], 1e-6);
    assertEquals(2.37f, o[f + 14], 1e-6);
    assertEquals(1f, o[f + 15], "touching the left border: clipped");
    for (int i = 2 * f; i < o.length; i++) {
      assertEquals(0f, o[i], "padding slot feature " + i);
    }
  }

  @Test
  void textHoldsTheInstructionPiecesASeparatorAndZeroPadding() {
    ModelInput in = TENSORIZER.tensors(
        observation(uniformRgb(0, 0, 0), TestScenes.constantDepth(K, 1), "Pick up the RED cube!", List.of()), NONE);
    long[] expected = new long[Tensorizer.TEXT];
    expected[0] = VOCAB.id("pick");
    expected[1] = VOCAB.id("up");
    expected[2] = VOCAB.id("the");
    expected[3] = VOCAB.id("red");
    expected[4] = VOCAB.id("cube");
    expected[5] = VOCAB.id(WordPiece.SEP);
    assertArrayEquals(expected, in.text());
    int[] words = filled(Tensorizer.TEXT, -1);
    for (int i = 0; i < 5; i++) {
      words[i] = i;
    }
    assertArrayEquals(words, in.tokenWord());
    assertEquals(List.of("pick", "up", "the", "red", "cube"), in.words());
  }

  @Test
  void aWordSplitIntoPiecesKeepsItsWordIndexForEachPiece() {
    ModelInput in = TENSORIZER.tensors(
        observation(uniformRgb(0, 0, 0), TestScenes.constantDepth(K, 1), "pick the grreen cube", List.of()), NONE);
    // "grreen" is not a vocabulary word: g ##r ##r ##e ##e ##n
    assertEquals(VOCAB.id("g"), in.text()[2]);
    assertEquals(VOCAB.id("##n"), in.text()[7]);
    assertEquals(VOCAB.id("cube"), in.text()[8]);
    assertEquals(VOCAB.id(WordPiece.SEP), in.text()[9]);
    assertArrayEquals(new int[] {0, 1, 2, 2, 2, 2, 2, 2, 3, -1, -1},
        Arrays.copyOf(in.tokenWord(), 11));
    assertEquals("grreen", in.words().get(in.tokenWord()[5]));
  }

  @Test
  void aLongInstructionIsTruncatedBeforeTheSeparator() {
    String instruction = String.join(" ", Collections.nCopies(60, "red"));
    ModelInput in = TENSORIZER.tensors(observation(uniformRgb(0, 0, 0), TestScenes.constantDepth(K, 1), instruction,
        List.of(step("pick", Map.of("target", "red cube"), SkillStatus.State.SUCCEEDED))), NONE);
    int last = Tensorizer.TEXT - 1;
    for (int i = 0; i < last; i++) {
      assertEquals(VOCAB.id("red"), in.text()[i], "position " + i);
      assertEquals(i, in.tokenWord()[i]);
    }
    assertEquals(VOCAB.id(WordPiece.SEP), in.text()[last]);
    assertEquals(-1, in.tokenWord()[last]);
    assertEquals(60, in.words().size());
  }

  @Test
  void historyFollowsTheSeparatorOneMarkerAStep() {
    List<HistoryStep> history = List.of(
        step("pick", Map.of("target", "red cube"), SkillStatus.State.SUCCEEDED),
        step("place", Map.of("into", "bin"), SkillStatus.State.FAILED));
    ModelInput in = TENSORIZER.tensors(
        observation(uniformRgb(0, 0, 0), TestScenes.constantDepth(K, 1), "put it into the bin", history), NONE);
    List<Long> expected = new ArrayList<>();
    VOCAB.encode("put it into the bin").ids().forEach(id -> expected.add((long) id));
    expected.add((long) VOCAB.id(WordPiece.SEP));
    for (String s : List.of("pick ok", "place failed")) {
      expected.add((long) VOCAB.id(WordPiece.HISTORY));
      VOCAB.encode(s).ids().forEach(id -> expected.add((long) id));
    }
    // 5 instruction words, the separator, [H] pick o ##k, [H] p ##l ##a ##c ##e f ##a ##i ##l ##e ##d
    assertEquals(5 + 1 + 4 + 12, expected.size());
    for (int i = 0; i < Tensorizer.TEXT; i++) {
      long want = i < expected.size() ? expected.get(i) : 0;
      assertEquals(want, in.text()[i], "position " + i);
    }
    for (int i = 5; i < Tensorizer.TEXT; i++) {
      assertEquals(-1, in.tokenWord()[i], "history is no instruction word, position " + i);
    }
  }

  @Test
  void onlyTheLastSixStepsOfHistoryAreRead() {
    List<HistoryStep> history = new ArrayList<>();
    history.add(step("push", Map.of("direction", "left"), SkillStatus.State.SUCCEEDED));
    history.add(step("push", Map.of("direction", "left"), SkillStatus.State.SUCCEEDED));
    for (int i = 0; i < 6; i++) {
      history.add(step("find", Map.of(), SkillStatus.State.SUCCEEDED));
    }
    ModelInput in = TENSORIZER.tensors(observation(uniformRgb(0, 0, 0), TestScenes.constantDepth(K, 1), "pick",
        history), NONE);
    long[] text = in.text();
    // pick [SEP], then six times [H] f ##i ##n ##d o ##k (7 pieces): 44 positions, the rest padding.
    List<Long> expected = new ArrayList<>(List.of((long) VOCAB.id("pick"), (long) VOCAB.id(WordPiece.SEP)));
    for (int i = 0; i < 6; i++) {
      expected.add((long) VOCAB.id(WordPiece.HISTORY));
      VOCAB.encode("find ok").ids().forEach(id -> expected.add((long) id));
    }
    assertEquals(44, expected.size());
    for (int i = 0; i < Tensorizer.TEXT; i++) {
      assertEquals(i < expected.size() ? expected.get(i) : 0L, text[i], "position " + i);
    }
  }

  @Test
  void historyTooLongForTheTextIsCutFromTheFrontKeepingTheLatestStep() {
    List<HistoryStep> history = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      history.add(step("find", Map.of("direction", "left", "range", "far"), SkillStatus.State.FAILED));
    }
    history.add(step("pick", Map.of("target", "red cube"), SkillStatus.State.SUCCEEDED));
    ModelInput in = TENSORIZER.tensors(observation(uniformRgb(0, 0, 0), TestScenes.constantDepth(K, 1), "pick",
        history), NONE);
    long[] text = in.text();
    assertEquals(VOCAB.id("pick"), text[0]);
    assertEquals(VOCAB.id(WordPiece.SEP), text[1]);
    // Each find is 18 pieces ([H] f ##i ##n ##d l ##e ##f ##t f ##a ##r f ##a ##i ##l ##e ##d); with the pick
    // that is 94 pieces for 46 places: the last 46 are kept, the latest step whole at the end.
    List<Long> all = new ArrayList<>();
    for (HistoryStep h : history) {
      all.add((long) VOCAB.id(WordPiece.HISTORY));
      VOCAB.encode(Tensorizer.historyWords(h)).ids().forEach(id -> all.add((long) id));
    }
    assertEquals(5 * 18 + 4, all.size());
    List<Long> kept = all.subList(all.size() - (Tensorizer.TEXT - 2), all.size());
    for (int i = 2; i < Tensorizer.TEXT; i++) {
      assertEquals(kept.get(i - 2), text[i], "position " + i);
    }
    assertEquals(VOCAB.id(WordPiece.HISTORY), text[Tensorizer.TEXT - 4]);
    assertEquals(VOCAB.id("pick"), text[Tensorizer.TEXT - 3]);
    assertEquals(VOCAB.id("o"), text[Tensorizer.TEXT - 2]);
    assertEquals(VOCAB.id("##k"), text[Tensorizer.TEXT - 1]);
  }

  @Test
  void historyWordsNameTheSkillItsSearchArgumentsAndTheOutcome() {
    assertEquals("pick ok", Tensorizer.historyWords(step("pick", Map.of("target", "red cube"),
        SkillStatus.State.SUCCEEDED)));
    assertEquals("find here far ok", Tensorizer.historyWords(step("find",
        Map.of("description", "cup", "direction", "here", "range", "far"), SkillStatus.State.SUCCEEDED)));
    assertEquals("look at rejected", Tensorizer.historyWords(step("look_at", Map.of(), SkillStatus.State.REJECTED)));
    assertEquals("hand over cancelled", Tensorizer.historyWords(step("hand_over", Map.of(),
        SkillStatus.State.CANCELLED)));
    assertEquals("place failed", Tensorizer.historyWords(step("place", Map.of(), SkillStatus.State.FAILED)));
  }

  @Test
  void stateVectorReadsTheRobotAndTheHistory() {
    RobotGeometry g = RobotGeometry.standard();
    RobotState holding = new RobotState(0, Pose2D.ORIGIN, 0.3, 0.4, g.armHome(), 0.03, 0, 12, 0.25, 0.7);
    List<HistoryStep> history = List.of(
        step("pick", Map.of(), SkillStatus.State.SUCCEEDED),
        step("find", Map.of(), SkillStatus.State.SUCCEEDED),
        step("find", Map.of(), SkillStatus.State.SUCCEEDED),
        step("find", Map.of(), SkillStatus.State.FAILED));
    Observation obs = new Observation(0, uniformRgb(0, 0, 0), TestScenes.constantDepth(K, 1), K,
        TestScenes.cameraPose(0, 0, 1.2, 0.8), holding, "", 1, history, Map.of());
    assertArrayEquals(new float[] {1, 0.2f, 0.25f, 0.7f, 0.4f, 1, 0.3f, 0.5f}, Tensorizer.state(obs), 1e-6f);

    Observation idle = observation(uniformRgb(0, 0, 0), TestScenes.constantDepth(K, 1), "",
        List.of(step("find", Map.of(), SkillStatus.State.SUCCEEDED), step("pick", Map.of(),
            SkillStatus.State.SUCCEEDED)));
    float[] s = Tensorizer.state(idle);
    assertEquals(0, s[0], "gripper open: not holding");
    assertEquals(g.gripperMaxWidth() / 0.15, s[1], 1e-6);
    assertEquals(0.2f, s[4], 1e-6);
    assertEquals(0, s[5], "last call succeeded");
    assertEquals(0, s[6], "no find since the last other call");
    assertEquals(0, s[7]);
  }

  @Test
  void tensorsOfASceneMaskOneSlotPerProposal() {
    Observation obs = new SyntheticScene()
        .add(new SyntheticScene.Box(1.2, 0.25, 0.08, 0.08, new int[] {200, 30, 30}))
        .add(new SyntheticScene.Box(1.4, -0.3, 0.08, 0.08, new int[] {30, 40, 200}))
        .observe("pick up the red cube", List.of());
    ModelInput in = TENSORIZER.tensors(obs);
    assertEquals(2, in.proposals().size());
    assertArrayEquals(new float[] {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, in.objectMask());
    int cropSize = 3 * Tensorizer.CROP * Tensorizer.CROP;
    for (int k = 0; k < 2; k++) {
      Proposal p = in.proposals().get(k);
      // The centre of each crop is the box's own colour: red or blue dominates.
      int centre = k * cropSize + (Tensorizer.CROP / 2) * Tensorizer.CROP + Tensorizer.CROP / 2;
      int r = in.crops()[centre] & 0xff;
      int b = in.crops()[centre + 2 * Tensorizer.CROP * Tensorizer.CROP] & 0xff;
      assertEquals(p.meanRgb()[0] > p.meanRgb()[2], r > b, Tensorizer.describe(p));
      assertTrue(in.objects()[k * Tensorizer.OBJECT_FEATURES + 4] > 0, "size feature");
    }
    for (int i = 2 * cropSize; i < in.crops().length; i++) {
      assertEquals(0, in.crops()[i]);
    }
    assertEquals(VOCAB.id("pick"), in.text()[0]);
    assertEquals(VOCAB.id(WordPiece.SEP), in.text()[5]);
  }
}
