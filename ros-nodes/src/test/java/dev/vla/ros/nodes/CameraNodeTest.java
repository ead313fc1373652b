package dev.vla.ros.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.ros.Topics;
import dev.vla.ros.msg.CameraInfo;
import dev.vla.ros.msg.DiagnosticArray;
import dev.vla.ros.msg.Image;
import dev.vla.ros.transport.InMemoryTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_videoio;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_videoio.VideoWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenCV camera on a video file written here (MJPEG in AVI, which OpenCV reads without FFmpeg). */
class CameraNodeTest {
  static Path video(Path dir, int frames) {
    Path f = dir.resolve("red.avi");
    try (VideoWriter w = new VideoWriter(f.toString(), VideoWriter.fourcc((byte) 'M', (byte) 'J', (byte) 'P', (byte) 'G'),
        15, new Size(320, 240), true); Mat red = new Mat(240, 320, org.bytedeco.opencv.global.opencv_core.CV_8UC3,
        new Scalar(0, 0, 255, 0))) {
      assertTrue(w.isOpened(), "OpenCV can write MJPEG AVI");
      for (int i = 0; i < frames; i++) {
        w.write(red);
      }
    }
    assertTrue(Files.exists(f));
    return f;
  }

  @Test
  void framesFromAVideoArriveAsRgb8WithIntrinsics(@TempDir Path dir) {
    Path f = video(dir, 5);
    try (InMemoryTransport t = new InMemoryTransport()) {
      List<Image> images = new ArrayList<>();
      List<CameraInfo> infos = new ArrayList<>();
      t.subscribe(Topics.COLOR, images::add);
      t.subscribe(Topics.CAMERA_INFO, infos::add);
      CameraNode cam = new CameraNode(t, new CameraNode.Config(f.toString(), 15, 160, 1.2, "camera_color_optical_frame"));
      for (int i = 1; i <= 8; i++) {
        cam.tick(i * 66_000_000L);
      }
      assertEquals(5, images.size(), "one image per frame of the file, then nothing");
      Image im = images.get(0);
      assertEquals("rgb8", im.encoding());
      assertEquals(160, im.width());
      assertEquals(120, im.height());
      byte[] px = im.rgbPacked();
      assertTrue((px[0] & 0xff) > 200 && (px[1] & 0xff) < 50 && (px[2] & 0xff) < 50, "red stays red after BGR -> RGB");
      CameraInfo ci = infos.get(0);
      assertEquals(160, ci.width());
      assertEquals(80 / Math.tan(0.6), ci.k()[0], 1e-9);
      DiagnosticArray.Status s = cam.diagnose();
      assertEquals("5", s.values().get("frames"));
      assertEquals("3", s.values().get("failed_reads"));
      cam.tick(3_000_000_000L);
      assertEquals(DiagnosticArray.Level.WARN, cam.diagnose().level(), "the file ended: no frame for seconds");
      cam.close();
    }
  }

  @Test
  void aMissingDeviceIsOneClearError() {
    try (InMemoryTransport t = new InMemoryTransport()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new CameraNode(t, new CameraNode.Config("/dev/video77", 15, 0, 1.2, "cam")));
      assertTrue(e.getMessage().contains("/dev/video77"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> new CameraNode.Config("", 15, 0, 1.2, "cam"));
      assertThrows(IllegalArgumentException.class, () -> new CameraNode.Config("0", 0, 0, 1.2, "cam"));
    }
  }
}
