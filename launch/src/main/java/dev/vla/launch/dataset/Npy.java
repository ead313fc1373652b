package dev.vla.launch.dataset;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Writes NumPy {@code .npy} files (format 1.0, little-endian, C order), which Python memory-maps. */
public final class Npy {
  private Npy() {}

  public static void write(Path file, String dtype, int[] shape, byte[] data) throws IOException {
    String shapeText = shape.length == 1 ? "(" + shape[0] + ",)"
        : "(" + Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ")) + ")";
    String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
    int headerLen = 10 + dict.length() + 1;
    int pad = (64 - headerLen % 64) % 64;
    StringBuilder header = new StringBuilder(dict);
    header.append(" ".repeat(pad)).append('\n');
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        DataOutputStream out = new DataOutputStream(os)) {
      out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
      int len = header.length();
      out.write(len & 0xff);
      out.write((len >> 8) & 0xff);
      out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(data);
    }
  }

  public static byte[] floats(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  public static byte[] longs(long[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(v);
    return b.array();
  }

  public static byte[] shorts(short[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.asShortBuffer().put(v);
    return b.array();
  }
}
