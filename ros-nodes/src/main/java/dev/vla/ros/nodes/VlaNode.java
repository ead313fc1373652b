package dev.vla.ros.nodes;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.Point3;
import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.SkillStatus;
import dev.vla.model.CameraIntrinsics;
import dev.vla.model.Decision;
import dev.vla.model.HistoryStep;
import dev.vla.model.Observation;
import dev.vla.model.Policy;
import dev.vla.model.Rigid;
import dev.vla.model.TargetLifter;
import dev.vla.model.language.UtteranceKind;
import dev.vla.model.language.Utterances;
import dev.vla.ros.Topics;
import dev.vla.ros.msg.CameraInfo;
import dev.vla.ros.msg.DiagnosticArray;
import dev.vla.ros.msg.Image;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.transport.Publisher;
import dev.vla.ros.transport.Transport;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The decision stage: keeps the current instruction (with corrections and queued additions), and
 * whenever the executor has finished the last call and a fresh camera frame has arrived, asks the
 * policy for the next call, lifts its target pixel to a point in {@code odom} and publishes it on
 * {@code /vla/affordance_call}. Interruption semantics of DESIGN §2: a stop clears the instruction
 * (the executor already halted); a correction cancels the running skill and replans the amended
 * instruction; an addition is queued; wait and continue pause decisions.
 */
public final class VlaNode extends Node {
  /**
   * Settings.
   *
   * @param maxCallsPerInstruction give up (ask) after this many calls for one instruction
   * @param frameStaleSeconds no decisions on frames older than this
   * @param regionsInMap named regions of the map: name → {x, y} in the {@code map} frame
   * @param modelTimeout a decision that takes longer is abandoned: the robot is told to stop, the
   *     late answer is thrown away and the node decides again on a fresh frame. Zero waits for every
   *     decision (lock-step evaluation, where the world waits too)
   */
  public record Config(int maxCallsPerInstruction, double frameStaleSeconds, Map<String, double[]> regionsInMap,
      Duration modelTimeout) {
    public Config {
      if (maxCallsPerInstruction < 1) {
        throw new IllegalArgumentException("vla.max_calls_per_instruction must be at least 1");
      }
      if (!(frameStaleSeconds > 0)) {
        throw new IllegalArgumentException("vla.frame_stale must be positive, got " + frameStaleSeconds);
      }
      if (modelTimeout == null || modelTimeout.isNegative()) {
        throw new IllegalArgumentException("vla.model_timeout must be zero or more seconds");
      }
      regionsInMap = Map.copyOf(regionsInMap);
    }

    /** Frames older than the safety supervisor's camera deadline (0.5 s) are not decided on; no model timeout. */
    public static Config defaults(Map<String, double[]> regions) {
      return new Config(40, 0.5, regions, Duration.ZERO);
    }

    public Config withModelTimeout(Duration timeout) {
      return new Config(maxCallsPerInstruction, frameStaleSeconds, regionsInMap, timeout);
    }
  }

  /** What the node did, for progress output and episode records. */
  public record Event(long stampNanos, String kind, String text, Optional<AffordanceCall> call) {}

  private static final AtomicLong CALL_IDS = new AtomicLong(1);

  private final Policy policy;
  private final Config config;
  private final Consumer<Event> events;
  private final Publisher<AffordanceCall> calls;
  private final Publisher<Image> debugImage;
  private final TfBuffer tf = new TfBuffer();
  private final RobotStateAssembler state = new RobotStateAssembler(RobotGeometry.standard());
  private Image color;
  private Image depth;
  private CameraInfo info;

  private String instruction;
  private long instructionId;
  private final Deque<String> additions = new ArrayDeque<>();
  private final List<HistoryStep> history = new ArrayList<>();
  private long awaitingCall = -1;
  private AffordanceCall lastCall;
  private long readyAfter = Long.MIN_VALUE;
  private boolean stopSeen;
  /** An instruction is active and not paused: read by the transport thread to wake the node. */
  private volatile boolean deciding;
  private boolean paused;
  private boolean waitingForCamera;
  private long now;
  /** Runs decisions when they have a deadline; null without one. */
  private final ExecutorService decider;
  /** A decision that overran its deadline and is still running: nothing new starts before it ends. */
  private Future<Decision> overdue;
  private int timeoutsInARow;
  private int failuresInARow;
  /** Policy resets asked for while an abandoned decision still runs on the policy: applied when it ends. */
  private boolean resetWhenFree;
  private boolean dropWhenFree;
  // For /diagnostics (read on its thread).
  private final AtomicLong modelTimeouts = new AtomicLong();
  private final AtomicLong policyFailures = new AtomicLong();
  private volatile String lastProblem = "";
  /** A latched emergency stop: no instructions until it is reset (also read by /diagnostics). */
  private volatile boolean stopLatched;

