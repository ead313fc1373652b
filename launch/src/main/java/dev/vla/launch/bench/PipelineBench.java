package dev.vla.launch.bench;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Executor;
import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.skills.Skills;
import dev.vla.model.Policy;
import dev.vla.ros.Topics;
import dev.vla.ros.dds.DdsSettings;
import dev.vla.ros.dds.DdsTransport;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.nodes.ExecutorNode;
import dev.vla.ros.nodes.SimBridgeNode;
import dev.vla.ros.nodes.ThreadedRunner;
import dev.vla.ros.nodes.VlaNode;
import dev.vla.ros.transport.Publisher;
import dev.vla.sim.episode.Episode;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.world.Simulator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Camera frame published to affordance call received, across the DDS graph: the simulated robot
 * (camera, state) on one participant, the vla and executor nodes on another, as on a robot where the
 * camera driver is its own process. Each trial stops the robot, gives an instruction with the camera
 * held, then lets one frame through and times it until the call that answers it arrives back at the
 * robot's participant: the decision waits for a frame newer than the stop, so it is that frame's.
 */
public final class PipelineBench {
  /** Latency and trials without an answer within 3 s. */
  public record Result(Percentiles latency, int unanswered) {}

  private static final int WARM_UP = 10;

  private PipelineBench() {}

  public static Result run(DdsSettings s, Scenario scenario, Policy policy, String instruction, int trials)
      throws InterruptedException {
    Histogram micros = Percentiles.histogram();
    int unanswered = 0;
    try (DdsTransport robot = new DdsTransport("bench_robot", s);
        DdsTransport controller = new DdsTransport("bench_controller", s)) {
      Episode episode = new Episode(new Simulator(scenario, Simulator.Config.defaults(1)));
      SimBridgeNode sim = new SimBridgeNode(robot, episode, new SimBridgeNode.Config(30), line -> { });
      sim.setCameraEnabled(false);
      VlaNode vla = new VlaNode(controller, policy, VlaNode.Config.defaults(Map.of()), e -> { });
      ExecutorNode executor = new ExecutorNode(controller, Skills.standardRegistry(), RobotGeometry.standard(),
          Executor.Config.defaults(), st -> { });
      AtomicLong firstFrame = new AtomicLong(-1);
      robot.subscribe(Topics.COLOR, im -> firstFrame.compareAndSet(-1, System.nanoTime()));
      LinkedBlockingQueue<Long> answers = new LinkedBlockingQueue<>();
      robot.subscribe(Topics.AFFORDANCE_CALL, (AffordanceCall c) -> {
        if (!c.skill().equals("stop")) {
          answers.add(System.nanoTime());
        }
      });
      Publisher<StringMsg> say = robot.advertise(Topics.INSTRUCTION);
      try (ThreadedRunner runner = new ThreadedRunner(List.of(sim, vla, executor))) {
        runner.start();
        Thread.sleep(2000); // discovery between the two participants
        for (int i = -WARM_UP; i < trials; i++) {
          say.publish(new StringMsg("stop"));
          Thread.sleep(150);
          answers.clear();
          say.publish(new StringMsg(instruction));
          Thread.sleep(150);
          firstFrame.set(-1);
          sim.setCameraEnabled(true);
          Long answered = answers.poll(3, TimeUnit.SECONDS);
          sim.setCameraEnabled(false);
          if (i < 0) {
            continue; // warm-up: JIT, first inference, first OpenCV calls
          }
          if (answered == null || firstFrame.get() < 0) {
            unanswered++;
            continue;
          }
          micros.recordValue(Math.max(0, answered - firstFrame.get()) / 1000);
        }
      }
      sim.close();
      vla.close();
      executor.close();
    }
    return new Result(Percentiles.of("camera frame published -> call received (" + policy.name() + ")", micros),
        unanswered);
  }
}
