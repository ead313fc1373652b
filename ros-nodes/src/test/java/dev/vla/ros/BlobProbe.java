package dev.vla.ros;

import dev.vla.model.CameraIntrinsics;
import dev.vla.model.Observation;
import dev.vla.model.Rigid;
import dev.vla.model.baseline.KeywordPolicy;
import dev.vla.sim.render.RgbdFrame;
import dev.vla.sim.scenario.ScenarioLoader;
import dev.vla.sim.world.Simulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class BlobProbe {
  public static void main(String[] args) throws Exception {
    Simulator sim = new Simulator(ScenarioLoader.load(Path.of(args[0])), Simulator.Config.defaults(1));
    RgbdFrame f = new RgbdFrame(640, 480);
    sim.render(f);
    f.writePng(Path.of("/tmp/probe.png"));
    var cam = sim.camera();
    Observation obs = new Observation(0, f.rgb(), f.depth(), new CameraIntrinsics(640, 480, cam.fx(), cam.fy(),
        cam.cx() - 0.5, cam.cy() - 0.5), new Rigid(sim.worldFromOptical().rowMajor()), sim.robotState(), "", 1, List.of(), Map.of());
    KeywordPolicy.describeBlobs(obs).forEach(System.out::println);
  }
}
