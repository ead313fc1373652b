package dev.vla.sim.episode;

import dev.vla.sim.scenario.Event;
import dev.vla.sim.scenario.Say;
import dev.vla.sim.scenario.Task;
import dev.vla.sim.scenario.Trigger;
import dev.vla.sim.world.Simulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scenario's timeline around a {@link Simulator}: which utterances and events are due (by time or
 * after something happened), what the controller did that triggers depend on, a log of commanded
 * motion for {@code stopped_within}, and when the episode is over. Not thread-safe; the episode
 * runner's thread drives it.
 */
public final class Episode {
  /** How an episode ended. */
  public enum Ending { RUNNING, DONE, ASKED, TIMEOUT }

  private final Simulator sim;
  private final Task task;
  private final double[] sayDelivered;
  private final boolean[] sayReleased;
  private final double[] eventTime;
  private final Set<String> skillsStarted = new HashSet<>();
  private final Set<String> skillsEnded = new HashSet<>();
  private final List<double[]> motionLog = new ArrayList<>();
  private double cameraDroppedUntil = Double.NEGATIVE_INFINITY;
  private double audioNoiseUntil = Double.NEGATIVE_INFINITY;
  private double audioNoiseSnrDb = Double.POSITIVE_INFINITY;
  private boolean asked;
  private Ending ending = Ending.RUNNING;
  private double endTime = Double.NaN;

  public Episode(Simulator sim) {
    this.sim = sim;
    this.task = sim.scenario().task();
    this.sayDelivered = new double[task.says().size()];
    this.sayReleased = new boolean[task.says().size()];
    this.eventTime = new double[task.events().size()];
    Arrays.fill(sayDelivered, Double.NaN);
    Arrays.fill(eventTime, Double.NaN);
  }

  public Simulator sim() {
    return sim;
  }

  public Task task() {
    return task;
  }

  /**
   * Utterances whose trigger fired since the last call, in document order. The caller delivers each
   * (typed now, or spoken) and reports when it was fully delivered with {@link #delivered}.
   */
  public List<Say> dueSays() {
    List<Say> due = new ArrayList<>();
    for (Say s : task.says()) {
      if (!sayReleased[s.index()] && fired(s.trigger())) {
        sayReleased[s.index()] = true;
        due.add(s);
      }
    }
    return due;
  }

  /** Records that utterance {@code index} was fully delivered at sim time {@code seconds}. */
  public void delivered(int index, double seconds) {
    if (Double.isNaN(sayDelivered[index])) {
      sayDelivered[index] = seconds;
    }
  }

  /** Events whose trigger fired; applies them to the world and returns them (for logs and the speech stage). */
  public List<Event> fireDueEvents() {
    List<Event> due = new ArrayList<>();
    for (Event e : task.events()) {
      if (Double.isNaN(eventTime[e.index()]) && fired(e.trigger())) {
        eventTime[e.index()] = sim.time();
        if (e instanceof Event.CameraDropout c) {
          cameraDroppedUntil = sim.time() + c.duration();
        } else if (e instanceof Event.AudioNoise n) {
          audioNoiseUntil = sim.time() + n.duration();
          audioNoiseSnrDb = n.snrDb();
        }
        sim.apply(e);
        due.add(e);
      }
    }
    return due;
  }

  private boolean fired(Trigger t) {
    if (t instanceof Trigger.At at) {
      return sim.time() >= at.seconds() - 1e-9;
    }
    Trigger.After after = (Trigger.After) t;
    return switch (after.kind()) {
      case SKILL_STARTED -> skillsStarted.contains(after.ref());
      case SKILL_ENDED -> skillsEnded.contains(after.ref());
      case SAY -> !Double.isNaN(sayDelivered[Integer.parseInt(after.ref())]);
      case EVENT -> !Double.isNaN(eventTime[Integer.parseInt(after.ref())]);
    };
  }

  public void skillStarted(String skill) {
    skillsStarted.add(skill);
  }

  public void skillEnded(String skill) {
    skillsEnded.add(skill);
  }

  /** The controller asked for clarification (an {@code ask} call ran); ends the episode. */
  public void asked() {
    asked = true;
    finish(Ending.ASKED);
  }

  /** The controller reported the task complete; ends the episode. */
  public void done() {
    finish(Ending.DONE);
  }

  private void finish(Ending e) {
    if (ending == Ending.RUNNING) {
      ending = e;
      endTime = sim.time();
    }
  }

  /** Samples the commanded motion; call once per control tick after the commands of that tick. */
  public void recordTick() {
    motionLog.add(new double[] {sim.time(), sim.motionCommanded() ? 1 : 0});
    if (ending == Ending.RUNNING && sim.time() >= task.timeoutSeconds() - 1e-9) {
      finish(Ending.TIMEOUT);
    }
  }

  public boolean finished() {
    return ending != Ending.RUNNING;
  }

  public Ending ending() {
    return ending;
  }

  public double endTime() {
    return Double.isNaN(endTime) ? sim.time() : endTime;
  }

  public boolean cameraDropped() {
    return sim.time() < cameraDroppedUntil;
  }

  /** SNR in dB of noise the microphone hears now, or +infinity when quiet. */
  public double audioNoiseSnrDb() {
    return sim.time() < audioNoiseUntil ? audioNoiseSnrDb : Double.POSITIVE_INFINITY;
  }

  public boolean wasAsked() {
    return asked;
  }

  /** Sim time utterance {@code index} was delivered, NaN if never. */
  public double sayTime(int index) {
    return sayDelivered[index];
  }

  /** Sim time event {@code index} happened, NaN if never. */
  public double eventTime(int index) {
    return eventTime[index];
  }

  /** Whether {@code say} index was released (its trigger fired). */
  public boolean sayReleased(int index) {
    return sayReleased[index];
  }

  List<double[]> motionLog() {
    return motionLog;
  }

  /** Whether one predicate holds now (as the final judgement would see it). */
  public boolean holds(dev.vla.sim.scenario.Predicate predicate) {
    return new Judge(this).check(predicate).holds();
  }

  /** Judges the success predicates now. */
  public Verdict judge() {
    return new Judge(this).verdict();
  }
}
