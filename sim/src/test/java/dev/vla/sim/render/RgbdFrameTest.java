package dev.vla.sim.render;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RgbdFrameTest {
  private static RgbdFrame patternFrame() {
    RgbdFrame frame = new RgbdFrame(40, 30);
    for (int p = 0; p < 40 * 30; p++) {
      frame.rgb()[3 * p] = (byte) p;
      frame.rgb()[3 * p + 1] = (byte) (p * 7);
      frame.rgb()[3 * p + 2] = (byte) 200;
      frame.depth()[p] = p % 11 == 0 ? Float.NaN : p * 0.01f;
      frame.ids()[p] = p % 5 - 1;
    }
    return frame;
  }

  @Test
  void matsAreCopiesInRgbOrder() {
    RgbdFrame frame = patternFrame();
    try (Mat rgb = frame.rgbMat(); Mat depth = frame.depthMat();
        UByteIndexer rgbPixels = rgb.createIndexer(); FloatIndexer depthPixels = depth.createIndexer()) {
      assertEquals(CV_8UC3, rgb.type());
      assertEquals(CV_32FC1, depth.type());
      assertEquals(30, rgb.rows());
      assertEquals(40, rgb.cols());
      int row = 7;
      int column = 13;
      int p = row * 40 + column;
      assertEquals(p & 0xff, rgbPixels.get(row, column, 0));
      assertEquals((p * 7) & 0xff, rgbPixels.get(row, column, 1));
      assertEquals(200, rgbPixels.get(row, column, 2));
      assertEquals(frame.depthAt(column, row), depthPixels.get(row, column));
      assertEquals(Float.NaN, depthPixels.get(0, 0));

      RgbdFrame copy = new RgbdFrame(40, 30);
      copy.copyRgbFrom(rgb);
      copy.copyDepthFrom(depth);
      assertArrayEquals(frame.rgb(), copy.rgb());
      assertArrayEquals(frame.depth(), copy.depth());
    }
  }

  @Test
  void copyFromRejectsWrongSizeOrType() {
    RgbdFrame frame = new RgbdFrame(40, 30);
    try (Mat small = new Mat(10, 10, CV_8UC3); Mat depth = new Mat(30, 40, CV_32FC1)) {
      assertThrows(IllegalArgumentException.class, () -> frame.copyRgbFrom(small));
      assertThrows(IllegalArgumentException.class, () -> frame.copyRgbFrom(depth));
    }
  }

  @Test
  void copyToCopiesEverything() {
    RgbdFrame frame = patternFrame();
    RgbdFrame copy = new RgbdFrame(40, 30);
    frame.copyTo(copy);
    assertArrayEquals(frame.rgb(), copy.rgb());
    assertArrayEquals(frame.depth(), copy.depth());
    assertArrayEquals(frame.ids(), copy.ids());
  }

  @Test
  void pngReadsBackWithTheSameColoursInBgr(@TempDir Path directory) {
    RgbdFrame frame = patternFrame();
    Path file = directory.resolve("frame.png");
    frame.writePng(file);
    try (Mat read = opencv_imgcodecs.imread(file.toString()); UByteIndexer pixels = read.createIndexer()) {
      assertFalse(read.empty());
      assertEquals(30, read.rows());
      assertEquals(40, read.cols());
      assertEquals(3, read.channels());
      int row = 7;
      int column = 13;
      int[] rgb = frame.rgbAt(column, row);
      assertEquals(rgb[2], pixels.get(row, column, 0)); // blue first
      assertEquals(rgb[1], pixels.get(row, column, 1));
      assertEquals(rgb[0], pixels.get(row, column, 2));
    }
  }

  @Test
  void depthPngMarksMissingDepthBlack(@TempDir Path directory) {
    RgbdFrame frame = patternFrame();
    Path file = directory.resolve("depth.png");
    frame.writeDepthPng(file, 5.0);
    try (Mat read = opencv_imgcodecs.imread(file.toString()); UByteIndexer pixels = read.createIndexer()) {
      assertEquals(30, read.rows());
      assertEquals(40, read.cols());
      for (int channel = 0; channel < 3; channel++) {
        assertEquals(0, pixels.get(0, 0, channel)); // pixel 0 has no depth
      }
      int litChannels = pixels.get(0, 1, 0) + pixels.get(0, 1, 1) + pixels.get(0, 1, 2);
      assertFalse(litChannels == 0, "a pixel with depth is coloured");
    }
  }

  @Test
  void writingToAMissingDirectoryFails(@TempDir Path directory) {
    RgbdFrame frame = patternFrame();
    assertThrows(RuntimeException.class, () -> frame.writePng(directory.resolve("no/such/dir/frame.png")));
  }
}
