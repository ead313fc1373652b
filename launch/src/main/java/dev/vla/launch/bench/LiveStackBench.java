package dev.vla.launch.bench;

import dev.vla.affordances.Executor;
import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.skills.Skills;
import dev.vla.model.Policies;
import dev.vla.ros.Topics;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.msg.Twist;
import dev.vla.ros.nodes.ExecutorNode;
import dev.vla.ros.episode.EpisodeRunner;
import dev.vla.ros.nodes.Node;
import dev.vla.ros.nodes.SafetyNode;
import dev.vla.ros.nodes.SimBridgeNode;
import dev.vla.ros.nodes.ThreadedRunner;
import dev.vla.ros.nodes.VlaNode;
import dev.vla.ros.dds.DdsSettings;
import dev.vla.ros.dds.DdsTransport;
import dev.vla.ros.transport.InMemoryTransport;
import dev.vla.ros.transport.Transport;
import dev.vla.ros.transport.Publisher;
import dev.vla.sim.episode.Episode;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.world.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The whole stack live, each node on its own thread in wall-clock time, as on a robot: measures the
 * executor's 50 Hz control-loop jitter while the robot works, and the typed stop path (a "stop" on
 * {@code /vla/instruction} until the executor publishes a zero {@code /cmd_vel}), repeated while the
 * robot is driving.
 */
public final class LiveStackBench {
  /** Results: executor tick lateness and stop latency. */
  public record Result(Percentiles executorJitter, Percentiles simJitter, Percentiles typedStop, int stopsMissed) {}

  private LiveStackBench() {}

  /**
   * @param scenario a scenario whose task keeps the robot moving (the demo)
   * @param seconds how long to run for jitter
   * @param stops how many typed stops to time (attempts where the robot was not driving are retried)
   */
  public static Result run(Scenario scenario, double seconds, int stops) throws InterruptedException {
    return run(scenario, seconds, stops, null);
  }

  /**
   * @param dds null: all in memory; otherwise the stack on one DDS participant and the operator (who
   *     types "stop" and watches /cmd_vel) on another, as another ROS 2 node would be
   */
  public static Result run(Scenario scenario, double seconds, int stops, DdsSettings dds) throws InterruptedException {
    Histogram executorLate = Percentiles.histogram();
    Histogram simLate = Percentiles.histogram();
    Histogram stopLatency = Percentiles.histogram();
    int missed = 0;
    Random rng = new Random(7);
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    int done = 0;
    int attempts = 0;
    while ((done < stops && attempts < 3 * stops) || System.nanoTime() < deadline) {
      attempts++;
      Simulator sim = new Simulator(scenario, Simulator.Config.defaults(done));
      Episode episode = new Episode(sim);
      try (Transport transport = dds == null ? new InMemoryTransport() : new DdsTransport("bench_stack", dds);
          Transport operator = dds == null ? transport : new DdsTransport("bench_operator", dds)) {
        List<Node> nodes = stack(transport, episode);
        AtomicLong stopSent = new AtomicLong(-1);
        AtomicLong zeroSeen = new AtomicLong(-1);
        AtomicLong lastMoving = new AtomicLong(-1);
        operator.subscribe(Topics.CMD_VEL, (Twist t) -> {
          long now = System.nanoTime();
          if (!t.isZero()) {
            lastMoving.set(now);
          } else if (stopSent.get() > 0 && zeroSeen.get() < 0) {
            zeroSeen.set(now);
          }
        });
        Publisher<StringMsg> say = operator.advertise(Topics.INSTRUCTION);
        try (ThreadedRunner runner = new ThreadedRunner(nodes)) {
          runner.observeLateness(0, ns -> simLate.recordValue(Math.max(0, ns) / 1000));
          runner.observeLateness(2, ns -> executorLate.recordValue(Math.max(0, ns) / 1000));
          runner.start();
          if (dds != null) {
            Thread.sleep(1500); // discovery between the two participants
          }
          say.publish(new StringMsg(scenario.task().says().isEmpty() ? "put the red cube in the blue bin"
              : scenario.task().says().get(0).text()));
          // Wait until the base is driving, then stop it at a random moment.
          long waitUntil = System.nanoTime() + 20_000_000_000L;
          while (System.nanoTime() < waitUntil && (lastMoving.get() < 0 || System.nanoTime() - lastMoving.get() > 30_000_000L)) {
            Thread.sleep(5);
          }
          Thread.sleep(rng.nextInt(300));
          if (done < stops && lastMoving.get() > 0 && System.nanoTime() - lastMoving.get() < 30_000_000L) {
            stopSent.set(System.nanoTime());
            say.publish(new StringMsg("stop"));
            Thread.sleep(200);
            if (zeroSeen.get() > 0) {
              stopLatency.recordValue((zeroSeen.get() - stopSent.get()) / 1000);
              done++;
            } else {
              missed++; // a stop that never produced a zero command: a failure, reported
            }
          }
          if (System.nanoTime() < deadline) {
            Thread.sleep(Math.min(2000, Math.max(0, (deadline - System.nanoTime()) / 1_000_000)));
          }
        }
        for (Node n : nodes) {
          n.close();
        }
      }
    }
    return new Result(Percentiles.of("executor tick lateness at 50 Hz (jitter)", executorLate),
        Percentiles.of("sim bridge tick lateness at 50 Hz (jitter)", simLate),
        Percentiles.of("typed stop -> zero /cmd_vel", stopLatency), missed);
  }

  /** The robot and the controller the live benchmarks run (sim bridge, keyword vla node, executor, safety), quiet. */
  static List<Node> stack(Transport transport, Episode episode) {
    List<Node> nodes = new ArrayList<>();
    nodes.add(new SimBridgeNode(transport, episode, new SimBridgeNode.Config(15), line -> { }));
    nodes.add(new VlaNode(transport, Policies.create("keyword", null), VlaNode.Config.defaults(Map.of()), e -> { }));
    nodes.add(new ExecutorNode(transport, Skills.standardRegistry(), RobotGeometry.standard(),
        Executor.Config.defaults(), s -> { }));
    nodes.add(new SafetyNode(transport, EpisodeRunner.safetyLimits(episode.sim().scenario()), RobotGeometry.standard(),
        line -> { }));
    return nodes;
  }
}
