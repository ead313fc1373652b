package dev.vla.model.perception;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.vla.affordances.RobotState;
import dev.vla.model.HistoryStep;
import dev.vla.model.Observation;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Turns an observation into the model's input tensors: a small colour + depth image (OpenCV resize),
 * masked crops and features of the object proposals, the instruction and history as word pieces, and
 * the robot state. The same code writes training data and feeds inference. Thread-safe.
 */
public final class Tensorizer {
  public static final int IMAGE_H = 64;
  public static final int IMAGE_W = 96;
  public static final int CROP = 24;
  public static final int OBJECT_FEATURES = 16;
  public static final int TEXT = 48;
  public static final int STATE = 8;
  /** Depth is divided by this to bring metres near 0..1. */
  static final float DEPTH_SCALE = 4f;
  /** Farther depth is clipped (65.5 m fits in 16 bits; rooms are 10 m). */
  static final float MAX_DEPTH_METRES = 12f;

  private final WordPiece vocab;

  public Tensorizer(WordPiece vocab) {
    this.vocab = vocab;
  }

  public WordPiece vocab() {
    return vocab;
  }

  public ModelInput tensors(Observation obs) {
    Proposals.Result found = Proposals.find(obs);
    return tensors(obs, found);
  }

  public ModelInput tensors(Observation obs, Proposals.Result found) {
    int w = obs.width();
    int h = obs.height();
    int plane = IMAGE_W * IMAGE_H;
    byte[] image = new byte[3 * plane];
    short[] depthMm = new short[plane];
    byte[] crops = new byte[Proposals.MAX * 3 * CROP * CROP];
    float[] objects = new float[Proposals.MAX * OBJECT_FEATURES];
    float[] mask = new float[Proposals.MAX];
    List<Proposal> props = found.proposals();
    try (PointerScope scope = new PointerScope()) {
      Mat rgb = new Mat(h, w, CV_8UC3);
      rgb.data().put(obs.rgb());
      Mat small = new Mat();
      resize(rgb, small, new Size(IMAGE_W, IMAGE_H), 0, 0, INTER_AREA);
      byte[] px = new byte[IMAGE_W * IMAGE_H * 3];
      small.data().get(px);
      Mat depth = new Mat(h, w, CV_32FC1);
      FloatBuffer db = depth.createBuffer();
      float[] dclean = obs.depth().clone();
      for (int i = 0; i < dclean.length; i++) {
        if (!Float.isFinite(dclean[i])) {
          dclean[i] = 0; // no return reads as 0, like a missing stereo match
        }
      }
      db.put(dclean);
      Mat dsmall = new Mat();
      resize(depth, dsmall, new Size(IMAGE_W, IMAGE_H), 0, 0, INTER_NEAREST);
      float[] dpx = new float[IMAGE_W * IMAGE_H];
      ((FloatBuffer) dsmall.createBuffer()).get(dpx);
      for (int i = 0; i < plane; i++) {
        for (int c = 0; c < 3; c++) {
          image[c * plane + i] = px[3 * i + c];
        }
        depthMm[i] = (short) Math.round(Math.min(Math.max(dpx[i], 0f), MAX_DEPTH_METRES) * 1000f);
      }
      for (int k = 0; k < props.size(); k++) {
        Proposal p = props.get(k);
        mask[k] = 1;
        crop(rgb, found.labels(), w, p, crops, k);
        features(p, w, h, objects, k * OBJECT_FEATURES);
      }
    }
    long[] text = new long[TEXT];
    int[] tokenWord = new int[TEXT];
    java.util.Arrays.fill(tokenWord, -1);
    WordPiece.Encoding instruction = vocab.encode(obs.instruction());
    int n = 0;
    for (int i = 0; i < instruction.ids().size() && n < TEXT - 1; i++) {
      text[n] = instruction.ids().get(i);
      tokenWord[n] = instruction.wordIndex().get(i);
      n++;
    }
    text[n++] = vocab.id(WordPiece.SEP);
    List<HistoryStep> history = obs.history();
    List<Integer> hist = new ArrayList<>();
    for (int i = Math.max(0, history.size() - 6); i < history.size(); i++) {
      hist.add(vocab.id(WordPiece.HISTORY));
      vocab.encode(historyWords(history.get(i))).ids().forEach(hist::add);
    }
    // Most recent history last, cut from the front when too long.
    int start = Math.max(0, hist.size() - (TEXT - n));
    for (int i = start; i < hist.size(); i++) {
      text[n++] = hist.get(i);
    }
    return new ModelInput(image, depthMm, crops, objects, mask, text, state(obs), List.copyOf(props), instruction.words(),
        tokenWord);
  }

