package dev.vla.affordances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.SkillStatus.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the executor tick by tick with a fake clock; no threads, no sleeps. */
class ExecutorTest {
  static final long TICK = 20_000_000L; // 50 Hz

  RecordingMotion motion;
  List<SkillStatus> statuses;
  RobotState state;
  Executor executor;
  long now;

  @BeforeEach
  void setUp() {
    CountingSkill.INSTANCES.clear();
    motion = new RecordingMotion();
    statuses = new ArrayList<>();
    state = RobotState.initial(RobotGeometry.standard());
    SkillRegistry registry = new SkillRegistry()
        .register(spec("drive", EnumSet.of(Resource.BASE), 10, false, false, List.of()))
        .register(spec("long_drive", EnumSet.of(Resource.BASE), 1000, false, false, List.of()))
        .register(spec("wave", EnumSet.of(Resource.ARM), 1000, false, false, List.of()))
        .register(spec("flop", EnumSet.of(Resource.BASE), 3, true, false, List.of()))
        .register(spec("brittle", EnumSet.of(Resource.BASE), 1000, false, true, List.of()))
        .register(spec("drop", EnumSet.of(Resource.ARM), 5, false, false, List.of(Precondition.HOLDING)))
        .register(new SkillSpec("stop", "halt", List.of(), Set.of(), false, List.of(), Duration.ofSeconds(1),
            () -> new CountingSkill(1, false, false), null))
        .register(new SkillSpec("slow", "times out", List.of(), EnumSet.of(Resource.BASE), false, List.of(),
            Duration.ofMillis(100), () -> new CountingSkill(1000, false, false), null));
    executor = new Executor(registry, motion, () -> state, RobotGeometry.standard(), statuses::add,
        Executor.Config.defaults());
    now = 0;
  }

  static SkillSpec spec(String name, Set<Resource> res, int steps, boolean fail, boolean throwInEnd,
      List<Precondition> pre) {
    return new SkillSpec(name, name, List.of(ParamSpec.optional("target", ParamSpec.Type.OBJECT)), res, false, pre,
        Duration.ofSeconds(30), () -> new CountingSkill(steps, fail, throwInEnd), null);
  }

  void tick(int n) {
    for (int i = 0; i < n; i++) {
      now += TICK;
      executor.tick(now);
    }
  }

  long submit(String skill) {
    return executor.submit(AffordanceCall.of(skill, Map.of()));
  }

  List<State> statesOf(long callId) {
    return statuses.stream().filter(s -> s.callId() == callId).map(SkillStatus::state).toList();
  }

  @Test
  void runsASkillToSuccessAndEndsItOnceNotInterrupted() {
    long id = submit("drive");
    tick(12);
    assertEquals(List.of(State.RUNNING, State.SUCCEEDED), statesOf(id));
    CountingSkill s = CountingSkill.INSTANCES.get(0);
    assertEquals(1, s.starts);
    assertEquals(10, s.steps);
    assertEquals(1, s.ends);
    assertFalse(s.endedInterrupted);
    assertTrue(executor.idle());
  }

  @Test
  void aFailingSkillIsReportedWithItsReasonAndTheBaseIsZeroed() {
    long id = submit("flop");
    tick(5);
    SkillStatus last = statuses.get(statuses.size() - 1);
    assertEquals(id, last.callId());
    assertEquals(State.FAILED, last.state());
    assertEquals("could not", last.reason());
    assertEquals(0.0, motion.linear);
    assertEquals(1, CountingSkill.INSTANCES.get(0).ends);
  }

  @Test
  void aCallNeedingABusyResourcePreemptsTheHolder() {
    long first = submit("long_drive");
    tick(3);
    long second = submit("drive");
    tick(1);
    assertEquals(List.of(State.RUNNING, State.CANCELLED), statesOf(first));
    assertTrue(statuses.stream().anyMatch(s -> s.callId() == first && s.reason().contains("preempted by drive")));
    CountingSkill holder = CountingSkill.INSTANCES.get(0);
    assertEquals(1, holder.ends);
    assertTrue(holder.endedInterrupted);
    assertEquals(List.of(State.RUNNING), statesOf(second));
  }

