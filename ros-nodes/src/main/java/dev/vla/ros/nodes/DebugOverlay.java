package dev.vla.ros.nodes;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import dev.vla.affordances.Pixel;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Draws what the controller is doing onto a camera frame with OpenCV: the target the policy pointed
 * at, the call, and status lines. Returns a new rgb8 buffer; stateless and thread-safe.
 */
public final class DebugOverlay {
  private DebugOverlay() {}

  /**
   * @param rgb rgb8 pixels, not modified
   * @param target the pixel to mark, if any
   * @param lines text lines drawn top-left, first line largest
   */
  public static byte[] draw(byte[] rgb, int width, int height, Optional<Pixel> target, List<String> lines) {
    byte[] out = new byte[rgb.length];
    try (PointerScope scope = new PointerScope()) {
      Mat m = new Mat(height, width, CV_8UC3);
      m.data().put(rgb);
      target.ifPresent(p -> {
        Point c = new Point(p.u(), p.v());
        Scalar yellow = new Scalar(255, 230, 0, 0);
        circle(m, c, 14, new Scalar(0, 0, 0, 0), 4, LINE_AA, 0);
        circle(m, c, 14, yellow, 2, LINE_AA, 0);
        line(m, new Point(p.u() - 22, p.v()), new Point(p.u() - 8, p.v()), yellow, 2, LINE_AA, 0);
        line(m, new Point(p.u() + 8, p.v()), new Point(p.u() + 22, p.v()), yellow, 2, LINE_AA, 0);
        line(m, new Point(p.u(), p.v() - 22), new Point(p.u(), p.v() - 8), yellow, 2, LINE_AA, 0);
        line(m, new Point(p.u(), p.v() + 8), new Point(p.u(), p.v() + 22), yellow, 2, LINE_AA, 0);
      });
      int y = 8;
      for (int i = 0; i < lines.size(); i++) {
        double scale = i == 0 ? 0.6 : 0.45;
        int h = i == 0 ? 24 : 19;
        String text = lines.get(i).length() > 70 ? lines.get(i).substring(0, 69) + "…" : lines.get(i);
        rectangle(m, new Point(4, y), new Point(Math.min(width - 4, 12 + (int) (text.length() * 19 * scale)), y + h),
            new Scalar(0, 0, 0, 0), -1, LINE_AA, 0);
        putText(m, ascii(text), new Point(8, y + h - 7), FONT_HERSHEY_SIMPLEX, scale, new Scalar(255, 255, 255, 0), 1,
            LINE_AA, false);
        y += h + 2;
      }
      m.data().get(out);
    }
    return out;
  }

  /** OpenCV's Hershey fonts draw ASCII only. */
  private static String ascii(String s) {
    return s.replace('—', '-').replace('…', '.').replace('°', 'd').replaceAll("[^\\x20-\\x7E]", "?");
  }
}
