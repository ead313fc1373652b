package dev.vla.ros.msg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * sensor_msgs/Image. {@code data} is owned by the message once published: neither side writes into it.
 * Encodings used here: {@code rgb8} and {@code 32FC1} (little-endian floats, metres).
 */
public record Image(Header header, int height, int width, String encoding, boolean bigEndian, int step, byte[] data) {
  public static final String RGB8 = "rgb8";
  public static final String DEPTH_32FC1 = "32FC1";

  public static Image rgb8(Header header, int width, int height, byte[] rgb) {
    return new Image(header, height, width, RGB8, false, width * 3, rgb);
  }

  public static Image depth32(Header header, int width, int height, float[] metres) {
    ByteBuffer buf = ByteBuffer.allocate(metres.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(metres);
    return new Image(header, height, width, DEPTH_32FC1, false, width * 4, buf.array());
  }

  /** Decodes a 32FC1 image into metres; checks the encoding, step and size and says what is wrong. */
  public float[] depthMetres() {
    if (!DEPTH_32FC1.equals(encoding)) {
      throw new IllegalArgumentException("depth image must be 32FC1, got '" + encoding + "'");
    }
    checkLayout(4);
    float[] out = new float[width * height];
    ByteBuffer buf = ByteBuffer.wrap(data).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    // Bulk row copies: the safety node reads every depth frame (30 Hz VGA), and element-wise getFloat
    // made this the executor process's largest CPU cost.
    for (int row = 0; row < height; row++) {
      buf.position(row * step);
      buf.asFloatBuffer().get(out, row * width, width);
    }
    return out;
  }

  /** The rgb8 pixels packed without row padding or trailing bytes; checks the encoding, step and size. */
  public byte[] rgbPacked() {
    if (!RGB8.equals(encoding)) {
      throw new IllegalArgumentException("colour image must be rgb8, got '" + encoding + "'");
    }
    checkLayout(3);
    if (step == width * 3) {
      // Bytes after the last row are not pixels (an observation holds exactly width*height*3).
      return data.length == width * height * 3 ? data : Arrays.copyOf(data, width * height * 3);
    }
    byte[] out = new byte[width * height * 3];
    for (int row = 0; row < height; row++) {
      System.arraycopy(data, row * step, out, row * width * 3, width * 3);
    }
    return out;
  }

  private void checkLayout(int bytesPerPixel) {
    if (width <= 0 || height <= 0 || width > 8192 || height > 8192) {
      throw new IllegalArgumentException("image size " + width + "x" + height + " is outside 1..8192");
    }
    if (step < width * bytesPerPixel) {
      throw new IllegalArgumentException("step " + step + " is less than width*" + bytesPerPixel + " = " + width * bytesPerPixel);
    }
    long needed = (long) step * (height - 1) + (long) width * bytesPerPixel;
    if (data == null || data.length < needed) {
      throw new IllegalArgumentException("image data has " + (data == null ? 0 : data.length) + " bytes; "
          + width + "x" + height + " " + encoding + " with step " + step + " needs " + needed);
    }
  }
}
