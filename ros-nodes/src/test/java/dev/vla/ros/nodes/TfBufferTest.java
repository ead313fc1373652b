package dev.vla.ros.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.model.Rigid;
import dev.vla.ros.msg.Header;
import dev.vla.ros.msg.Quaternion;
import dev.vla.ros.msg.TFMessage;
import dev.vla.ros.msg.TransformStamped;
import dev.vla.ros.msg.Vector3;
import java.util.List;
import org.junit.jupiter.api.Test;

class TfBufferTest {
  @Test
  void chainsTransformsUpToTheTargetFrame() {
    TfBuffer tf = new TfBuffer();
    tf.add(new TFMessage(List.of(
        new TransformStamped(new Header(0, "odom"), "base_link", new Vector3(1, 0, 0), Quaternion.ofYaw(Math.PI / 2)),
        new TransformStamped(new Header(0, "base_link"), "camera", new Vector3(0.5, 0, 1), Quaternion.ofYaw(0)))));
    Rigid odomFromCamera = tf.lookup("odom", "camera").orElseThrow();
    // Camera origin: base (1,0) + yaw 90° applied to (0.5, 0) = (1, 0.5), 1 m up.
    assertArrayEquals(new double[] {1, 0.5, 1}, odomFromCamera.apply(0, 0, 0), 1e-12);
    assertTrue(tf.lookup("map", "camera").isEmpty(), "an unknown parent frame gives no transform");
  }
}
