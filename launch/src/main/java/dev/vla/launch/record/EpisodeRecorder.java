package dev.vla.launch.record;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Pose2D;
import dev.vla.affordances.SkillStatus;
import dev.vla.ros.Topics;
import dev.vla.ros.episode.EpisodeResult;
import dev.vla.ros.msg.Image;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.nodes.DebugOverlay;
import dev.vla.ros.nodes.Node;
import dev.vla.ros.transport.Transport;
import dev.vla.sim.episode.Episode;
import dev.vla.sim.episode.Verdict;
import dev.vla.sim.world.Body;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Records an episode so a person can look at it: camera frames with the target and call drawn on
 * them (one per decision and one every few seconds) as a contact sheet, a top-down plot of the
 * robot's path and the objects, and a timeline of utterances, calls and statuses as JSON and CSV.
 * Ticks with the stack; {@link #write} once after the episode.
 */
public final class EpisodeRecorder extends Node {
  private static final System.Logger LOG = System.getLogger("record");

  /** One entry of the timeline. */
  public record Entry(double t, String kind, String text) {}

  private record Snapshot(double t, byte[] rgb, int width, int height, String caption) {}

  private static final double PERIODIC_SECONDS = 3.0;
  private static final int MAX_TILES = 24;

  private final Episode episode;
  private final Path dir;
  private final List<Entry> timeline = new ArrayList<>();
  private final List<Snapshot> snapshots = new ArrayList<>();
  private final List<double[]> path = new ArrayList<>();
  private final Map<String, double[]> startPositions = new LinkedHashMap<>();
  private Image latest;
  private String currentStatus = "";
  private double nextPeriodic;

  static {
    // ImageIO's default disk cache registers a shutdown hook on first use, which fails when the record
    // is written after Ctrl-C (the JVM is already shutting down). Encode in memory instead.
    javax.imageio.ImageIO.setUseCache(false);
  }

  public EpisodeRecorder(Transport transport, Episode episode, Path dir) {
    super("recorder", transport);
    this.episode = episode;
    this.dir = dir;
    for (Body b : episode.sim().bodies()) {
      if (b.tag().isPresent()) {
        startPositions.put(b.name(), b.centre());
      }
    }
    subscribeLatest(Topics.COLOR, m -> latest = m);
    subscribe(Topics.INSTRUCTION, (StringMsg m) -> add("say", m.data()));
    subscribe(Topics.AFFORDANCE_CALL, this::onCall);
    subscribe(Topics.SKILL_STATUS, this::onStatus);
  }

  @Override
  public Duration period() {
    return hz(10);
  }

  private double t() {
    return episode.sim().time();
  }

  private void add(String kind, String text) {
    timeline.add(new Entry(t(), kind, text));
  }

  private void onCall(AffordanceCall call) {
    add("call", call.toString() + call.targetPoint().map(p -> " -> " + p).orElse(""));
    snapshot("#" + call.callId() + " " + call, call.targetPixel());
  }

  private void onStatus(SkillStatus s) {
    currentStatus = s.toString();
    add("status", s.toString());
  }

  @Override
  protected void onTick(long nowNanos) {
    Pose2D p = episode.sim().worldPose();
    path.add(new double[] {t(), p.x(), p.y(), p.yaw()});
    if (t() >= nextPeriodic && latest != null) {
      nextPeriodic = t() + PERIODIC_SECONDS;
      snapshot(currentStatus.isEmpty() ? "waiting" : currentStatus, Optional.empty());
    }
  }

  /** Keeps the newest camera frame with a caption; {@code target} is drawn only on the frame it was chosen in. */
  private void snapshot(String caption, Optional<dev.vla.affordances.Pixel> target) {
    Image img = latest;
    if (img == null) {
      return;
    }
    byte[] rgb;
    try {
      rgb = img.rgbPacked();
    } catch (IllegalArgumentException e) {
      return;
    }
    String time = String.format(Locale.ROOT, "t=%.1fs", t());
    byte[] drawn = DebugOverlay.draw(rgb, img.width(), img.height(), target, List.of(time + "  " + caption));
    snapshots.add(new Snapshot(t(), drawn, img.width(), img.height(), caption));
  }

  /** Writes the record; returns the files written. */
  public List<Path> write(EpisodeResult result) {
    try {
      Files.createDirectories(dir);
      List<Path> written = new ArrayList<>();
      snapshot("end: " + (result.success() ? "success" : "failed"), Optional.empty());
      // The data first: a robot computer without fonts (or without the font libraries) cannot draw the plot's
      // text, and that must cost the picture, not the record.
      written.add(writeTimelineCsv(dir.resolve("timeline.csv")));
      written.add(writeSummary(dir.resolve("summary.json"), result));
      written.add(writeContactSheet(dir.resolve("contact_sheet.png")));
      try {
        written.add(TrajectoryPlot.write(dir.resolve("trajectory.png"), episode, path, startPositions));
      } catch (RuntimeException | InternalError | LinkageError e) {
        LOG.log(System.Logger.Level.WARNING, "record: trajectory.png not drawn (" + e
            + "); the plot needs fonts: install fontconfig and a font such as fonts-dejavu-core");
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the episode record to " + dir + ": " + e.getMessage(), e);
    }
  }

  private Path writeContactSheet(Path file) {
    List<Snapshot> chosen = new ArrayList<>();
    int n = snapshots.size();
    for (int i = 0; i < Math.min(n, MAX_TILES); i++) {
      chosen.add(snapshots.get(n <= MAX_TILES ? i : (int) Math.round(i * (n - 1) / (double) (MAX_TILES - 1))));
    }
    int cols = 4;
    int tileW = 320;
    int tileH = 240;
    try (PointerScope scope = new PointerScope()) {
      MatVector rows = new MatVector();
      for (int r = 0; r < Math.max(1, (chosen.size() + cols - 1) / cols); r++) {
        MatVector row = new MatVector();
        for (int c = 0; c < cols; c++) {
          int i = r * cols + c;
          Mat tile = new Mat(tileH, tileW, CV_8UC3, new org.bytedeco.opencv.opencv_core.Scalar(40, 40, 40, 0));
          if (i < chosen.size()) {
            Snapshot s = chosen.get(i);
            Mat full = new Mat(s.height(), s.width(), CV_8UC3);
            full.data().put(s.rgb());
            resize(full, tile, new Size(tileW, tileH), 0, 0, INTER_AREA);
          }
          row.push_back(tile);
        }
        Mat joined = new Mat();
        org.bytedeco.opencv.global.opencv_core.hconcat(row, joined);
        rows.push_back(joined);
      }
      Mat sheet = new Mat();
      org.bytedeco.opencv.global.opencv_core.vconcat(rows, sheet);
      Mat bgr = new Mat();
      cvtColor(sheet, bgr, COLOR_RGB2BGR);
      if (!imwrite(file.toString(), bgr)) {
        throw new UncheckedIOException(new IOException("OpenCV could not write " + file));
      }
    }
    return file;
  }

  private Path writeTimelineCsv(Path file) throws IOException {
    StringBuilder sb = new StringBuilder("t_seconds,kind,text\n");
    for (Entry e : timeline) {
      sb.append(String.format(Locale.ROOT, "%.3f", e.t())).append(',').append(e.kind()).append(',')
          .append('"').append(e.text().replace("\"", "\"\"")).append("\"\n");
    }
    Files.writeString(file, sb);
    return file;
  }

  private Path writeSummary(Path file, EpisodeResult result) throws IOException {
    Verdict v = result.verdict();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("scenario", result.scenario());
    summary.put("source", episode.sim().scenario().source().toString());
    summary.put("policy", result.policy());
    summary.put("success", result.success());
    summary.put("ending", v.ending().name().toLowerCase(Locale.ROOT));
    summary.put("duration_s", result.simSeconds());
    summary.put("wall_s", result.wallSeconds());
    summary.put("failure", v.failure());
    List<Map<String, Object>> checks = new ArrayList<>();
    for (Verdict.Check c : v.checks()) {
      checks.add(Map.of("predicate", c.predicate().toString(), "holds", c.holds(), "explanation", c.explanation()));
    }
    summary.put("checks", checks);
    summary.put("timeline", timeline);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), summary);
    return file;
  }

  public List<Entry> timeline() {
    return List.copyOf(timeline);
  }
}