  public VlaNode(Transport transport, Policy policy, Config config, Consumer<Event> events) {
    super("vla", transport);
    this.policy = policy;
    this.config = config;
    this.events = events;
    this.calls = publisher(Topics.AFFORDANCE_CALL);
    this.debugImage = publisher(Topics.DEBUG_IMAGE);
    subscribeLatest(Topics.COLOR, m -> color = m);
    subscribeLatest(Topics.DEPTH, m -> depth = m);
    // A depth frame completes an observation (colour is published first): with an instruction waiting,
    // decide at once instead of at the next scheduled tick.
    subscribeImmediate(Topics.DEPTH, m -> {
      if (deciding) {
        wake();
      }
    });
    subscribeLatest(Topics.CAMERA_INFO, m -> info = m);
    subscribe(Topics.TF, tf::add);
    subscribeImmediate(Topics.ODOM, state::odom);
    subscribeImmediate(Topics.JOINT_STATES, state::joints);
    subscribe(Topics.INSTRUCTION, this::onUtterance);
    subscribe(Topics.SKILL_STATUS, this::onStatus);
    subscribe(Topics.ESTOP, b -> {
      if (b.data() && !stopLatched) {
        stopLatched = true;
        emit("estop", "emergency stop: instruction \"" + (instruction == null ? "" : instruction)
            + "\" dropped; nothing runs until " + Topics.ESTOP_RESET.name(), null);
        clearInstruction();
        paused = false;
      }
    });
    subscribe(Topics.ESTOP_RESET, e -> {
      if (stopLatched) {
        stopLatched = false;
        emit("estop", "emergency stop released; waiting for an instruction", null);
      }
    });
    this.decider = config.modelTimeout().isZero() ? null : Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "vla-decide");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public Duration period() {
    return hz(50);
  }

  public Policy policy() {
    return policy;
  }

  private void onUtterance(StringMsg msg) {
    String text = msg.data() == null ? "" : msg.data().trim();
    if (text.length() > 1000) {
      emit("rejected", "instruction of " + text.length() + " characters ignored (at most 1000)", null);
      return;
    }
    if (stopLatched && !text.isEmpty()) {
      emit("rejected", "emergency stop engaged: \"" + text + "\" ignored; publish on " + Topics.ESTOP_RESET.name()
          + " first", null);
      return;
    }
    if (text.equals(Utterances.UNINTELLIGIBLE)) {
      askToRepeat();
      return;
    }
    UtteranceKind kind = Utterances.classify(text);
    switch (kind) {
      case STOP -> {
        emit("stop", "stop: clearing \"" + (instruction == null ? "" : instruction) + "\"", null);
        clearInstruction();
        paused = false;
        stopSeen = true; // the robot was moving: the next decision needs a frame taken after the stop
      }
      case WAIT -> {
        paused = true;
        emit("wait", "paused; say \"continue\" to resume", null);
      }
      case CONTINUE -> {
        paused = false;
        emit("continue", "resuming", null);
      }
      case CORRECTION -> {
        if (instruction == null) {
          startInstruction(Utterances.strippedOpener(text));
        } else {
          instruction = instruction + ". " + text;
          paused = false;
          dropQueuedCalls();
          cancelRunning("correction: \"" + text + "\"");
          emit("correction", "instruction is now \"" + instruction + "\"", null);
        }
      }
      case ADDITION -> {
        String rest = Utterances.strippedOpener(text);
        if (instruction == null) {
          startInstruction(rest);
        } else {
          additions.add(rest);
          emit("addition", "queued \"" + rest + "\" after the current instruction", null);
        }
      }
      case INSTRUCTION -> {
        if (instruction != null) {
          cancelRunning("new instruction: \"" + text + "\"");
        }
        additions.clear();
        startInstruction(text);
      }
      case CHATTER -> emit("ignored", "nothing to act on in \"" + text + "\"", null);
    }
  }

  /** Speech the recogniser could not place: when idle, ask the person to say it again instead of guessing. */
  private void askToRepeat() {
    if (instruction != null || awaitingCall >= 0) {
      emit("ignored", "unintelligible speech while busy with \"" + instruction + "\"", null);
      return;
    }
    instructionId++;
    AffordanceCall ask = new AffordanceCall(0, "ask", Map.of("question", "Sorry, I did not catch that. Could you say it again?"),
        Optional.empty(), Optional.empty(), 1.0, 1.0, instructionId, now);
    publish(ask, "the speech stage could not understand what was said");
  }

