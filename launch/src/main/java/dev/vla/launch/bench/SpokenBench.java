package dev.vla.launch.bench;

import dev.vla.ros.Topics;
import dev.vla.ros.msg.AudioChunk;
import dev.vla.ros.msg.GripperCommand;
import dev.vla.ros.msg.Header;
import dev.vla.ros.msg.JointTrajectory;
import dev.vla.ros.msg.Twist;
import dev.vla.ros.nodes.Node;
import dev.vla.ros.nodes.SpeechNode;
import dev.vla.ros.nodes.ThreadedRunner;
import dev.vla.ros.transport.InMemoryTransport;
import dev.vla.ros.transport.Publisher;
import dev.vla.ros.transport.Transport;
import dev.vla.sim.episode.Episode;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.world.Simulator;
import dev.vla.speech.Pcm;
import dev.vla.speech.SpeechStage;
import dev.vla.speech.Synthesiser;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The whole stack live in wall-clock time with a person talking into {@code /audio/audio} (20 ms
 * chunks, paced like a microphone driver): the time from the end of a spoken instruction to the first
 * motion command (a non-zero {@code /cmd_vel}, an arm move, a head or gripper command), and, once the robot drives, from
 * the end of a spoken "stop" to the zero {@code /cmd_vel}. "End" is where the synthesised speech
 * stops, not the end of its clip's trailing silence.
 */
public final class SpokenBench {
  /** Results. */
  public record Result(Percentiles instructionToMotion, Percentiles spokenStop, int missedInstructions,
      int missedStops) {}

  private static final int CHUNK = Pcm.RATE / 50;

  private SpokenBench() {}

  /**
   * @param scenario a scenario whose first utterance makes the robot move and drive (the demo)
   * @param trials how many instruction-then-stop rounds
   */
  public static Result run(Scenario scenario, SpeechStage stage, Synthesiser.Voice voice, int trials)
      throws InterruptedException, IOException {
    Synthesiser tts = new Synthesiser();
    String text = scenario.task().says().isEmpty() ? "put the red cube in the blue bin" : scenario.task().says().get(0).text();
    short[] instruction = tts.speak(voice, text);
    short[] stop = tts.speak(voice, "stop");
    Histogram toMotion = Percentiles.histogram();
    Histogram toStop = Percentiles.histogram();
    int missedInstructions = 0;
    int missedStops = 0;
    Scenario silent = scenario.withoutSays(); // the person speaks; the simulator must not also type it
    // Trial 0 warms the JIT up (a robot's stack has been running for a while) and is not counted.
    for (int trial = -1; trial < trials; trial++) {
      boolean counted = trial >= 0;
      Simulator sim = new Simulator(silent, Simulator.Config.defaults(trial + 1));
      Episode episode = new Episode(sim);
      stage.reset();
      try (Transport transport = new InMemoryTransport()) {
        List<Node> nodes = LiveStackBench.stack(transport, episode);
        nodes.add(new SpeechNode(transport, stage, line -> { }));
        AtomicLong instructionEnd = new AtomicLong(Long.MAX_VALUE);
        AtomicLong firstMotion = new AtomicLong(-1);
        AtomicLong lastDriving = new AtomicLong(-1);
        AtomicLong stopEnd = new AtomicLong(Long.MAX_VALUE);
        AtomicLong zeroAfterStop = new AtomicLong(-1);
        transport.subscribe(Topics.CMD_VEL, (Twist t) -> {
          long now = System.nanoTime();
          if (!t.isZero()) {
            if (now > instructionEnd.get()) {
              firstMotion.compareAndSet(-1, now);
            }
            lastDriving.set(now);
          } else if (now > stopEnd.get()) {
            zeroAfterStop.compareAndSet(-1, now);
          }
        });
        // The executor holds the arm with zero-duration trajectories to where it is; a skill's move takes time.
        transport.subscribe(Topics.ARM_TRAJECTORY, (JointTrajectory j) -> {
          long now = System.nanoTime();
          boolean moves = !j.points().isEmpty() && j.points().get(j.points().size() - 1).timeFromStartNanos() > 0;
          if (moves && now > instructionEnd.get()) {
            firstMotion.compareAndSet(-1, now);
          }
        });
        transport.subscribe(Topics.HEAD_TRAJECTORY, (JointTrajectory j) -> {
          if (System.nanoTime() > instructionEnd.get()) {
            firstMotion.compareAndSet(-1, System.nanoTime());
          }
        });
        transport.subscribe(Topics.GRIPPER, (GripperCommand g) -> {
          if (System.nanoTime() > instructionEnd.get()) {
            firstMotion.compareAndSet(-1, System.nanoTime());
          }
        });
        Publisher<AudioChunk> mic = transport.advertise(Topics.AUDIO);
        Microphone person = new Microphone(mic, new Random(trial + 1));
        try (ThreadedRunner runner = new ThreadedRunner(nodes)) {
          runner.start();
          person.quiet(500);
          person.say(instruction, instructionEnd);
          long end = instructionEnd.get();
          long deadline = System.nanoTime() + 3_000_000_000L;
          while (firstMotion.get() < 0 && System.nanoTime() < deadline) {
            person.quiet(20);
          }
          if (firstMotion.get() < 0) {
            missedInstructions += counted ? 1 : 0;
            continue;
          }
          if (counted) {
            toMotion.recordValue(Math.max(0, firstMotion.get() - end) / 1000);
          }
          // Wait for the base to drive (after the pick), then say "stop" while it does.
          deadline = System.nanoTime() + 25_000_000_000L;
          while (System.nanoTime() < deadline && (lastDriving.get() < 0 || System.nanoTime() - lastDriving.get() > 30_000_000L
              || System.nanoTime() - firstMotion.get() < 2_000_000_000L)) {
            person.quiet(20);
          }
          if (lastDriving.get() < 0 || System.nanoTime() - lastDriving.get() > 30_000_000L) {
            continue; // the robot never drove: nothing to stop in this trial
          }
          person.say(stop, stopEnd);
          long waitUntil = System.nanoTime() + 1_500_000_000L;
          while (zeroAfterStop.get() < 0 && System.nanoTime() < waitUntil) {
            person.quiet(20);
          }
          if (!counted) {
            continue;
          }
          if (zeroAfterStop.get() < 0) {
            missedStops++;
          } else {
            toStop.recordValue(Math.max(0, zeroAfterStop.get() - stopEnd.get()) / 1000);
          }
        } finally {
          for (Node n : nodes) {
            n.close();
          }
        }
      }
    }
    return new Result(Percentiles.of("end of spoken instruction -> first motion command", toMotion),
        Percentiles.of("end of spoken \"stop\" -> zero /cmd_vel", toStop), missedInstructions, missedStops);
  }