  @Test
  void skillsOnDifferentResourcesRunTogether() {
    long base = submit("long_drive");
    long arm = submit("wave");
    tick(5);
    assertEquals(List.of(State.RUNNING), statesOf(base));
    assertEquals(List.of(State.RUNNING), statesOf(arm));
    assertEquals(5, CountingSkill.INSTANCES.get(0).steps);
    assertEquals(5, CountingSkill.INSTANCES.get(1).steps);
  }

  @Test
  void stopCancelsEverythingDropsQueuedCallsAndZeroesTheBase() {
    long a = submit("long_drive");
    long b = submit("wave");
    tick(3);
    executor.interrupt(Executor.Interrupt.STOP, "operator said stop");
    long queued = submit("drive"); // arrives after the stop: must still run
    tick(1);
    assertEquals(State.CANCELLED, statesOf(a).get(statesOf(a).size() - 1));
    assertEquals(State.CANCELLED, statesOf(b).get(statesOf(b).size() - 1));
    assertEquals(0.3, motion.linear, "the call submitted after the stop runs");
    assertEquals(List.of(State.RUNNING), statesOf(queued));
    for (CountingSkill s : CountingSkill.INSTANCES.subList(0, 2)) {
      assertEquals(1, s.ends);
      assertTrue(s.endedInterrupted);
    }
  }

  @Test
  void stopDropsCallsQueuedBeforeItInTheSameTick() {
    long running = submit("long_drive");
    tick(2);
    long queued = submit("wave");
    executor.interrupt(Executor.Interrupt.STOP, "stop");
    tick(1);
    // The wave was queued before the stop: it never starts.
    assertEquals(List.of(State.CANCELLED), statesOf(queued));
    assertEquals(State.CANCELLED, statesOf(running).get(statesOf(running).size() - 1));
    assertEquals(0.0, motion.linear);
    assertTrue(motion.armSeconds == 0.0, "arm held in place");
    assertTrue(executor.idle());
  }

  @Test
  void stopWakesTheExecutorThread() {
    int[] wakes = {0};
    executor.setWakeup(() -> wakes[0]++);
    executor.interrupt(Executor.Interrupt.STOP, "stop");
    executor.interrupt(Executor.Interrupt.PAUSE, "wait");
    assertEquals(1, wakes[0]);
  }

  @Test
  void aStopCallActsLikeAStopInterrupt() {
    long a = submit("long_drive");
    tick(2);
    long stop = submit("stop");
    tick(1);
    assertEquals(State.CANCELLED, statesOf(a).get(statesOf(a).size() - 1));
    assertEquals(List.of(State.SUCCEEDED), statesOf(stop));
    assertEquals(0.0, motion.linear);
  }

  @Test
  void waitEndsTheSkillAndContinueStartsItAgainResumed() {
    long id = submit("long_drive");
    tick(3);
    executor.interrupt(Executor.Interrupt.PAUSE, "wait");
    tick(5);
    CountingSkill first = CountingSkill.INSTANCES.get(0);
    assertEquals(1, first.ends);
    assertTrue(first.endedInterrupted);
    assertEquals(3, first.steps, "no steps while paused");
    assertEquals(0.0, motion.linear);
    assertTrue(executor.paused());
    assertFalse(executor.idle());
    executor.interrupt(Executor.Interrupt.RESUME, "continue");
    tick(2);
    assertEquals(2, CountingSkill.INSTANCES.size());
    CountingSkill second = CountingSkill.INSTANCES.get(1);
    assertTrue(second.resumed);
    assertEquals(2, second.steps);
    assertEquals(List.of(State.RUNNING, State.PAUSED, State.RUNNING), statesOf(id));
  }

