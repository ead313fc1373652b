package dev.vla.model.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.model.baseline.ColorBlobs.Blob;
import dev.vla.model.language.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColorBlobsTest {

  static String colourOf(int hue, int sat, int val, boolean aboveFloor) {
    int c = ColorBlobs.classify(hue, sat, val, aboveFloor);
    return c < 0 ? "none" : Vocabulary.COLORS.get(c);
  }

  @ParameterizedTest(name = "hsv({0},{1},{2}) aboveFloor={3} -> {4}")
  @CsvSource({
      // saturated hues (OpenCV hue is 0..179)
      "0, 220, 200, false, red",
      "7, 220, 200, false, red",
      "168, 220, 200, false, red",
      "179, 220, 200, false, red",
      "8, 220, 200, false, orange",
      "18, 220, 200, false, orange",
      "19, 220, 200, false, yellow",
      "33, 220, 200, false, yellow",
      "34, 220, 200, false, green",
      "85, 220, 200, false, green",
      "86, 220, 200, false, none", // cyan is not a vocabulary colour
      "92, 220, 200, false, none",
      "93, 220, 200, false, blue",
      "120, 220, 200, false, blue",
      "130, 220, 200, false, blue",
      "131, 220, 200, false, purple",
      "167, 220, 200, false, purple",
      "120, 90, 45, false, blue", // the weakest colour still counted
      // washed out or dim colour is nothing
      "0, 89, 200, false, none",
      "120, 60, 200, true, none",
      "120, 220, 44, false, none",
      // black: anything very dark, whatever the hue or saturation
      "0, 0, 34, false, black",
      "120, 255, 10, true, black",
      "0, 0, 0, false, black",
      // white: bright and unsaturated; dimmer grey only when it stands above the floor
      "0, 0, 255, false, white",
      "0, 34, 151, false, white",
      "0, 10, 150, false, none",
      "0, 10, 130, false, none", // the grey floor
      "0, 10, 130, true, white", // a white object's shaded side
      "0, 10, 111, true, white",
      "0, 10, 110, true, none",
      "0, 10, 60, true, none"})
  void classifiesHsvIntoVocabularyColours(int hue, int sat, int val, boolean aboveFloor, String expected) {
    assertEquals(expected, colourOf(hue, sat, val, aboveFloor));
  }

  @Test
  void classifiesEveryHsvTripleWithoutFailing() {
    for (int h = 0; h < 180; h++) {
      for (int s = 0; s < 256; s += 5) {
        for (int v = 0; v < 256; v += 5) {
          int c = ColorBlobs.classify(h, s, v, (h + s + v) % 2 == 0);
          assertTrue(c >= -1 && c < Vocabulary.COLORS.size());
        }
      }
    }
  }

  @Test
  void threeSharpBrightnessPeaksAreFaceted() {
    int[] hist = new int[256];
    hist[60] = 300;
    hist[61] = 40;
    hist[130] = 250;
    hist[128] = 30;
    hist[210] = 200;
    hist[214] = 20;
    // a few stray pixels elsewhere
    hist[10] = 3;
    hist[100] = 4;
    hist[250] = 3;
    int total = Arrays.stream(hist).sum();
    double f = ColorBlobs.faceted(hist, total);
    assertTrue(f >= 0.9, "faceted " + f);
    assertTrue(f <= 1.0);
  }

  @Test
  void exactlyThreeFlatFacesAreFullyFaceted() {
    int[] hist = new int[256];
    hist[50] = 100;
    hist[120] = 100;
    hist[200] = 100;
    assertEquals(1.0, ColorBlobs.faceted(hist, 300), 0);
  }

  @Test
  void aSmoothShadingRampIsNotFaceted() {
    int[] hist = new int[256];
    for (int v = 40; v < 240; v++) {
      hist[v] = 5;
    }
    double f = ColorBlobs.faceted(hist, 1000);
    // three windows of 11 levels out of 200 levels
    assertEquals(33 / 200.0, f, 1e-9);
    assertTrue(f < 0.3);
  }

  @Test
  void anEmptyHistogramIsNotFaceted() {
    assertEquals(0, ColorBlobs.faceted(new int[256], 0), 0);
  }

  static Blob blob(String colour, double x0, double y0, double x1, double y1, double z0, double z1, int area) {
    return new Blob(colour, area, 0, 0, 10, 10, 0.8, new double[] {x0, y0, z0}, new double[] {x1, y1, z1}, z1, 0.9,
        new int[] {area}, new double[][] {{(x0 + x1) / 2, (y0 + y1) / 2, z1}});
  }

  @Test
  void mergesTouchingBlobsOfOneObject() {
    // One cube split in two by the arm in front of it: boxes 1 cm apart.
    Blob left = blob("red", 1.00, 0.00, 1.05, 0.03, 0, 0.05, 60);
    Blob right = blob("red", 1.00, 0.04, 1.05, 0.06, 0, 0.05, 40);
    List<Blob> out = ColorBlobs.mergeNearby(List.of(left, right));
    assertEquals(1, out.size());
    Blob m = out.get(0);
    assertEquals("red", m.color());
    assertEquals(100, m.area());
    assertEquals(0.00, m.min()[1], 1e-12);
    assertEquals(0.06, m.max()[1], 1e-12);
    assertEquals(2, m.pixels().length);
    assertEquals(2, m.points().length);
  }

  @Test
  void keepsDistantBlobsApart() {
    Blob a = blob("red", 1.00, 0.00, 1.05, 0.05, 0, 0.05, 60);
    Blob b = blob("red", 1.00, 0.20, 1.05, 0.25, 0, 0.05, 60); // 15 cm away sideways
    Blob c = blob("red", 1.00, 0.00, 1.05, 0.05, 0.30, 0.35, 60); // stacked 25 cm higher
    assertEquals(3, ColorBlobs.mergeNearby(List.of(a, b, c)).size());
  }

  @Test
  void mergesChainsAndLeavesTheRest() {
    Blob a = blob("blue", 1.00, 0.00, 1.05, 0.05, 0, 0.05, 50);
    Blob far = blob("blue", 2.00, 1.00, 2.05, 1.05, 0, 0.05, 50);
    Blob b = blob("blue", 1.00, 0.08, 1.05, 0.12, 0, 0.05, 50); // 3 cm from a
    Blob c = blob("blue", 1.00, 0.15, 1.05, 0.20, 0, 0.05, 50); // 3 cm from b, 10 cm from a
    List<Blob> out = new ArrayList<>(ColorBlobs.mergeNearby(List.of(a, far, b, c)));
    out.sort(Comparator.comparingDouble(x -> x.min()[0]));
    assertEquals(2, out.size());
    assertEquals(150, out.get(0).area());
    assertEquals(0.20, out.get(0).max()[1], 1e-12);
    assertEquals(50, out.get(1).area());
  }

  @Test
  void findsColouredBoxesOnTheFloorWithTheirPlaceAndSize() {
    SyntheticScene scene = new SyntheticScene()
        .add(new SyntheticScene.Box(1.2, 0.25, 0.06, 0.06, new int[] {200, 30, 30}))
        .add(new SyntheticScene.Box(1.4, -0.3, 0.06, 0.06, new int[] {30, 40, 200}));
    List<Blob> blobs = ColorBlobs.find(scene.observe("", List.of()));
    assertEquals(List.of("red", "blue"), blobs.stream().map(Blob::color).toList(), describe(blobs));
    Blob red = blobs.get(0);
    Blob blue = blobs.get(1);
    assertEquals(1.2, red.centre()[0], 0.03);
    assertEquals(0.25, red.centre()[1], 0.03);
    assertEquals(1.4, blue.centre()[0], 0.03);
    assertEquals(-0.3, blue.centre()[1], 0.03);
    for (Blob b : blobs) {
      assertEquals(0.06, b.topZ(), 0.01, describe(blobs));
      assertEquals(0.06, b.width(), 0.015, describe(blobs));
      assertTrue(b.faceted() > 0.9, "flat faces: " + ColorBlobs.describe(b));
      assertEquals("boxy", KeywordPolicy.shapeClass(b), ColorBlobs.describe(b));
    }
    // The red box is left of the blue one in odom (+y), so further left in the image too.
    assertTrue(red.centreU() < blue.centreU());
  }

  @Test
  void aGreyFloorAloneHasNoBlobs() {
    assertEquals(List.of(), ColorBlobs.find(new SyntheticScene().observe("", List.of())));
  }

  @Test
  void blobsSmallerThanTheMinimumAreaAreDropped() {
    // A 1 cm red chip 2.5 m away covers only a handful of pixels.
    SyntheticScene scene = new SyntheticScene().add(new SyntheticScene.Box(2.5, 0, 0.01, 0.01, new int[] {200, 30, 30}));
    assertEquals(List.of(), ColorBlobs.find(scene.observe("", List.of())));
  }

  static String describe(List<Blob> blobs) {
    return blobs.stream().map(ColorBlobs::describe).toList().toString();
  }
}
