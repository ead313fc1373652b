package dev.vla.launch.bench;

import dev.vla.ros.msg.Header;
import dev.vla.ros.msg.Image;
import dev.vla.sim.render.Lighting;
import dev.vla.sim.render.Renderer;
import dev.vla.sim.render.RgbdFrame;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.world.Simulator;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Renders the head camera of a scenario: the rasteriser alone (colour, 32FC1 depth and ids), and a
 * frame as the camera publishes it (render, sensor noise, rgb8 and 32FC1 messages).
 */
public final class RenderBench {
  private RenderBench() {}

  public static List<Percentiles> run(Scenario scenario, int frames) {
    Simulator sim = new Simulator(scenario, Simulator.Config.defaults(1));
    Renderer renderer = new Renderer(sim.camera());
    RgbdFrame frame = new RgbdFrame(sim.camera().width(), sim.camera().height());
    var solids = sim.solids();
    var pose = sim.worldFromOptical();
    for (int i = 0; i < 200; i++) {
      renderer.render(solids, pose, Lighting.standard(), frame);
    }
    Histogram raster = Percentiles.histogram();
    for (int i = 0; i < frames; i++) {
      long t0 = System.nanoTime();
      renderer.render(solids, pose, Lighting.standard(), frame);
      raster.recordValue((System.nanoTime() - t0) / 1000);
    }
    Histogram published = Percentiles.histogram();
    for (int i = 0; i < frames; i++) {
      long t0 = System.nanoTime();
      sim.render(frame);
      Header h = new Header(i, "camera");
      Image rgb = Image.rgb8(h, frame.width(), frame.height(), frame.rgb().clone());
      Image depth = Image.depth32(h, frame.width(), frame.height(), frame.depth());
      published.recordValue((System.nanoTime() - t0) / 1000);
      if (rgb.data().length + depth.data().length == 0) {
        throw new IllegalStateException("empty frame");
      }
    }
    return List.of(Percentiles.of("render VGA RGB-D (rasteriser)", raster),
        Percentiles.of("camera frame (render + noise + messages)", published));
  }
}
