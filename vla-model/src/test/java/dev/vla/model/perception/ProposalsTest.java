package dev.vla.model.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.model.Observation;
import dev.vla.model.baseline.SyntheticScene;
import dev.vla.model.baseline.SyntheticScene.Box;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProposalsTest {
  static final int[] RED = {200, 30, 30};
  static final int[] BLUE = {30, 40, 200};
  static final Box RED_BOX = new Box(1.2, 0.25, 0.08, 0.08, RED);
  static final Box BLUE_BOX = new Box(1.4, -0.3, 0.08, 0.08, BLUE);
  /** A red box and, farther and to the right, a blue one; rendered once for the tests that read it. */
  static final Observation TWO_BOXES = new SyntheticScene().add(RED_BOX).add(BLUE_BOX).observe("", List.of());

  /** Pixel index where the centre of a box's top face shows in the synthetic camera. */
  static int topCentre(Box b) {
    double[] o = SyntheticScene.CAMERA.inverse().apply(b.cx(), b.cy(), b.height());
    double[] uv = SyntheticScene.K.project(o[0], o[1], o[2]);
    return (int) Math.round(uv[1]) * SyntheticScene.K.width() + (int) Math.round(uv[0]);
  }

  static String describe(List<Proposal> ps) {
    return ps.stream().map(Tensorizer::describe).toList().toString();
  }

  @Test
  void aGreyFloorAloneHasNoProposals() {
    Proposals.Result r = Proposals.find(new SyntheticScene().observe("", List.of()));
    assertEquals(List.of(), r.proposals());
    assertEquals(SyntheticScene.K.width() * SyntheticScene.K.height(), r.labels().length);
    for (int label : r.labels()) {
      assertEquals(-1, label);
    }
  }

  @Test
  void findsOneProposalPerColouredBoxWithItsColourPlaceAndSize() {
    Observation obs = TWO_BOXES;
    Proposals.Result r = Proposals.find(obs);
    List<Proposal> ps = r.proposals();
    assertEquals(2, ps.size(), describe(ps));
    Proposal pr = ps.get(r.labels()[topCentre(RED_BOX)]);
    Proposal pb = ps.get(r.labels()[topCentre(BLUE_BOX)]);
    assertNotEquals(pr.label(), pb.label());
    for (int k = 0; k < ps.size(); k++) {
      assertEquals(k, ps.get(k).label(), "labels are slot numbers");
    }
    // The nearer box covers more pixels and comes first.
    assertTrue(ps.get(0).area() >= ps.get(1).area(), describe(ps));
    assertEquals(pr, ps.get(0), describe(ps));

    // Mean colour between the side (3/4 bright) and the top colour.
    for (int c = 0; c < 3; c++) {
      assertTrue(pr.meanRgb()[c] >= 0.75 * RED[c] / 255.0 - 1e-3 && pr.meanRgb()[c] <= RED[c] / 255.0 + 1e-3,
          Tensorizer.describe(pr));
      assertTrue(pb.meanRgb()[c] >= 0.75 * BLUE[c] / 255.0 - 1e-3 && pb.meanRgb()[c] <= BLUE[c] / 255.0 + 1e-3,
          Tensorizer.describe(pb));
    }
    // Geometry in the base frame (the robot stands at the origin).
    assertEquals(1.2, pr.centroid()[0], 0.05);
    assertEquals(0.25, pr.centroid()[1], 0.05);
    assertEquals(1.4, pb.centroid()[0], 0.05);
    assertEquals(-0.3, pb.centroid()[1], 0.05);
    for (Proposal p : ps) {
      assertEquals(0.08, p.baseMax()[2], 0.01, Tensorizer.describe(p));
      assertTrue(p.baseMin()[2] >= Proposals.FLOOR, Tensorizer.describe(p));
      assertEquals(0.08, p.baseMax()[0] - p.baseMin()[0], 0.02, Tensorizer.describe(p));
      assertEquals(0.08, p.baseMax()[1] - p.baseMin()[1], 0.02, Tensorizer.describe(p));
      assertEquals(Math.hypot(p.centroid()[0], p.centroid()[1]), p.range(), 1e-9);
      assertFalse(p.clipped(obs.width(), obs.height()));
    }
    // Red is left (+y) of blue: further left in the image.
    assertTrue(pr.maxU() < pb.minU(), describe(ps));
  }

  @Test
  void labelsAgreeWithEachProposalsAreaAndTightBox() {
    Observation obs = TWO_BOXES;
    Proposals.Result r = Proposals.find(obs);
    int w = obs.width();
    for (Proposal p : r.proposals()) {
      int count = 0;
      int minU = Integer.MAX_VALUE;
      int maxU = -1;
      int minV = Integer.MAX_VALUE;
      int maxV = -1;
      for (int i = 0; i < r.labels().length; i++) {
        if (r.labels()[i] == p.label()) {
          count++;
          minU = Math.min(minU, i % w);
          maxU = Math.max(maxU, i % w);
          minV = Math.min(minV, i / w);
          maxV = Math.max(maxV, i / w);
        }
      }
      assertEquals(p.area(), count);
      assertEquals(List.of(p.minU(), p.minV(), p.maxU(), p.maxV()), List.of(minU, minV, maxU, maxV));
      assertEquals(p.maxU() - p.minU() + 1, p.width());
      assertEquals(p.maxV() - p.minV() + 1, p.height());
      assertTrue(p.area() <= p.width() * p.height());
      assertTrue(p.area() >= Proposals.MIN_AREA);
    }
  }

  @Test
  void keepsAtMostMaxProposalsDroppingTheSmallest() {
    SyntheticScene four = new SyntheticScene();
    SyntheticScene all = new SyntheticScene();
    double[] ys = {-0.45, -0.15, 0.15, 0.45};
    Box[] small = new Box[4];
    for (int j = 0; j < 4; j++) {
      small[j] = new Box(1.85, ys[j], 0.05, 0.05, j % 2 == 0 ? RED : BLUE);
      four.add(small[j]);
      all.add(small[j]);
    }
    Set<Box> big = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        Box b = new Box(0.8 + 0.25 * i, ys[j], 0.1, 0.1, (i + j) % 2 == 0 ? RED : BLUE);
        big.add(b);
        all.add(b);
      }
    }
    // Alone, the small far boxes are each big enough to be proposals.
    Proposals.Result alone = Proposals.find(four.observe("", List.of()));
    assertEquals(4, alone.proposals().size(), describe(alone.proposals()));
    for (Box b : small) {
      assertTrue(alone.labels()[topCentre(b)] >= 0);
    }
    // With sixteen larger ones in view, only the largest MAX survive.
    Proposals.Result r = Proposals.find(all.observe("", List.of()));
    assertEquals(Proposals.MAX, r.proposals().size(), describe(r.proposals()));
    for (int k = 1; k < r.proposals().size(); k++) {
      assertTrue(r.proposals().get(k - 1).area() >= r.proposals().get(k).area(), describe(r.proposals()));
    }
    for (Box b : small) {
      assertEquals(-1, r.labels()[topCentre(b)], "a dropped proposal's pixels have no label");
    }
    Set<Integer> slots = new HashSet<>();
    for (Box b : big) {
      int label = r.labels()[topCentre(b)];
      assertTrue(label >= 0 && label < Proposals.MAX);
      slots.add(label);
    }
    assertEquals(Proposals.MAX, slots.size(), "each big box has its own slot");
  }

  @Test
  void blobsBelowTheMinimumAreaAreDropped() {
    Observation obs = new SyntheticScene().add(new Box(2.5, 0, 0.01, 0.01, RED)).observe("", List.of());
    assertEquals(List.of(), Proposals.find(obs).proposals());
  }

  @Test
  void pixelsWithoutDepthBelongToNoProposal() {
    Box red = new Box(1.2, 0.0, 0.1, 0.1, RED);
    Observation obs = new SyntheticScene().add(red).observe("", List.of());
    int centre = topCentre(red);
    int w = obs.width();
    float[] depth = obs.depth().clone();
    for (int dv = -2; dv <= 2; dv++) {
      for (int du = -2; du <= 2; du++) {
        depth[centre + dv * w + du] = (du + dv) % 2 == 0 ? Float.NaN : 0f;
      }
    }
    Observation holes = new Observation(0, obs.rgb(), depth, obs.intrinsics(), obs.odomFromOptical(), obs.robot(), "",
        1, List.of(), obs.regions());
    Proposals.Result before = Proposals.find(obs);
    Proposals.Result after = Proposals.find(holes);
    assertTrue(before.labels()[centre] >= 0);
    assertEquals(1, after.proposals().size());
    assertEquals(-1, after.labels()[centre]);
    assertEquals(before.proposals().get(0).area() - 25, after.proposals().get(0).area());
  }

  @Test
  void neighboursAreAlikeWhenDepthIsContinuousAndChromaticityMatches() {
    float[] depth = {1.0f, 1.01f, 1.2f, 1.0f, 1.0f, 1.0f};
    byte[] rgb = {
      (byte) 200, 30, 30, // 0: red top
      (byte) 150, 22, 22, // 1: red side, 3/4 as bright
      (byte) 200, 30, 30, // 2: red, but 20 cm behind
      30, 40, (byte) 200, // 3: blue
      10, 5, 0, // 4: near black
      0, 20, 10}; // 5: near black of another hue
    assertTrue(Proposals.alike(rgb, depth, 0, 1), "a brightness step on one colour");
    assertFalse(Proposals.alike(rgb, depth, 0, 2), "a depth jump");
    assertFalse(Proposals.alike(rgb, depth, 0, 3), "another colour");
    assertTrue(Proposals.alike(rgb, depth, 4, 5), "black joins black whatever its hue");
    assertFalse(Proposals.alike(rgb, depth, 0, 4), "dark against bright");
  }

  @Test
  void aProposalTouchingTheBorderIsClipped() {
    double[] z = {0, 0, 0};
    Proposal inside = new Proposal(0, 100, 1, 1, 10, 10, z, z, z, z, 0);
    assertFalse(inside.clipped(12, 12));
    assertTrue(new Proposal(0, 100, 0, 1, 10, 10, z, z, z, z, 0).clipped(12, 12));
    assertTrue(new Proposal(0, 100, 1, 0, 10, 10, z, z, z, z, 0).clipped(12, 12));
    assertTrue(new Proposal(0, 100, 1, 1, 11, 10, z, z, z, z, 0).clipped(12, 12));
    assertTrue(new Proposal(0, 100, 1, 1, 10, 11, z, z, z, z, 0).clipped(12, 12));
    assertEquals(10, inside.width());
    assertEquals(10, inside.height());
  }
}