  /** Publishes audio in real time, 20 ms per chunk, room noise between utterances. */
  private static final class Microphone {
    private final Publisher<AudioChunk> out;
    private final Random rng;
    private long next = -1;
    private long sample;

    Microphone(Publisher<AudioChunk> out, Random rng) {
      this.out = out;
      this.rng = rng;
    }

    void quiet(int millis) throws InterruptedException {
      play(new short[Pcm.RATE * millis / 1000], -1, null);
    }

    /** Plays the clip; sets {@code end} to the wall time at which its speech ended. */
    void say(short[] clip, AtomicLong end) throws InterruptedException {
      play(clip, Pcm.speechEnd(clip), end);
    }

    private void play(short[] clip, int speechEnd, AtomicLong endTime) throws InterruptedException {
      if (next < 0) {
        next = System.nanoTime();
      }
      short[] noisy = Pcm.addNoise(clip, 0.0005, rng);
      for (int i = 0; i < noisy.length; i += CHUNK) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        int to = Math.min(noisy.length, i + CHUNK);
        out.publish(new AudioChunk(new Header(sample * 1_000_000_000L / Pcm.RATE, "microphone"), Pcm.RATE, 1,
            Arrays.copyOfRange(noisy, i, to)));
        if (endTime != null && i < speechEnd && to >= speechEnd) {
          // The chunk leaves when its last sample is captured; the speech ended that much earlier.
          endTime.set(System.nanoTime() - (to - speechEnd) * 1_000_000_000L / Pcm.RATE);
        }
        sample += to - i;
        next += (to - i) * 1_000_000_000L / Pcm.RATE;
      }
    }
  }
}
