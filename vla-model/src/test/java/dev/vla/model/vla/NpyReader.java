package dev.vla.model.vla;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads little-endian float32 / int64 NumPy arrays (what the training code writes for golden tests). */
final class NpyReader {
  record Array(long[] shape, float[] floats, long[] longs) {}

  private static final Pattern SHAPE = Pattern.compile("'shape': \\(([0-9, ]*)\\)");
  private static final Pattern DESCR = Pattern.compile("'descr': '([^']+)'");

  private NpyReader() {}

  static Array read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    if (all.length < 10 || all[0] != (byte) 0x93 || all[1] != 'N') {
      throw new IOException("not a .npy file");
    }
    int major = all[6];
    int headerLen;
    int start;
    if (major == 1) {
      headerLen = (all[8] & 0xff) | (all[9] & 0xff) << 8;
      start = 10;
    } else {
      headerLen = ByteBuffer.wrap(all, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      start = 12;
    }
    String header = new String(all, start, headerLen, StandardCharsets.US_ASCII);
    Matcher s = SHAPE.matcher(header);
    Matcher d = DESCR.matcher(header);
    if (!s.find() || !d.find()) {
      throw new IOException("unreadable header: " + header);
    }
    long[] shape = Arrays.stream(s.group(1).split(",")).map(String::trim).filter(x -> !x.isEmpty())
        .mapToLong(Long::parseLong).toArray();
    ByteBuffer data = ByteBuffer.wrap(all, start + headerLen, all.length - start - headerLen).order(ByteOrder.LITTLE_ENDIAN);
    int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    switch (d.group(1)) {
      case "<f4" -> {
        float[] f = new float[n];
        data.asFloatBuffer().get(f);
        return new Array(shape, f, null);
      }
      case "<i8" -> {
        long[] l = new long[n];
        data.asLongBuffer().get(l);
        return new Array(shape, null, l);
      }
      default -> throw new IOException("unsupported dtype " + d.group(1));
    }
  }
}