  /** "pick ok", "find here far ok", "place failed": what the model needs of each past call. */
  public static String historyWords(HistoryStep h) {
    StringBuilder sb = new StringBuilder(h.call().skill().replace('_', ' '));
    h.call().arg("direction").ifPresent(d -> sb.append(' ').append(d));
    h.call().arg("range").ifPresent(r -> sb.append(' ').append(r));
    sb.append(switch (h.outcome()) {
      case SUCCEEDED -> " ok";
      case REJECTED -> " rejected";
      case CANCELLED -> " cancelled";
      default -> " failed";
    });
    return sb.toString();
  }

  static float[] state(Observation obs) {
    RobotState r = obs.robot();
    List<HistoryStep> history = obs.history();
    int finds = 0;
    for (int i = history.size() - 1; i >= 0 && history.get(i).call().skill().equals("find"); i--) {
      finds++;
    }
    boolean lastFailed = !history.isEmpty()
        && history.get(history.size() - 1).outcome() != dev.vla.affordances.SkillStatus.State.SUCCEEDED;
    return new float[] {
      r.holding() ? 1 : 0,
      (float) (r.gripperWidth() / 0.15),
      (float) r.headPan(),
      (float) r.headTilt(),
      history.size() / 10f,
      lastFailed ? 1 : 0,
      finds / 10f,
      (float) Math.hypot(r.linearVelocity(), r.angularVelocity())
    };
  }

  static float normalise(int v) {
    return (v / 255f - 0.5f) / 0.25f;
  }

  /** The proposal's box resized to CROPxCROP, pixels of other proposals and the background set to grey. */
  private static void crop(Mat rgb, int[] labels, int w, Proposal p, byte[] out, int slot) {
    Mat roi = new Mat(rgb, new Rect(p.minU(), p.minV(), p.width(), p.height())).clone();
    byte[] data = new byte[p.width() * p.height() * 3];
    roi.data().get(data);
    for (int v = 0; v < p.height(); v++) {
      for (int u = 0; u < p.width(); u++) {
        if (labels[(p.minV() + v) * w + p.minU() + u] != p.label()) {
          int i = 3 * (v * p.width() + u);
          data[i] = data[i + 1] = data[i + 2] = (byte) 128;
        }
      }
    }
    roi.data().put(data);
    Mat small = new Mat();
    resize(roi, small, new Size(CROP, CROP), 0, 0, INTER_AREA);
    byte[] px = new byte[CROP * CROP * 3];
    small.data().get(px);
    int plane = CROP * CROP;
    int base = slot * 3 * plane;
    for (int i = 0; i < plane; i++) {
      for (int c = 0; c < 3; c++) {
        out[base + c * plane + i] = px[3 * i + c];
      }
    }
  }

  private static void features(Proposal p, int w, int h, float[] out, int at) {
    out[at] = (float) p.minU() / w;
    out[at + 1] = (float) p.minV() / h;
    out[at + 2] = (float) (p.maxU() + 1) / w;
    out[at + 3] = (float) (p.maxV() + 1) / h;
    out[at + 4] = (float) Math.sqrt((double) p.area() / (w * h)) * 4;
    for (int c = 0; c < 3; c++) {
      out[at + 5 + c] = (float) p.meanRgb()[c];
    }
    for (int c = 0; c < 3; c++) {
      out[at + 8 + c] = (float) p.baseMin()[c];
      out[at + 11 + c] = (float) p.baseMax()[c];
    }
    out[at + 14] = (float) p.range();
    out[at + 15] = p.clipped(w, h) ? 1 : 0;
  }

  /** For logs: "slot 3: 412 px box (300,200)-(330,228) rgb 0.80/0.12/0.10 at 1.20 m". */
  public static String describe(Proposal p) {
    return String.format(Locale.ROOT, "slot %d: %d px box (%d,%d)-(%d,%d) rgb %.2f/%.2f/%.2f at %.2f m", p.label(),
        p.area(), p.minU(), p.minV(), p.maxU(), p.maxV(), p.meanRgb()[0], p.meanRgb()[1], p.meanRgb()[2], p.range());
  }
}
