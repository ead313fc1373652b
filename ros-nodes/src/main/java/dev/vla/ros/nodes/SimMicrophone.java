package dev.vla.ros.nodes;

import dev.vla.sim.scenario.Say;
import dev.vla.speech.Pcm;
import dev.vla.speech.Synthesiser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The simulated robot's microphone: a quiet room, the scenario's utterances spoken by a synthesiser
 * when they are due, and the noise of {@code audio_noise} events. All utterances are synthesised up
 * front, so a missing synthesiser is reported before the episode starts and speaking never stalls
 * the simulation. One thread.
 */
final class SimMicrophone {
  /** The room's noise floor (full-scale RMS, about -66 dBFS): a microphone is never digitally silent. */
  private static final double ROOM_NOISE_RMS = 0.0005;

  /** An utterance that finished playing, with the stream sample it ended at. */
  record Finished(int sayIndex, long endSample) {}

  private record Playing(int sayIndex, short[] audio) {}

  private final Map<Integer, short[]> speech = new HashMap<>();
  private final Deque<Playing> queue = new ArrayDeque<>();
  private final Random rng;
  private final double speechRms;
  private int played;
  private long samples;

  SimMicrophone(Synthesiser tts, Synthesiser.Voice voice, List<Say> says, long seed) throws IOException {
    double sum = 0;
    for (Say s : says) {
      short[] audio = tts.speak(voice, s.text());
      speech.put(s.index(), audio);
      sum += Pcm.rms(audio, 0, audio.length);
    }
    this.speechRms = says.isEmpty() ? 0.1 : Math.max(1e-3, sum / says.size());
    this.rng = new Random(seed);
  }

  /** Queues an utterance; it plays after the ones before it. */
  void say(Say s) {
    queue.add(new Playing(s.index(), speech.get(s.index())));
  }

  /** Samples heard so far. */
  long position() {
    return samples;
  }

  /**
   * The next {@code n} samples.
   *
   * @param snrDb noise level relative to speech, +infinity for a quiet room
   * @param finished receives the utterances whose last sample is in this chunk
   */
  short[] next(int n, double snrDb, List<Finished> finished) {
    short[] out = new short[n];
    int filled = 0;
    while (filled < n && !queue.isEmpty()) {
      Playing p = queue.peek();
      int k = Math.min(n - filled, p.audio().length - played);
      System.arraycopy(p.audio(), played, out, filled, k);
      filled += k;
      played += k;
      if (played == p.audio().length) {
        queue.poll();
        played = 0;
        finished.add(new Finished(p.sayIndex(), samples + filled));
      }
    }
    double noise = ROOM_NOISE_RMS;
    if (Double.isFinite(snrDb)) {
      noise = Math.max(noise, speechRms / Math.pow(10, snrDb / 20));
    }
    samples += n;
    return Pcm.addNoise(out, noise, rng);
  }

  /** Whether an utterance is playing or waiting. */
  boolean speaking() {
    return !queue.isEmpty();
  }
}
