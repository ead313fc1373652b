package dev.vla.ros.msg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class ImageTest {
  final Header h = new Header(1, "camera");

  @Test
  void depthRoundTripsThroughThe32FC1Encoding() {
    float[] d = {0.5f, Float.NaN, 2.25f, 10f, 0f, 3f};
    Image img = Image.depth32(h, 3, 2, d);
    assertEquals(12, img.step());
    assertArrayEquals(d, img.depthMetres());
  }

  @Test
  void bigEndianDepthAndRowPaddingAreDecoded() {
    int w = 2;
    int step = 12; // 4 bytes of padding per row
    ByteBuffer b = ByteBuffer.allocate(step * 2).order(ByteOrder.BIG_ENDIAN);
    b.putFloat(0, 1f).putFloat(4, 2f).putFloat(12, 3f).putFloat(16, 4f);
    Image img = new Image(h, 2, w, Image.DEPTH_32FC1, true, step, b.array());
    assertArrayEquals(new float[] {1, 2, 3, 4}, img.depthMetres());
  }

  @Test
  void paddedRgbRowsArePacked() {
    byte[] data = {1, 2, 3, 4, 5, 6, 0, 0, 7, 8, 9, 10, 11, 12, 0, 0};
    Image img = new Image(h, 2, 2, Image.RGB8, false, 8, data);
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, img.rgbPacked());
  }

  @Test
  void malformedImagesAreRejectedWithTheReason() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new Image(h, 2, 2, "bgr8", false, 6, new byte[12]).rgbPacked()).getMessage().contains("rgb8"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new Image(h, 2, 2, Image.RGB8, false, 5, new byte[12]).rgbPacked()).getMessage().contains("step 5"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new Image(h, 2, 2, Image.RGB8, false, 6, new byte[11]).rgbPacked()).getMessage().contains("needs 12"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new Image(h, 0, 2, Image.RGB8, false, 6, new byte[0]).rgbPacked()).getMessage().contains("outside"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new Image(h, 2, 2, Image.RGB8, false, 6, null).rgbPacked()).getMessage().contains("has 0 bytes"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new Image(h, 2, 2, "16UC1", false, 4, new byte[8]).depthMetres()).getMessage().contains("32FC1"));
  }

  @Test
  void quaternionsRoundTripYawAndMatrices() {
    for (double yaw = -3.1; yaw < 3.1; yaw += 0.37) {
      Quaternion q = Quaternion.ofYaw(yaw);
      assertEquals(yaw, q.yaw(), 1e-12);
      Quaternion back = Quaternion.ofMatrix(q.toMatrix(1, 2, 3));
      assertEquals(q.yaw(), back.yaw(), 1e-12);
    }
  }
}