  private void startInstruction(String text) {
    instruction = text;
    instructionId++;
    history.clear();
    resetPolicy();
    paused = false;
    emit("instruction", "instruction #" + instructionId + ": \"" + text + "\"", null);
  }

  private void clearInstruction() {
    instruction = null;
    additions.clear();
    history.clear();
    dropQueuedCalls();
    awaitingCall = -1;
  }

  /** Ends the running skill through the executor (a stop call) before replanning. */
  private void cancelRunning(String why) {
    if (awaitingCall < 0) {
      return;
    }
    AffordanceCall stop = new AffordanceCall(CALL_IDS.getAndIncrement(), "stop", Map.of("reason", why), Optional.empty(),
        Optional.empty(), 1.0, 1.0, instructionId, now);
    awaitingCall = stop.callId();
    calls.publish(stop);
    emit("cancel", why, stop);
  }

  private void onStatus(SkillStatus s) {
    if (s.callId() == 0 && s.skill().equals(ExecutorNode.SKILL) && s.reason().equals(ExecutorNode.STARTED)) {
      onExecutorRestart();
      return;
    }
    if (s.callId() != awaitingCall || !s.state().terminal()) {
      return;
    }
    awaitingCall = -1;
    readyAfter = s.stampNanos();
    if (s.skill().equals("stop")) {
      return; // a cancel for a correction: replan without recording it
    }
    AffordanceCall last = lastCall;
    if (last != null && last.callId() == s.callId()) {
      history.add(new HistoryStep(last, s.state(), s.reason()));
    }
    if (s.state() == SkillStatus.State.SUCCEEDED && (s.skill().equals("done") || s.skill().equals("ask"))) {
      if (s.skill().equals("done") && !additions.isEmpty()) {
        startInstruction(additions.poll());
      } else {
        instruction = null;
        additions.clear();
      }
    }
  }

  /** A new executor process: the call this node waited for died with the old one. */
  private void onExecutorRestart() {
    if (awaitingCall < 0) {
      return;
    }
    AffordanceCall last = lastCall;
    if (last != null && last.callId() == awaitingCall) {
      history.add(new HistoryStep(last, SkillStatus.State.FAILED, "the executor restarted while it ran"));
    }
    emit("executor", "the executor restarted; call #" + awaitingCall + " is lost, deciding again", null);
    awaitingCall = -1;
    readyAfter = now;
  }

  @Override
  protected void onTick(long nowNanos) {
    now = nowNanos;
    if (stopSeen) {
      // Handlers run before the tick's clock is read: frames stamped up to now were taken before the stop.
      stopSeen = false;
      readyAfter = nowNanos;
    }
    if (overdue != null) {
      if (!overdue.isDone()) {
        return; // the model is still stuck on an abandoned decision
      }
      overdue = null;
      if (dropWhenFree) {
        policy.dropQueued();
      }
      if (resetWhenFree) {
        policy.reset();
      }
      dropWhenFree = false;
      resetWhenFree = false;
      emit("model", "the late decision finished and was thrown away; deciding again", null);
    }
    deciding = instruction != null && !paused && awaitingCall < 0;
    if (instruction == null || paused || awaitingCall >= 0) {
      return;
    }
    Optional<Observation> obs = observation();
    if (obs.isEmpty()) {
      return;
    }
    if (history.size() >= config.maxCallsPerInstruction()) {
      publish(new AffordanceCall(0, "ask", Map.of("question", "I could not finish \"" + instruction + "\" after "
          + history.size() + " steps. What should I do?"), Optional.empty(), Optional.empty(), 1.0, 1.0, 0, 0),
          "step budget spent");
      return;
    }
    long t0 = System.nanoTime();
    Decision d;
    try {
      d = decide(obs.get());
    } catch (TimeoutException e) {
      onModelTimeout((System.nanoTime() - t0) / 1e6);
      return;
    } catch (RuntimeException e) {
      // One clear line when the policy starts failing (it is retried on every new frame), the stack
      // trace only for whoever turns debugging on.
      policyFailures.incrementAndGet();
      lastProblem = "policy failed: " + e.getMessage();
      log.log(Level.DEBUG, "vla: policy failure", e);
      if (failuresInARow++ == 0) {
        log.log(Level.ERROR, "vla: policy " + policy.name() + " failed: " + e + "; retrying on each new frame");
        emit("error", "policy " + policy.name() + " failed: " + e.getMessage() + "; holding still, retrying", null);
      }
      readyAfter = now;
      return;
    }
    if (failuresInARow > 0) {
      emit("model", "policy " + policy.name() + " answers again after " + failuresInARow + " failed decisions", null);
      failuresInARow = 0;
    }
    timeoutsInARow = 0;
    lastProblem = "";
    double ms = (System.nanoTime() - t0) / 1e6;
    if (d.call().isEmpty()) {
      readyAfter = now;
      return;
    }
    AffordanceCall call = d.call().get();
    if (call.skill().equals("done") && !additions.isEmpty()) {
      // "done" means the whole request; with more queued, go straight on to the next part.
      emit("next", "finished \"" + instruction + "\"", null);
      startInstruction(additions.poll());
      readyAfter = now;
      return;
    }
    if (call.targetPixel().isPresent() && call.targetPoint().isEmpty()) {
      Optional<Point3> point = TargetLifter.lift(obs.get(), call.targetPixel().get());
      if (point.isEmpty()) {
        history.add(new HistoryStep(call, SkillStatus.State.REJECTED, "no depth near the target pixel"));
        emit("rejected", call + ": no depth near the target pixel", call);
        readyAfter = now;
        return;
      }
      call = call.withTargetPoint(point.get());
    } else if (call.skill().equals("navigate") && call.targetPoint().isEmpty()) {
      Optional<Point3> region = region(call.arg("to").orElse(""));
      if (region.isPresent()) {
        call = call.withTargetPoint(region.get());
      }
    }
    publish(call, String.format(java.util.Locale.ROOT, "%s (%.1f ms)", d.explanation(), ms));
  }

