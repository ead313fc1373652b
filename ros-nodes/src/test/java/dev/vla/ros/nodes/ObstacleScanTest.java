package dev.vla.ros.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.RobotGeometry;
import dev.vla.model.Rigid;
import dev.vla.sim.render.CameraModel;
import dev.vla.sim.render.RgbdFrame;
import dev.vla.sim.scenario.Event;
import dev.vla.sim.scenario.ScenarioLoader;
import dev.vla.sim.scenario.Trigger;
import dev.vla.sim.world.Simulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The obstacle distance from depth frames the simulator renders (with sensor noise), robot body included. */
class ObstacleScanTest {
  private final ObstacleScan scan = new ObstacleScan(RobotGeometry.standard());

  private static Simulator demo() throws Exception {
    Path file = Path.of(ObstacleScanTest.class.getResource("/scenarios/red_cube_blue_bin.sdf").toURI());
    return new Simulator(ScenarioLoader.load(file), new Simulator.Config(3, 0.01, 0.5, true));
  }

  private double freeDistance(Simulator sim) {
    return freeDistance(sim, true);
  }

  private double freeDistance(Simulator sim, boolean knowsItsArm) {
    CameraModel cam = sim.camera();
    RgbdFrame frame = new RgbdFrame(cam.width(), cam.height());
    sim.render(frame);
    return scan.freeDistance(frame.depth(), cam.width(), cam.height(), cam.fx(), cam.fy(), cam.cx() - 0.5, cam.cy() - 0.5,
        new Rigid(sim.baseFromOptical().rowMajor()), knowsItsArm ? sim.robotState().armJoints() : null);
  }

  private static void push(Simulator sim, double dx, double dyaw) {
    sim.apply(new Event.PushRobot(0, new Trigger.At(0), 0, dx, 0, dyaw));
  }

  @Test
  void theTableAheadIsSeenAtItsDistance() throws Exception {
    Simulator sim = demo();
    // Robot at the origin facing +x; the table top's near edge is at x = 1.25, the base's front at 0.25.
    assertEquals(1.0, freeDistance(sim), 0.04);
    push(sim, 0.8, 0);
    assertEquals(0.2, freeDistance(sim), 0.04);
  }

  @Test
  void nothingInTheCorridorIsInfinitelyFarEvenWithTheRobotsOwnBodyInView() throws Exception {
    Simulator sim = demo();
    push(sim, 0, -Math.PI / 2); // facing -y: open floor
    assertEquals(Double.POSITIVE_INFINITY, freeDistance(sim));
    // Look down at the base and reach forward and low with the arm: the robot is not its own obstacle.
    sim.commandHead(0, RobotGeometry.standard().headTiltMax());
    sim.commandArm(new double[] {0, 0.2, -1.2, -0.6}, 1.0);
    sim.step(3.0);
    assertTrue(sim.robotState().headTilt() > 1.2, "looking down");
    assertEquals(Double.POSITIVE_INFINITY, freeDistance(sim));
    assertTrue(freeDistance(sim, false) < 0.3, "without its joint states the arm in view would be an obstacle");
  }
}
