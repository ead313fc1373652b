package dev.vla.ros.msg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * sensor_msgs/Image accessors on images whose encoding, size, step and data length disagree: the pixels
 * at exactly width x height, or an IllegalArgumentException that names what is wrong; never an index out of
 * bounds, a negative array size or an arithmetic overflow.
 */
class ImageFuzzTest {
  static final Header H = new Header(1, "camera");
  /** What a refusal names: the encoding expected, the size limits, the step or the bytes needed. */
  static final List<String> REASONS = List.of("must be rgb8", "must be 32FC1", "outside 1..8192", "is less than width",
      "needs");

  @Provide
  Arbitrary<Integer> dimensions() {
    return Arbitraries.oneOf(Arbitraries.integers().between(-2, 12), Arbitraries.of(Integer.MIN_VALUE, -1, 0, 8192, 8193,
        65_536, 1 << 30, Integer.MAX_VALUE));
  }

  @Provide
  Arbitrary<Integer> steps() {
    return Arbitraries.oneOf(Arbitraries.integers().between(-4, 60), Arbitraries.of(Integer.MIN_VALUE, 0, 1 << 20, 1 << 29,
        Integer.MAX_VALUE));
  }

  @Provide
  Arbitrary<String> encodings() {
    return Arbitraries.oneOf(Arbitraries.of(Image.RGB8, Image.DEPTH_32FC1, "bgr8", "mono8", "16UC1", "RGB8", "32fc1", "",
        "rgb8\u0000", "32FC1 "), Arbitraries.strings().all().ofMaxLength(12));
  }

  @Provide
  Arbitrary<byte[]> data() {
    return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(700), Arbitraries.just(null));
  }

  @Property(tries = 1500)
  void accessorsReturnExactPixelsOrSayWhatIsWrong(@ForAll("dimensions") int width, @ForAll("dimensions") int height,
      @ForAll("steps") int step, @ForAll("encodings") String encoding, @ForAll boolean bigEndian,
      @ForAll("data") byte[] data) {
    Image img = new Image(H, height, width, encoding, bigEndian, step, data);
    try {
      byte[] rgb = img.rgbPacked();
      assertEquals((long) width * height * 3, rgb.length, "rgbPacked holds exactly width*height*3 bytes");
    } catch (IllegalArgumentException e) {
      assertNamesTheProblem(e);
    }
    try {
      float[] depth = img.depthMetres();
      assertEquals((long) width * height, depth.length, "depthMetres holds exactly width*height values");
    } catch (IllegalArgumentException e) {
      assertNamesTheProblem(e);
    }
  }

  /** Consistent images with padded rows and trailing bytes decode to exactly their pixels, row by row. */
  @Property(tries = 500)
  void paddingAndTrailingBytesAreNotPixels(@ForAll @IntRange(min = 1, max = 9) int width,
      @ForAll @IntRange(min = 1, max = 9) int height, @ForAll @IntRange(min = 0, max = 7) int padding,
      @ForAll @IntRange(min = 0, max = 40) int trailing, @ForAll boolean depth) {
    int bpp = depth ? 4 : 3;
    int step = width * bpp + padding;
    byte[] data = new byte[step * height + trailing];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31 + 7);
    }
    Image img = new Image(H, height, width, depth ? Image.DEPTH_32FC1 : Image.RGB8, false, step, data);
    if (depth) {
      float[] d = img.depthMetres();
      assertEquals(width * height, d.length);
      ByteBuffer le = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
      for (int row = 0; row < height; row++) {
        for (int col = 0; col < width; col++) {
          assertEquals(Float.floatToRawIntBits(le.getFloat(row * step + col * 4)),
              Float.floatToRawIntBits(d[row * width + col]), "pixel " + col + "," + row);
        }
      }
    } else {
      byte[] rgb = img.rgbPacked();
      assertEquals(width * height * 3, rgb.length);
      for (int row = 0; row < height; row++) {
        assertArrayEquals(Arrays.copyOfRange(data, row * step, row * step + width * 3),
            Arrays.copyOfRange(rgb, row * width * 3, (row + 1) * width * 3), "row " + row);
      }
    }
  }

  /** The case the fuzzing found: an unpadded rgb8 frame with bytes after the last row. */
  @Test
  void anUnpaddedFrameWithTrailingBytesIsCutToItsPixels() {
    byte[] data = new byte[2 * 2 * 3 + 5];
    Arrays.fill(data, (byte) 9);
    byte[] rgb = new Image(H, 2, 2, Image.RGB8, false, 6, data).rgbPacked();
    assertEquals(12, rgb.length);
    byte[] exact = new byte[12];
    assertTrue(new Image(H, 2, 2, Image.RGB8, false, 6, exact).rgbPacked() == exact, "an exact frame is not copied");
  }

  private static void assertNamesTheProblem(IllegalArgumentException e) {
    assertNotNull(e.getMessage());
    assertTrue(REASONS.stream().anyMatch(e.getMessage()::contains), "unspecific refusal: " + e.getMessage());
  }
}
