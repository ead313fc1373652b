package dev.vla.ros.nodes;

import dev.vla.model.CameraIntrinsics;
import dev.vla.model.Observation;
import dev.vla.model.Rigid;
import dev.vla.sim.render.CameraModel;
import dev.vla.sim.render.RgbdFrame;
import dev.vla.sim.world.Simulator;
import java.util.List;
import java.util.Map;

/**
 * An observation taken straight from a simulator, without the topic graph: what the vla node would
 * build from the camera and /tf at this moment. For benchmarks and diagnostics.
 */
public final class Observations {
  private Observations() {}

  public static Observation of(Simulator sim, String instruction) {
    CameraModel cam = sim.camera();
    RgbdFrame frame = new RgbdFrame(cam.width(), cam.height());
    sim.render(frame);
    Rigid odomFromOptical = new Rigid(dev.vla.sim.scenario.Transform.fromPose(
        dev.vla.sim.scenario.Pose3.xyzYaw(sim.odomPose().x(), sim.odomPose().y(), 0, sim.odomPose().yaw()))
        .times(sim.baseFromOptical()).rowMajor());
    return new Observation(sim.timeNanos(), frame.rgb().clone(), frame.depth().clone(),
        new CameraIntrinsics(cam.width(), cam.height(), cam.fx(), cam.fy(), cam.cx() - 0.5, cam.cy() - 0.5),
        odomFromOptical, sim.robotState(), instruction, 1, List.of(), Map.of());
  }
}
