package dev.vla.ros.dds;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes plain CDR (XCDR1, little-endian), the encoding ROS 2 peers use on the wire: primitives
 * aligned to their size relative to the start of the body, strings as length-with-NUL + bytes + NUL,
 * sequences as a uint32 count + elements. Written by hand instead of using IHMC's generated {@code CDR}
 * so that byte sequences (images, audio) go in one bulk copy and every bound is ours.
 */
public final class CdrWriter {
  /** Bytes of the encapsulation header (scheme CDR_LE, options 0) before the body. */
  public static final int HEADER = 4;

  private final ByteBuffer buf;
  private final int origin;

  /** Writes into {@code buf} from its current position: header, then body. */
  public CdrWriter(ByteBuffer buf) {
    this.buf = buf.order(ByteOrder.LITTLE_ENDIAN);
    origin = buf.position() + HEADER;
    buf.put((byte) 0).put((byte) 1).putShort((short) 0);
  }

  private void align(int n) {
    int offset = (buf.position() - origin) % n;
    if (offset != 0) {
      for (int i = offset; i < n; i++) {
        buf.put((byte) 0);
      }
    }
  }

  public CdrWriter bool(boolean v) {
    buf.put((byte) (v ? 1 : 0));
    return this;
  }

  public CdrWriter uint8(int v) {
    buf.put((byte) v);
    return this;
  }

  public CdrWriter int32(int v) {
    align(4);
    buf.putInt(v);
    return this;
  }

  public CdrWriter uint32(long v) {
    if (v < 0 || v > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("uint32 out of range: " + v);
    }
    return int32((int) v);
  }

  public CdrWriter int64(long v) {
    align(8);
    buf.putLong(v);
    return this;
  }

  public CdrWriter float32(float v) {
    align(4);
    buf.putFloat(v);
    return this;
  }

  public CdrWriter float64(double v) {
    align(8);
    buf.putDouble(v);
    return this;
  }

  public CdrWriter string(String s) {
    byte[] bytes = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    int32(bytes.length + 1);
    buf.put(bytes).put((byte) 0);
    return this;
  }

  /** {@code uint8[]}: count, then the bytes in one copy. */
  public CdrWriter bytes(byte[] data) {
    int32(data.length);
    buf.put(data);
    return this;
  }

  /** {@code int16[]}. */
  public CdrWriter int16s(short[] data) {
    int32(data.length);
    if (data.length > 0) {
      buf.asShortBuffer().put(data);
      buf.position(buf.position() + data.length * 2);
    }
    return this;
  }

  /** {@code float64[]} (unbounded: count first). */
  public CdrWriter float64s(double[] data) {
    int32(data.length);
    return float64Array(data, data.length);
  }

  /** {@code float64[N]} (fixed: no count); shorter input is padded with zeros. */
  public CdrWriter float64Array(double[] data, int n) {
    if (n > 0) {
      align(8);
    }
    for (int i = 0; i < n; i++) {
      buf.putDouble(i < data.length ? data[i] : 0.0);
    }
    return this;
  }

  public CdrWriter strings(List<String> values) {
    int32(values.size());
    for (String s : values) {
      string(s);
    }
    return this;
  }

  /** Bytes written so far, header included. */
  public int length() {
    return buf.position() - origin + HEADER;
  }
}