  @Test
  void callsArrivingWhilePausedWaitForContinue() {
    executor.interrupt(Executor.Interrupt.PAUSE, "wait");
    tick(1);
    long id = submit("drive");
    tick(3);
    assertEquals(List.of(State.PAUSED), statesOf(id));
    assertTrue(CountingSkill.INSTANCES.isEmpty());
    executor.interrupt(Executor.Interrupt.RESUME, "continue");
    tick(12);
    assertEquals(List.of(State.PAUSED, State.RUNNING, State.SUCCEEDED), statesOf(id));
  }

  @Test
  void correctionCancelsRunningAndPausedWorkAndUnpauses() {
    long a = submit("long_drive");
    tick(2);
    executor.interrupt(Executor.Interrupt.PAUSE, "wait");
    tick(1);
    executor.interrupt(Executor.Interrupt.CANCEL, "correction: no, the green one");
    tick(1);
    assertEquals(State.CANCELLED, statesOf(a).get(statesOf(a).size() - 1));
    assertFalse(executor.paused());
    assertTrue(executor.idle());
    long b = submit("drive");
    tick(1);
    assertEquals(List.of(State.RUNNING), statesOf(b));
  }

  @Test
  void stopWhilePausedDropsTheSuspendedCalls() {
    long a = submit("long_drive");
    tick(2);
    executor.interrupt(Executor.Interrupt.PAUSE, "wait");
    tick(1);
    executor.interrupt(Executor.Interrupt.STOP, "stop");
    tick(1);
    executor.interrupt(Executor.Interrupt.RESUME, "continue");
    tick(3);
    assertEquals(1, CountingSkill.INSTANCES.size(), "nothing restarted after a stop");
    assertEquals(State.CANCELLED, statesOf(a).get(statesOf(a).size() - 1));
  }

  @Test
  void endRunsExactlyOnceEvenWhenItThrows() {
    long id = submit("brittle");
    tick(2);
    executor.interrupt(Executor.Interrupt.STOP, "stop");
    executor.interrupt(Executor.Interrupt.STOP, "stop again");
    tick(2);
    CountingSkill s = CountingSkill.INSTANCES.get(0);
    assertEquals(1, s.ends);
    SkillStatus last = statuses.stream().filter(x -> x.callId() == id).reduce((x, y) -> y).orElseThrow();
    assertEquals(State.CANCELLED, last.state());
    assertTrue(last.reason().contains("end() threw"), last.reason());
    assertEquals(0.0, motion.linear, "the executor zeroed the base itself");
  }

  @Test
  void boundedCancelReportsAnEndThatOverrunsItsDeadline() {
    SkillRegistry registry = new SkillRegistry().register(new SkillSpec("sluggish", "slow end", List.of(),
        EnumSet.of(Resource.BASE), false, List.of(), Duration.ofSeconds(30), () -> new Skill() {
          SkillContext c;

          @Override
          public void start(AffordanceCall call, SkillContext context) {
            c = context;
          }

          @Override
          public SkillResult step(long t) {
            c.motion().baseVelocity(0.4, 0);
            return SkillResult.RUNNING;
          }

          @Override
          public void end(boolean interrupted) {
            long until = System.nanoTime() + 5_000_000L;
            while (System.nanoTime() < until) {
              Thread.onSpinWait();
            }
          }
        }, null));
    Executor ex = new Executor(registry, motion, () -> state, RobotGeometry.standard(), statuses::add,
        new Executor.Config(8, Duration.ofMillis(1)));
    long id = ex.submit(AffordanceCall.of("sluggish", Map.of()));
    ex.tick(TICK);
    assertEquals(0.4, motion.linear);
    ex.interrupt(Executor.Interrupt.STOP, "stop");
    ex.tick(2 * TICK);
    SkillStatus last = statuses.stream().filter(x -> x.callId() == id).reduce((x, y) -> y).orElseThrow();
    assertTrue(last.reason().contains("deadline 1 ms"), last.reason());
    assertEquals(0.0, motion.linear);
  }

