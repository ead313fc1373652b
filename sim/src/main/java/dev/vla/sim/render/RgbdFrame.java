package dev.vla.sim.render;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One RGB-D image: colour, depth and the id of the visible solid per pixel, in plain Java arrays
 * that the {@link Renderer} overwrites each frame.
 *
 * <p>Layout: row-major from the top-left pixel. {@link #rgb()} holds 3 bytes per pixel in R, G, B
 * order (ROS {@code rgb8}); {@link #depth()} holds metres along the optical axis (the z of the
 * optical frame, not the distance along the ray), {@link Float#NaN} where nothing is hit or the
 * surface lies beyond the camera's far limit; {@link #ids()} holds the {@link Solid#id()} of the
 * visible surface, -1 where nothing is hit.
 *
 * <p>Lifecycle and threading: the caller owns the frame and reuses it from frame to frame; the
 * arrays are returned as they are, not copied, so they change on the next render. A frame holds no
 * native memory. It is not thread-safe: hand it to another thread only once rendering into it is
 * done, and copy it if the renderer is to fill it again meanwhile.
 */
public final class RgbdFrame {
  private final int width;
  private final int height;
  private final byte[] rgb;
  private final float[] depth;
  private final int[] ids;

  public RgbdFrame(int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    this.rgb = new byte[width * height * 3];
    this.depth = new float[width * height];
    this.ids = new int[width * height];
  }

  /** A frame the size of the camera's images. */
  public static RgbdFrame forCamera(CameraModel camera) {
    return new RgbdFrame(camera.width(), camera.height());
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The colour bytes themselves (not a copy), R, G, B per pixel. */
  public byte[] rgb() {
    return rgb;
  }

  /** The depth values themselves (not a copy), metres along the optical axis or NaN. */
  public float[] depth() {
    return depth;
  }

  /** The solid ids themselves (not a copy), -1 where nothing is hit. */
  public int[] ids() {
    return ids;
  }

  /** Red, green and blue of pixel (column, row), each 0..255. */
  public int[] rgbAt(int column, int row) {
    int p = 3 * index(column, row);
    return new int[] {rgb[p] & 0xff, rgb[p + 1] & 0xff, rgb[p + 2] & 0xff};
  }

  public float depthAt(int column, int row) {
    return depth[index(column, row)];
  }

  public int idAt(int column, int row) {
    return ids[index(column, row)];
  }

  /** Copies everything into {@code target}, which must have the same size. */
  public void copyTo(RgbdFrame target) {
    requireSameSize(target.width, target.height);
    System.arraycopy(rgb, 0, target.rgb, 0, rgb.length);
    System.arraycopy(depth, 0, target.depth, 0, depth.length);
    System.arraycopy(ids, 0, target.ids, 0, ids.length);
  }

  /**
   * A copy of the colour image as a new {@code CV_8UC3} Mat in R, G, B channel order (OpenCV's own
   * functions assume B, G, R: convert before {@code imshow} or {@code imwrite}). The caller owns the
   * Mat and closes it.
   */
  public Mat rgbMat() {
    Mat mat = new Mat(height, width, CV_8UC3);
    mat.data().put(rgb, 0, rgb.length);
    return mat;
  }

  /**
   * A copy of the depth image as a new {@code CV_32FC1} Mat in metres, NaN where there is no depth.
   * The caller owns the Mat and closes it.
   */
  public Mat depthMat() {
    Mat mat = new Mat(height, width, CV_32FC1);
    try (FloatPointer data = new FloatPointer(mat.data())) {
      data.put(depth, 0, depth.length);
    }
    return mat;
  }

  /** Overwrites the colour image from a {@code CV_8UC3} Mat of this size in R, G, B order. */
  public void copyRgbFrom(Mat mat) {
    requireMat(mat, CV_8UC3, "CV_8UC3");
    mat.data().get(rgb, 0, rgb.length);
  }

  /** Overwrites the depth image from a {@code CV_32FC1} Mat of this size, in metres. */
  public void copyDepthFrom(Mat mat) {
    requireMat(mat, CV_32FC1, "CV_32FC1");
    try (FloatPointer data = new FloatPointer(mat.data())) {
      data.get(depth, 0, depth.length);
    }
  }

  /** Writes the colour image as a PNG (through OpenCV, which wants B, G, R). */
  public void writePng(Path file) {
    try (Mat rgbMat = rgbMat(); Mat bgr = new Mat()) {
      opencv_imgproc.cvtColor(rgbMat, bgr, opencv_imgproc.COLOR_RGB2BGR);
      write(file, bgr);
    }
  }

  /**
   * Writes the depth image as a false-colour PNG for people: near is red, {@code maxMetres} and
   * beyond is dark blue (OpenCV's turbo colour map), no depth is black.
   */
  public void writeDepthPng(Path file, double maxMetres) {
    if (!(maxMetres > 0)) {
      throw new IllegalArgumentException("depth visualisation range must be positive, got " + maxMetres);
    }
    byte[] nearness = new byte[width * height];
    for (int p = 0; p < depth.length; p++) {
      float z = depth[p];
      double scaled = Float.isNaN(z) ? 0 : 255 * (1 - Math.min(1, Math.max(0, z / maxMetres)));
      nearness[p] = (byte) Math.round(scaled);
    }
    byte[] bgr = new byte[width * height * 3];
    try (Mat grey = new Mat(height, width, CV_8UC1); Mat coloured = new Mat()) {
      grey.data().put(nearness, 0, nearness.length);
      opencv_imgproc.applyColorMap(grey, coloured, opencv_imgproc.COLORMAP_TURBO);
      coloured.data().get(bgr, 0, bgr.length);
      for (int p = 0; p < depth.length; p++) {
        if (Float.isNaN(depth[p])) {
          bgr[3 * p] = 0;
          bgr[3 * p + 1] = 0;
          bgr[3 * p + 2] = 0;
        }
      }
      coloured.data().put(bgr, 0, bgr.length);
      write(file, coloured);
    }
  }

  private static void write(Path file, Mat bgr) {
    if (!opencv_imgcodecs.imwrite(file.toString(), bgr)) {
      throw new UncheckedIOException(new IOException("OpenCV could not write " + file));
    }
  }

  private int index(int column, int row) {
    if (column < 0 || column >= width || row < 0 || row >= height) {
      throw new IndexOutOfBoundsException("pixel (" + column + ", " + row + ") outside " + width + "x" + height);
    }
    return row * width + column;
  }

  private void requireSameSize(int otherWidth, int otherHeight) {
    if (otherWidth != width || otherHeight != height) {
      throw new IllegalArgumentException(
          "size " + otherWidth + "x" + otherHeight + " does not match the frame's " + width + "x" + height);
    }
  }

  private void requireMat(Mat mat, int type, String typeName) {
    requireSameSize(mat.cols(), mat.rows());
    if (mat.type() != type) {
      throw new IllegalArgumentException("expected a " + typeName + " Mat, got type " + mat.type());
    }
    if (!mat.isContinuous()) {
      throw new IllegalArgumentException("expected a continuous Mat; clone() a region of interest first");
    }
  }
}
