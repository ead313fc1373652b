package dev.vla.affordances;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs affordance calls as skills on one thread. Calls and interruptions may arrive from any thread
 * ({@link #submit}, {@link #interrupt}); they are queued, bounded, and applied in arrival order at the
 * top of the next {@link #tick}, which only the executor's own thread calls.
 *
 * <p>Rules (DESIGN §2, STYLE): the executor alone calls a skill's {@code start/step/end}, and
 * {@code end} runs exactly once per started skill. A call needing a resource that a running skill
 * holds cancels the holder. {@code STOP} cancels everything, drops what is queued or paused and holds
 * position; {@code PAUSE} ("wait") ends the running skills and keeps their calls; {@code RESUME}
 * ("continue") starts them again from the robot's current state; {@code CANCEL} (a correction) ends
 * everything so the policy can replan. After any cancellation the executor itself commands zero base
 * velocity and holds the arm, so the robot is still whatever the skill's {@code end} did (bounded
 * cancel); an {@code end} that throws or overruns its deadline is reported.
 */
public final class Executor {
  private static final Logger LOG = System.getLogger("executor");

  /** Interruptions a person or the speech stage can send. */
  public enum Interrupt {
    /** Cancel everything and hold position. */
    STOP,
    /** Suspend what is running ("wait", "pause"). */
    PAUSE,
    /** Resume what was suspended ("continue"). */
    RESUME,
    /** Cancel everything because the instruction changed (a correction); the policy replans. */
    CANCEL
  }

  /**
   * Executor settings.
   *
   * @param inputCapacity most calls and interruptions queued between two ticks; more are rejected
   * @param cancelDeadline longest a skill's {@code end} may take before it is reported as overrunning
   */
  public record Config(int inputCapacity, Duration cancelDeadline) {
    public Config {
      if (inputCapacity < 1) {
        throw new IllegalArgumentException("executor.input_capacity must be at least 1, got " + inputCapacity);
      }
      if (cancelDeadline.isNegative() || cancelDeadline.isZero()) {
        throw new IllegalArgumentException("executor.cancel_deadline must be positive");
      }
    }

    public static Config defaults() {
      return new Config(64, Duration.ofMillis(50));
    }
  }

  private sealed interface Input permits Submit, Signal {}

  private record Submit(AffordanceCall call) implements Input {}

  private record Signal(Interrupt kind, String reason) implements Input {}

  private static final class Active {
    final AffordanceCall call;
    final SkillSpec spec;
    final Skill skill;
    final long startNanos;
    boolean ended;

    Active(AffordanceCall call, SkillSpec spec, Skill skill, long startNanos) {
      this.call = call;
      this.spec = spec;
      this.skill = skill;
      this.startNanos = startNanos;
    }
  }

  private final SkillRegistry registry;
  private final MotionPort motion;
  private final Supplier<RobotState> stateSource;
  private final RobotGeometry geometry;
  private final Consumer<SkillStatus> statusSink;
  private final Config config;

  private final ConcurrentLinkedQueue<Input> inputs = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong nextCallId = new AtomicLong(1);
  private volatile Runnable wakeup = () -> {};
  private volatile boolean idle = true;
  private volatile boolean paused;
  /** Why calls are refused (a latched emergency stop); null when they are not. */
  private volatile String latched;

  // Executor-thread state.
  private final List<Active> active = new ArrayList<>();
  private final List<AffordanceCall> suspended = new ArrayList<>();
  private RobotState state;
  private long now;

  public Executor(
      SkillRegistry registry,
      MotionPort motion,
      Supplier<RobotState> stateSource,
      RobotGeometry geometry,
      Consumer<SkillStatus> statusSink,
      Config config) {
    this.registry = registry;
    this.motion = motion;
    this.stateSource = stateSource;
    this.geometry = geometry;
    this.statusSink = statusSink;
    this.config = config;
  }

  /** Called (from the submitting thread) whenever a stop arrives, so a runner can tick at once. */
  public void setWakeup(Runnable wakeup) {
    this.wakeup = wakeup;
  }

  /**
   * Queues a call; thread-safe. Returns the id it will run under, or 0 when the queue was full (the
   * call is then reported REJECTED).
   */
  public long submit(AffordanceCall call) {
    AffordanceCall withId = call.callId() == 0 ? call.withCallId(nextCallId.getAndIncrement()) : call;
    if (!offer(new Submit(withId))) {
      statusSink.accept(new SkillStatus(withId.callId(), withId.skill(), SkillStatus.State.REJECTED,
          "executor input queue full (" + config.inputCapacity() + ")", withId.instructionId(), now));
      return 0;
    }
    idle = false;
    return withId.callId();
  }

  /** Queues an interruption; thread-safe. A stop is never dropped and wakes the executor thread. */
  public void interrupt(Interrupt kind, String reason) {
    Signal signal = new Signal(kind, reason == null ? kind.name().toLowerCase(Locale.ROOT) : reason);
    if (kind == Interrupt.STOP) {
      inputs.add(signal);
      queued.incrementAndGet();
      wakeup.run();
    } else if (!offer(signal)) {
      LOG.log(Level.WARNING, "input queue full; dropped interruption {0}", kind);
    }
  }

  /**
   * An emergency stop: stops everything now (as {@link Interrupt#STOP}) and refuses every call until
   * {@link #releaseLatchedStop}. Thread-safe.
   */
  public void latchStop(String reason) {
    if (latched == null) {
      latched = reason;
      interrupt(Interrupt.STOP, reason);
    }
  }

  /** Accepts calls again after {@link #latchStop}; nothing that was stopped resumes. Thread-safe. */
  public void releaseLatchedStop() {
    latched = null;
  }

  /** The latched stop's reason, or empty. */
  public Optional<String> latchedStop() {
    return Optional.ofNullable(latched);
  }

  private boolean offer(Input input) {
    if (queued.incrementAndGet() > config.inputCapacity()) {
      queued.decrementAndGet();
      return false;
    }
    inputs.add(input);
    return true;
  }

  /** True when nothing is running, queued or paused; safe to read from any thread. */
  public boolean idle() {
    return idle;
  }

  public boolean paused() {
    return paused;
  }

  /** One control cycle: apply queued inputs, then step every running skill. Executor thread only. */
  public void tick(long nowNanos) {
    now = nowNanos;
    state = stateSource.get();
    List<Input> batch = new ArrayList<>();
    Input input;
    while ((input = inputs.poll()) != null) {
      queued.decrementAndGet();
      batch.add(input);
    }
    // A stop outranks everything queued before it: those calls never start.
    int lastStop = -1;
    for (int i = 0; i < batch.size(); i++) {
      if (batch.get(i) instanceof Signal sig && sig.kind() == Interrupt.STOP) {
        lastStop = i;
      }
    }
    if (lastStop >= 0) {
      String reason = ((Signal) batch.get(lastStop)).reason();
      for (Input earlier : batch.subList(0, lastStop)) {
        if (earlier instanceof Submit s) {
          report(s.call(), SkillStatus.State.CANCELLED, reason);
        }
      }
      stopAll(reason);
    }
    for (Input later : batch.subList(lastStop + 1, batch.size())) {
      if (later instanceof Submit s) {
        accept(s.call());
      } else if (later instanceof Signal sig) {
        apply(sig);
      }
    }
    Iterator<Active> it = active.iterator();
    while (it.hasNext()) {
      Active a = it.next();
      SkillResult result = stepSafely(a);
      if (result instanceof SkillResult.Running) {
        continue;
      }
      it.remove();
      if (result instanceof SkillResult.Succeeded ok) {
        finish(a, false, SkillStatus.State.SUCCEEDED, ok.detail());
      } else if (result instanceof SkillResult.Failed f) {
        finish(a, f.reason().startsWith("timed out") || f.reason().startsWith("skill threw"),
            SkillStatus.State.FAILED, f.reason());
      }
    }
    idle = active.isEmpty() && suspended.isEmpty() && queued.get() == 0;
  }

  private SkillResult stepSafely(Active a) {
    long limit = a.spec.timeout().toNanos();
    if (now - a.startNanos > limit) {
      return SkillResult.failed("timed out after " + a.spec.timeout().toSeconds() + " s");
    }
    try {
      SkillResult r = a.skill.step(now);
      return r == null ? SkillResult.failed("skill threw: step returned null") : r;
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "skill " + a.spec.name() + " threw in step", e);
      return SkillResult.failed("skill threw: " + e);
    }
  }

  private void accept(AffordanceCall call) {
    List<String> problems = registry.validate(call);
    if (!problems.isEmpty()) {
      report(call, SkillStatus.State.REJECTED, String.join("; ", problems));
      return;
    }
    SkillSpec spec = registry.get(call.skill());
    String stopped = latched;
    if (stopped != null && !spec.name().equals("stop")) {
      report(call, SkillStatus.State.REJECTED, stopped + " is engaged; publish on /vla/estop/reset to release it");
      return;
    }
    if (spec.name().equals("stop")) {
      String reason = call.arg("reason").orElse("stop requested by call #" + call.callId());
      stopAll(reason);
      report(call, SkillStatus.State.SUCCEEDED, "stopped: " + reason);
      return;
    }
    if (paused) {
      suspended.add(call);
      report(call, SkillStatus.State.PAUSED, "queued while paused; say \"continue\" to run it");
      return;
    }
    for (Precondition p : spec.preconditions()) {
      Optional<String> why = p.violated(state);
      if (why.isPresent()) {
        report(call, SkillStatus.State.REJECTED, spec.name() + " " + why.get());
        return;
      }
    }
    start(call, spec, false);
  }

  private void start(AffordanceCall call, SkillSpec spec, boolean resumed) {
    Set<Resource> needed = spec.resources().isEmpty() ? EnumSet.noneOf(Resource.class) : EnumSet.copyOf(spec.resources());
    Iterator<Active> it = active.iterator();
    while (it.hasNext()) {
      Active holder = it.next();
      if (holder.spec.resources().stream().anyMatch(needed::contains)) {
        it.remove();
        finish(holder, true, SkillStatus.State.CANCELLED, "preempted by " + spec.name() + " #" + call.callId());
      }
    }
    Skill skill;
    try {
      skill = spec.factory().get();
      skill.start(call, new SkillContext(motion, this::currentState, geometry, now, resumed));
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "skill " + spec.name() + " threw in start", e);
      report(call, SkillStatus.State.FAILED, "skill threw on start: " + e);
      holdResources(spec.resources());
      return;
    }
    Active a = new Active(call, spec, skill, now);
    active.add(a);
    report(call, SkillStatus.State.RUNNING, resumed ? "resumed" : "");
  }

  private RobotState currentState() {
    return state;
  }

  private void apply(Signal signal) {
    switch (signal.kind()) {
      case STOP -> stopAll(signal.reason());
      case CANCEL -> {
        paused = false;
        for (AffordanceCall c : suspended) {
          report(c, SkillStatus.State.CANCELLED, signal.reason());
        }
        suspended.clear();
        cancelActive(signal.reason());
      }
      case PAUSE -> {
        if (paused) {
          return;
        }
        paused = true;
        for (Active a : List.copyOf(active)) {
          active.remove(a);
          end(a, true);
          suspended.add(a.call);
          report(a.call, SkillStatus.State.PAUSED, signal.reason());
        }
        holdEverything();
      }
      case RESUME -> {
        if (!paused) {
          return;
        }
        paused = false;
        List<AffordanceCall> toResume = List.copyOf(suspended);
        suspended.clear();
        for (AffordanceCall c : toResume) {
          start(c, registry.get(c.skill()), true);
        }
      }
    }
  }

  private void stopAll(String reason) {
    paused = false;
    for (AffordanceCall c : suspended) {
      report(c, SkillStatus.State.CANCELLED, reason);
    }
    suspended.clear();
    cancelActive(reason);
    holdEverything();
  }

  private void cancelActive(String reason) {
    for (Active a : List.copyOf(active)) {
      active.remove(a);
      finish(a, true, SkillStatus.State.CANCELLED, reason);
    }
  }

  private void finish(Active a, boolean interrupted, SkillStatus.State outcome, String reason) {
    String overrun = end(a, interrupted);
    if (interrupted || !overrun.isEmpty()) {
      holdResources(a.spec.resources());
    } else if (outcome != SkillStatus.State.SUCCEEDED && a.spec.resources().contains(Resource.BASE)) {
      motion.baseVelocity(0, 0); // a failed skill parks its arm itself; the base stops regardless
    }
    report(a.call, outcome, overrun.isEmpty() ? reason : reason + "; " + overrun);
  }

  /** Calls {@code end} at most once; returns a note when it threw or overran its deadline. */
  private String end(Active a, boolean interrupted) {
    if (a.ended) {
      return "";
    }
    a.ended = true;
    long t0 = System.nanoTime();
    String note = "";
    try {
      a.skill.end(interrupted);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "skill " + a.spec.name() + " threw in end", e);
      note = "end() threw " + e + "; actuators zeroed by the executor";
    }
    long tookNanos = System.nanoTime() - t0;
    if (tookNanos > config.cancelDeadline().toNanos()) {
      note = String.format(Locale.ROOT, "end() took %.1f ms (deadline %d ms); actuators zeroed by the executor",
          tookNanos / 1e6, config.cancelDeadline().toMillis());
      LOG.log(Level.WARNING, "{0}: {1}", a.spec.name(), note);
    }
    return note;
  }

  private void holdEverything() {
    holdResources(EnumSet.of(Resource.BASE, Resource.ARM));
  }

  /** Zero base velocity and freeze the arm where it is; the gripper keeps what it holds. */
  private void holdResources(Set<Resource> resources) {
    if (resources.contains(Resource.BASE)) {
      motion.baseVelocity(0, 0);
    }
    if (resources.contains(Resource.ARM) && state != null) {
      motion.armTrajectory(state.armJoints(), 0);
    }
  }

  private void report(AffordanceCall call, SkillStatus.State s, String reason) {
    statusSink.accept(new SkillStatus(call.callId(), call.skill(), s, reason, call.instructionId(), now));
  }
}