  /** The policy is not thread-safe: while an abandoned decision still runs on it, changes wait for it. */
  private void resetPolicy() {
    if (overdue != null) {
      resetWhenFree = true;
    } else {
      policy.reset();
    }
  }

  private void dropQueuedCalls() {
    if (overdue != null) {
      dropWhenFree = true;
    } else {
      policy.dropQueued();
    }
  }

  /** The policy's decision, within the model timeout when there is one. */
  private Decision decide(Observation obs) throws TimeoutException {
    if (decider == null) {
      return policy.decide(obs);
    }
    Future<Decision> f = decider.submit(() -> policy.decide(obs));
    try {
      return f.get(config.modelTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      overdue = f;
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(String.valueOf(cause), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      throw new IllegalStateException("interrupted while deciding", e);
    }
  }

  /**
   * The model overran its deadline. Decisions are only made while the executor is idle, but a stop
   * goes out anyway so nothing started elsewhere keeps moving; after three in a row the person is asked.
   */
  private void onModelTimeout(double ms) {
    timeoutsInARow++;
    modelTimeouts.incrementAndGet();
    String why = String.format(java.util.Locale.ROOT, "model timeout: %s took more than %d ms (%.0f ms so far)",
        policy.name(), config.modelTimeout().toMillis(), ms);
    lastProblem = why;
    emit("model", why + "; robot stopped, deciding again when the model answers", null);
    AffordanceCall stop = new AffordanceCall(CALL_IDS.getAndIncrement(), "stop", Map.of("reason", why), Optional.empty(),
        Optional.empty(), 1.0, 1.0, instructionId, now);
    awaitingCall = stop.callId();
    calls.publish(stop);
    readyAfter = now;
    if (timeoutsInARow >= 3) {
      timeoutsInARow = 0;
      String question = "My model is not answering in time, so I stopped. Should I try \"" + instruction + "\" again?";
      clearInstruction();
      instructionId++;
      publish(new AffordanceCall(0, "ask", Map.of("question", question), Optional.empty(), Optional.empty(), 1.0, 1.0,
          instructionId, now), "three model timeouts in a row");
    }
  }

  private void publish(AffordanceCall call, String explanation) {
    AffordanceCall out = call.withCallId(CALL_IDS.getAndIncrement()).withInstruction(instructionId, now);
    lastCall = out;
    awaitingCall = out.callId();
    calls.publish(out);
    emit("call", out + " — " + explanation, out);
    publishDebugImage(out, explanation);
  }

  /** /vla/debug/image: the frame the call was decided on, with its target and the call drawn on it. */
  private void publishDebugImage(AffordanceCall call, String explanation) {
    Image c = color;
    if (c == null) {
      return;
    }
    try {
      byte[] drawn = DebugOverlay.draw(c.rgbPacked(), c.width(), c.height(), call.targetPixel(),
          List.of(call.toString(), explanation, "instruction: " + (instruction == null ? "" : instruction)));
      debugImage.publish(Image.rgb8(c.header(), c.width(), c.height(), drawn));
    } catch (IllegalArgumentException e) {
      log.log(Level.WARNING, "vla: no debug image: " + e.getMessage());
    }
  }

  private Optional<Point3> region(String name) {
    double[] xy = config.regionsInMap().get(name);
    if (xy == null) {
      return Optional.empty();
    }
    Optional<Rigid> odomFromMap = tf.lookup(Topics.MAP, Topics.ODOM_FRAME).map(Rigid::inverse);
    double[] p = odomFromMap.map(t -> t.apply(xy[0], xy[1], 0)).orElse(new double[] {xy[0], xy[1], 0});
    return Optional.of(new Point3(Topics.ODOM_FRAME, p[0], p[1], 0));
  }

  /** The newest synchronised colour + depth frame newer than the last skill's end, as an observation. */
  private Optional<Observation> observation() {
    Image c = color;
    Image d = depth;
    CameraInfo ci = info;
    if (c == null || d == null || ci == null || c.header().stampNanos() != d.header().stampNanos()) {
      return Optional.empty();
    }
    long stamp = c.header().stampNanos();
    if (stamp < readyAfter) {
      return Optional.empty();
    }
    if ((now - stamp) / 1e9 > config.frameStaleSeconds()) {
      if (!waitingForCamera) {
        waitingForCamera = true;
        emit("camera", "waiting for camera: newest frame is " + String.format(java.util.Locale.ROOT, "%.1f",
            (now - stamp) / 1e9) + " s old", null);
      }
      return Optional.empty();
    }
    waitingForCamera = false;
    Optional<Rigid> odomFromOptical = tf.lookup(Topics.ODOM_FRAME, c.header().frameId());
    if (odomFromOptical.isEmpty()) {
      return Optional.empty();
    }
    byte[] rgb;
    float[] metres;
    CameraIntrinsics k;
    try {
      rgb = c.rgbPacked();
      metres = d.depthMetres();
      if (d.width() != c.width() || d.height() != c.height()) {
        throw new IllegalArgumentException("depth is " + d.width() + "x" + d.height() + " but colour is "
            + c.width() + "x" + c.height());
      }
      k = new CameraIntrinsics(c.width(), c.height(), ci.k()[0], ci.k()[4], ci.k()[2], ci.k()[5]);
    } catch (IllegalArgumentException e) {
      emit("camera", "bad camera frame: " + e.getMessage(), null);
      readyAfter = stamp + 1;
      return Optional.empty();
    }
    Map<String, double[]> regions = new LinkedHashMap<>();
    for (String name : config.regionsInMap().keySet()) {
      region(name).ifPresent(p -> regions.put(name, new double[] {p.x(), p.y()}));
    }
    return Optional.of(new Observation(stamp, rgb, metres, k, odomFromOptical.get(), state.state(now),
        instruction, instructionId, history, regions));
  }

  private void emit(String kind, String text, AffordanceCall call) {
    events.accept(new Event(now, kind, text, Optional.ofNullable(call)));
  }

  @Override
  public DiagnosticArray.Status diagnose() {
    DiagnosticArray.Status base = super.diagnose();
    Map<String, String> values = new LinkedHashMap<>(base.values());
    values.put("policy", policy.name());
    values.put("model_timeouts", Long.toString(modelTimeouts.get()));
    values.put("policy_failures", Long.toString(policyFailures.get()));
    values.put("emergency_stop", Boolean.toString(stopLatched));
    String problem = lastProblem;
    boolean trouble = stopLatched || !problem.isEmpty();
    DiagnosticArray.Level level = trouble && base.level() == DiagnosticArray.Level.OK ? DiagnosticArray.Level.WARN : base.level();
    String message = stopLatched ? "emergency stop engaged: no decisions until it is reset"
        : problem.isEmpty() ? base.message() : "last problem: " + problem;
    return new DiagnosticArray.Status(level, base.name(), message, base.hardwareId(), values);
  }

  @Override
  protected void onClose() {
    if (decider != null) {
      decider.shutdownNow();
    }
  }

  /** True when there is no instruction in progress and nothing queued. */
  public boolean idle() {
    return instruction == null && awaitingCall < 0;
  }

}
