package dev.vla.ros.episode;

import dev.vla.ros.Topics;
import dev.vla.ros.msg.BoolMsg;
import dev.vla.ros.msg.EmptyMsg;
import dev.vla.ros.nodes.ExecutorNode;
import dev.vla.ros.nodes.LockstepRunner;
import dev.vla.ros.nodes.Node;
import dev.vla.ros.transport.Publisher;
import dev.vla.ros.transport.SeverableTransport;
import dev.vla.ros.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Applies {@link Fault}s to a running episode when they fall due, and undoes them when their time is
 * up: the emergency stop and its reset go over the real topics; a crashed executor is cut off the
 * graph and stops ticking, and a fresh one takes its place; a lost peer is the robot's link severed;
 * model faults go through the policy.
 */
final class FaultInjector extends Node {
  private record Pending(double at, String what, Runnable action) {}

  private final List<Pending> pending = new ArrayList<>();
  private final DoubleSupplier simTime;
  private final Consumer<String> log;
  private final FaultyPolicy model;
  private final SeverableTransport robotLink;
  private final Function<Transport, ExecutorNode> executors;
  private final Publisher<BoolMsg> estop;
  private final Publisher<EmptyMsg> estopReset;
  private final List<ExecutorNode> restarted = new ArrayList<>();
  private SeverableTransport executorLink;
  private ExecutorNode executor;
  private LockstepRunner runner;

  FaultInjector(Transport transport, List<Fault> faults, DoubleSupplier simTime, Consumer<String> log, FaultyPolicy model,
      SeverableTransport robotLink, SeverableTransport executorLink, ExecutorNode executor,
      Function<Transport, ExecutorNode> executors) {
    super("faults", transport);
    this.simTime = simTime;
    this.log = log;
    this.model = model;
    this.robotLink = robotLink;
    this.executorLink = executorLink;
    this.executor = executor;
    this.executors = executors;
    this.estop = publisher(Topics.ESTOP);
    this.estopReset = publisher(Topics.ESTOP_RESET);
    for (Fault f : faults) {
      pending.add(new Pending(f.at(), f.describe(), () -> start(f)));
    }
  }

  /** The runner whose nodes a crash replaces; set before the first tick. */
  void runOn(LockstepRunner r) {
    this.runner = r;
  }

  @Override
  public Duration period() {
    return hz(50);
  }

  @Override
  protected void onTick(long nowNanos) {
    double t = simTime.getAsDouble();
    pending.sort(Comparator.comparingDouble(Pending::at));
    while (!pending.isEmpty() && pending.get(0).at() <= t) {
      Pending p = pending.remove(0);
      log.accept(String.format(Locale.ROOT, "fault: t=%.2f %s", t, p.what()));
      p.action().run();
    }
  }

  private void start(Fault f) {
    double t = simTime.getAsDouble();
    if (f instanceof Fault.EmergencyStop e) {
      estop.publish(new BoolMsg(true));
      if (e.resetAfter() > 0) {
        later(t + e.resetAfter(), "emergency stop reset", () -> estopReset.publish(EmptyMsg.INSTANCE));
      }
    } else if (f instanceof Fault.ExecutorCrash c) {
      executorLink.sever(true);
      runner.replace(executor, null);
      later(t + c.restartAfter(), "executor restarted", () -> {
        executorLink = new SeverableTransport(transport);
        ExecutorNode fresh = executors.apply(executorLink);
        runner.replace(null, fresh);
        executor = fresh;
        restarted.add(fresh);
      });
    } else if (f instanceof Fault.PeerLoss l) {
      robotLink.sever(true);
      later(t + l.duration(), "robot's DDS peer back", () -> robotLink.sever(false));
    } else if (f instanceof Fault.ModelFailure m) {
      model.failing(true);
      later(t + m.duration(), "model session working again", () -> model.failing(false));
    } else if (f instanceof Fault.SlowModel s) {
      model.delay(s.delay());
      later(t + s.duration(), "model back to its speed", () -> model.delay(0));
    }
  }

  private void later(double at, String what, Runnable action) {
    pending.add(new Pending(at, what, action));
  }

  /** Closes the executors started in place of crashed ones (the runner closes the rest). */
  void closeRestarted() {
    for (ExecutorNode e : restarted) {
      e.close();
    }
  }
}
