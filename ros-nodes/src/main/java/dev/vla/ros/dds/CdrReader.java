package dev.vla.ros.dds;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads plain CDR written by any ROS 2 peer (either byte order, from the encapsulation header).
 * Every length read from the wire is checked against the bytes that are actually there, so a
 * malformed or hostile message fails with a {@link CdrException} naming the field, never with an
 * unbounded allocation.
 */
public final class CdrReader {
  private final ByteBuffer buf;
  private final int origin;

  /** Reads from {@code buf}'s position to its limit: header, then body. */
  public CdrReader(ByteBuffer buf) {
    if (buf.remaining() < CdrWriter.HEADER) {
      throw new CdrException("message of " + buf.remaining() + " bytes has no CDR header");
    }
    this.buf = buf;
    int scheme = ((buf.get() & 0xFF) << 8) | (buf.get() & 0xFF);
    buf.getShort();
    switch (scheme) {
      case 0 -> buf.order(ByteOrder.BIG_ENDIAN);
      case 1 -> buf.order(ByteOrder.LITTLE_ENDIAN);
      default -> throw new CdrException("unsupported encapsulation 0x" + Integer.toHexString(scheme)
          + " (only plain CDR, big or little endian)");
    }
    origin = buf.position();
  }

  private void align(int n) {
    int offset = (buf.position() - origin) % n;
    if (offset != 0) {
      need(n - offset, "padding");
      buf.position(buf.position() + n - offset);
    }
  }

  private void need(long bytes, String what) {
    if (bytes > buf.remaining()) {
      throw new CdrException(what + " needs " + bytes + " bytes but only " + buf.remaining() + " remain");
    }
  }

  public boolean bool() {
    need(1, "bool");
    return buf.get() != 0;
  }

  public int uint8() {
    need(1, "uint8");
    return buf.get() & 0xFF;
  }

  public int int32() {
    align(4);
    need(4, "int32");
    return buf.getInt();
  }

  public long uint32() {
    return int32() & 0xFFFF_FFFFL;
  }

  public long int64() {
    align(8);
    need(8, "int64");
    return buf.getLong();
  }

  public float float32() {
    align(4);
    need(4, "float32");
    return buf.getFloat();
  }

  public double float64() {
    align(8);
    need(8, "float64");
    return buf.getDouble();
  }

  /** A count of elements of {@code elementSize} bytes each, checked against what remains. */
  private int count(String what, int elementSize) {
    long n = uint32();
    need(n * elementSize, what + " of " + n + " elements");
    return (int) n;
  }

  public String string() {
    int n = count("string", 1);
    if (n == 0) {
      return "";
    }
    byte[] bytes = new byte[n];
    buf.get(bytes);
    if (bytes[n - 1] != 0) {
      throw new CdrException("string of " + n + " bytes is not NUL-terminated");
    }
    return new String(bytes, 0, n - 1, StandardCharsets.UTF_8);
  }

  public byte[] bytes() {
    byte[] out = new byte[count("uint8[]", 1)];
    buf.get(out);
    return out;
  }

  public short[] int16s() {
    short[] out = new short[count("int16[]", 2)];
    if (out.length > 0) {
      align(2);
      need(out.length * 2L, "int16[]");
      buf.asShortBuffer().get(out);
      buf.position(buf.position() + out.length * 2);
    }
    return out;
  }

  public double[] float64s() {
    return float64Array(count("float64[]", 8));
  }

  public double[] float64Array(int n) {
    double[] out = new double[n];
    if (n > 0) {
      align(8);
      need(n * 8L, "float64[" + n + "]");
      for (int i = 0; i < n; i++) {
        out[i] = buf.getDouble();
      }
    }
    return out;
  }

  public List<String> strings() {
    int n = count("string[]", 4);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(string());
    }
    return out;
  }

  /** A sequence count for nested messages, each at least {@code minElementSize} bytes. */
  public int sequence(String what, int minElementSize) {
    return count(what, minElementSize);
  }

  public int remaining() {
    return buf.remaining();
  }
}
