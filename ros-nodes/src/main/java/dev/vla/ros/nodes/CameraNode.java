package dev.vla.ros.nodes;

import dev.vla.ros.Topics;
import dev.vla.ros.msg.CameraInfo;
import dev.vla.ros.msg.DiagnosticArray;
import dev.vla.ros.msg.Header;
import dev.vla.ros.msg.Image;
import dev.vla.ros.transport.Publisher;
import dev.vla.ros.transport.Transport;
import java.time.Duration;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_videoio;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_videoio.VideoCapture;

/**
 * A colour camera through OpenCV: a video device ({@code 0}, {@code /dev/video2}), a video file or a
 * stream URL, published as rgb8 on /camera/color/image_raw with pinhole intrinsics on
 * /camera/color/camera_info. It has no depth: the vla node needs an RGB-D source (the simulator, or a
 * depth camera's driver), so this node suits checking a camera, recording, or a driver-less colour
 * stream beside another depth source. A file that ends, or a device that stops delivering, is reported
 * on /diagnostics and the node keeps running.
 */
public final class CameraNode extends Node {
  /**
   * @param device device index, device path, file or URL
   * @param rate frames per second to publish
   * @param width output width (0: as delivered); height follows the source's aspect
   * @param horizontalFov horizontal field of view in radians, for the intrinsics
   * @param frameId optical frame of the images
   */
  public record Config(String device, double rate, int width, double horizontalFov, String frameId) {
    public Config {
      if (device == null || device.isBlank()) {
        throw new IllegalArgumentException("camera.device is required: a device index (0), a path or a video file");
      }
      if (!(rate > 0 && rate <= 120)) {
        throw new IllegalArgumentException("camera.rate must be in (0, 120] Hz, got " + rate);
      }
      if (width < 0 || width > 8192) {
        throw new IllegalArgumentException("camera.width must be 0..8192, got " + width);
      }
      if (!(horizontalFov > 0.1 && horizontalFov < 3.1)) {
        throw new IllegalArgumentException("camera.hfov must be in (0.1, 3.1) rad, got " + horizontalFov);
      }
    }
  }

  private final Config config;
  private final VideoCapture capture;
  private final Publisher<Image> color;
  private final Publisher<CameraInfo> info;
  private final Mat bgr = new Mat();
  private final Mat rgb = new Mat();
  private volatile long published;
  private volatile long failedReads;
  private volatile long lastFrameNanos = -1;
  private volatile long nowNanos;

  /** @throws IllegalArgumentException when the device or file cannot be opened, saying which */
  public CameraNode(Transport transport, Config config) {
    super("camera", transport);
    this.config = config;
    capture = config.device().matches("\\d{1,3}")
        ? new VideoCapture(Integer.parseInt(config.device()), opencv_videoio.CAP_ANY)
        : new VideoCapture(config.device(), opencv_videoio.CAP_ANY);
    if (!capture.isOpened()) {
      capture.close();
      throw new IllegalArgumentException("cannot open camera '" + config.device()
          + "': no such device, file or stream (or no permission; a device needs the video group)");
    }
    color = publisher(Topics.COLOR);
    info = publisher(Topics.CAMERA_INFO);
  }

  @Override
  public Duration period() {
    return hz(config.rate());
  }

  @Override
  protected void onTick(long now) {
    nowNanos = now;
    if (!capture.read(bgr) || bgr.empty()) {
      long n = ++failedReads;
      if (n == 1 || n % 100 == 0) {
        log.log(System.Logger.Level.WARNING, "camera: no frame from " + config.device() + " (" + n + " so far)");
      }
      return;
    }
    Mat src = bgr;
    if (config.width() > 0 && config.width() != bgr.cols()) {
      int h = (int) Math.round((double) bgr.rows() * config.width() / bgr.cols());
      opencv_imgproc.resize(bgr, src = new Mat(), new Size(config.width(), h));
    }
    opencv_imgproc.cvtColor(src, rgb, opencv_imgproc.COLOR_BGR2RGB);
    int w = rgb.cols();
    int h = rgb.rows();
    byte[] data = new byte[w * h * 3];
    rgb.data().get(data);
    if (src != bgr) {
      src.close();
    }
    Header header = new Header(now, config.frameId());
    double f = w / 2.0 / Math.tan(config.horizontalFov() / 2);
    color.publish(Image.rgb8(header, w, h, data));
    info.publish(CameraInfo.pinhole(header, w, h, f, f, (w - 1) / 2.0, (h - 1) / 2.0));
    published++;
    lastFrameNanos = now;
  }

  @Override
  public DiagnosticArray.Status diagnose() {
    long last = lastFrameNanos;
    double age = last < 0 ? Double.POSITIVE_INFINITY : (nowNanos - last) / 1e9;
    DiagnosticArray.Level level = age < 1.0 ? DiagnosticArray.Level.OK
        : published == 0 ? DiagnosticArray.Level.ERROR : DiagnosticArray.Level.WARN;
    String message = level == DiagnosticArray.Level.OK ? "streaming"
        : published == 0 ? "no frame yet from " + config.device() : String.format("no frame for %.1f s", age);
    return new DiagnosticArray.Status(level, name(), message, config.device(),
        Map.of("frames", Long.toString(published), "failed_reads", Long.toString(failedReads)));
  }

  @Override
  protected void onClose() {
    capture.release();
    capture.close();
    bgr.close();
    rgb.close();
  }
}