  @Test
  void aSkillThatRunsPastItsTimeoutFails() {
    long id = submit("slow");
    tick(8);
    SkillStatus last = statuses.get(statuses.size() - 1);
    assertEquals(id, last.callId());
    assertEquals(State.FAILED, last.state());
    assertTrue(last.reason().startsWith("timed out"), last.reason());
    assertTrue(CountingSkill.INSTANCES.get(0).endedInterrupted);
  }

  @Test
  void unknownSkillsAndArgumentsAreRejectedListingWhatIsValid() {
    long id = executor.submit(AffordanceCall.of("grab", Map.of()));
    tick(1);
    SkillStatus s = statuses.get(0);
    assertEquals(id, s.callId());
    assertEquals(State.REJECTED, s.state());
    assertTrue(s.reason().contains("unknown skill 'grab'"), s.reason());
    assertTrue(s.reason().contains("drive"), s.reason());
    long id2 = executor.submit(AffordanceCall.of("drive", Map.of("colour", "red")));
    tick(1);
    SkillStatus s2 = statuses.stream().filter(x -> x.callId() == id2).findFirst().orElseThrow();
    assertEquals(State.REJECTED, s2.state());
    assertTrue(s2.reason().contains("unknown argument 'colour'"), s2.reason());
  }

  @Test
  void preconditionsAreCheckedBeforeAnythingIsPreempted() {
    long running = submit("wave");
    tick(1);
    long drop = submit("drop"); // needs ARM too, but the gripper is empty
    tick(1);
    assertEquals(List.of(State.REJECTED), statesOf(drop));
    assertTrue(statuses.stream().anyMatch(s -> s.callId() == drop && s.reason().contains("requires an object")));
    assertEquals(List.of(State.RUNNING), statesOf(running), "the running skill was not disturbed");
  }

  @Test
  void aFullInputQueueRejectsCallsButNeverDropsAStop() {
    Executor small = new Executor(new SkillRegistry().register(spec("drive", EnumSet.of(Resource.BASE), 10, false,
        false, List.of())), motion, () -> state, RobotGeometry.standard(), statuses::add,
        new Executor.Config(2, Duration.ofMillis(50)));
    assertTrue(small.submit(AffordanceCall.of("drive", Map.of())) > 0);
    assertTrue(small.submit(AffordanceCall.of("drive", Map.of())) > 0);
    assertEquals(0, small.submit(AffordanceCall.of("drive", Map.of())));
    assertEquals(State.REJECTED, statuses.get(0).state());
    small.interrupt(Executor.Interrupt.STOP, "stop");
    small.tick(TICK);
    assertEquals(0.0, motion.linear);
    assertTrue(small.idle());
  }

  @Test
  void aTerminalSkillWithoutResourcesLeavesOthersRunning() {
    SkillRegistry registry = new SkillRegistry()
        .register(spec("long_drive", EnumSet.of(Resource.BASE), 1000, false, false, List.of()))
        .register(new SkillSpec("ask", "ask", List.of(ParamSpec.required("question", ParamSpec.Type.TEXT)), Set.of(),
            false, List.of(), Duration.ofSeconds(1), () -> new CountingSkill(1, false, false), null));
    Executor ex = new Executor(registry, motion, () -> state, RobotGeometry.standard(), statuses::add,
        Executor.Config.defaults());
    long drive = ex.submit(AffordanceCall.of("long_drive", Map.of()));
    long ask = ex.submit(AffordanceCall.of("ask", Map.of("question", "which one?")));
    ex.tick(TICK);
    assertEquals(List.of(State.RUNNING, State.SUCCEEDED), statesOf(ask));
    assertEquals(List.of(State.RUNNING), statesOf(drive));
    assertTrue(Optional.ofNullable(statuses.get(0)).isPresent());
  }
}
