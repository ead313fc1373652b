package dev.vla.ros.nodes;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Executor;
import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.RobotState;
import dev.vla.affordances.SkillRegistry;
import dev.vla.affordances.SkillStatus;
import dev.vla.model.language.UtteranceKind;
import dev.vla.model.language.Utterances;
import dev.vla.ros.Topics;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.msg.Twist;
import dev.vla.ros.transport.Publisher;
import dev.vla.ros.transport.Transport;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The executor as a node: affordance calls in, skill statuses and motion commands out, ticking the
 * {@link Executor} at 50 Hz. Stop, wait and continue typed or spoken on {@code /vla/instruction} go
 * straight to the executor on the receiving thread (the stop fast path; the model is told by the same
 * message), and so does the emergency stop, which also refuses every call until it is reset. Motion
 * commands go to the {@link SafetyNode} ({@code /vla/executor/*}), never to the actuators directly.
 * Closing publishes a zero velocity last.
 */
public final class ExecutorNode extends Node {
  /** The skill name of the executor's own reports on {@code /vla/skill_status}. */
  public static final String SKILL = "executor";
  /** Its report on starting: nothing runs, whatever a previous executor ran is gone. */
  public static final String STARTED = "started: no calls running";

  private final Executor executor;
  private final Publisher<Twist> cmdVel;
  private final Publisher<SkillStatus> status;
  private final RobotStateAssembler state;
  private long now;

  public ExecutorNode(Transport transport, SkillRegistry registry, RobotGeometry geometry, Executor.Config config,
      Consumer<SkillStatus> statusListener) {
    super("executor", transport);
    this.state = new RobotStateAssembler(geometry);
    this.cmdVel = publisher(Topics.EXECUTOR_CMD_VEL);
    this.status = publisher(Topics.SKILL_STATUS);
    this.executor = new Executor(registry, new MotionTopics(cmdVel, publisher(Topics.EXECUTOR_ARM),
        publisher(Topics.EXECUTOR_HEAD), publisher(Topics.EXECUTOR_GRIPPER), () -> now), this::robotState, geometry, s -> {
      status.publish(s);
      statusListener.accept(s);
    }, config);
    executor.setWakeup(this::wake);
    subscribeImmediate(Topics.ODOM, state::odom);
    subscribeImmediate(Topics.JOINT_STATES, state::joints);
    subscribeImmediate(Topics.AFFORDANCE_CALL, this::onCall);
    subscribeImmediate(Topics.INSTRUCTION, this::onUtterance);
    subscribeImmediate(Topics.ESTOP, b -> {
      if (b.data()) {
        executor.latchStop("emergency stop (" + Topics.ESTOP.name() + ")");
      }
    });
    subscribeImmediate(Topics.ESTOP_RESET, e -> executor.releaseLatchedStop());
    // Whoever waited for a call of a previous executor process learns that it is gone.
    status.publish(new SkillStatus(0, SKILL, SkillStatus.State.RUNNING, STARTED, 0, 0));
  }

  @Override
  public Duration period() {
    return hz(50);
  }

  /** The 50 Hz control loop. */
  @Override
  public boolean timingCritical() {
    return true;
  }

  public Executor executor() {
    return executor;
  }

  private void onCall(AffordanceCall call) {
    executor.submit(call);
  }

  /** The fast path: no model, no queue behind other work. */
  private void onUtterance(StringMsg msg) {
    UtteranceKind kind = Utterances.classify(msg.data());
    switch (kind) {
      case STOP -> executor.interrupt(Executor.Interrupt.STOP, "operator: \"" + msg.data() + "\"");
      case WAIT -> executor.interrupt(Executor.Interrupt.PAUSE, "operator: \"" + msg.data() + "\"");
      case CONTINUE -> executor.interrupt(Executor.Interrupt.RESUME, "operator: \"" + msg.data() + "\"");
      default -> { }
    }
  }

  @Override
  protected void onTick(long nowNanos) {
    now = nowNanos;
    executor.tick(nowNanos);
  }

  RobotState robotState() {
    return state.state(now);
  }

  @Override
  protected void onClose() {
    executor.interrupt(Executor.Interrupt.STOP, "shutting down");
    executor.tick(now);
    cmdVel.publish(Twist.ZERO);
    log.log(Level.INFO, "executor: stopped; zero velocity published");
  }
}
