package dev.vla.speech;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Silero VAD v5 in ONNX Runtime: the probability that a 32 ms window (512 samples at 16 kHz) is
 * speech. Stateful (a recurrent state and the last 64 samples as context), so one instance per
 * audio stream, used from one thread. The model ships in the jar (see {@code docs/speech.md} for
 * its source, version and licence).
 */
public final class SileroVad implements AutoCloseable {
  /** Samples per window at 16 kHz. */
  public static final int WINDOW = 512;
  private static final int CONTEXT = 64;
  private static final String MODEL = "silero_vad_v5.onnx";

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final OnnxTensor sampleRate;
  private float[] state = new float[2 * 128];
  private final float[] input = new float[CONTEXT + WINDOW];

  public SileroVad() {
    try (InputStream in = SileroVad.class.getResourceAsStream(MODEL)) {
      if (in == null) {
        throw new IllegalStateException("the VAD model " + MODEL + " is missing from the speech jar; rebuild with ./vla");
      }
      byte[] model = in.readAllBytes();
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = env.createSession(model, options);
      }
      sampleRate = OnnxTensor.createTensor(env, new long[] {Pcm.RATE});
    } catch (IOException | OrtException e) {
      throw new IllegalStateException("cannot load the VAD model: " + e.getMessage(), e);
    }
  }

  /** Forgets the stream: the next window starts a new one. */
  public void reset() {
    state = new float[2 * 128];
    java.util.Arrays.fill(input, 0f);
  }

  /** Speech probability of the next {@link #WINDOW} samples of the stream, starting at {@code from}. */
  public float probability(short[] samples, int from) {
    System.arraycopy(input, WINDOW, input, 0, CONTEXT);
    for (int i = 0; i < WINDOW; i++) {
      input[CONTEXT + i] = samples[from + i] / 32768f;
    }
    try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, CONTEXT + WINDOW});
        OnnxTensor h = OnnxTensor.createTensor(env, FloatBuffer.wrap(state), new long[] {2, 1, 128});
        OrtSession.Result out = session.run(Map.of("input", x, "state", h, "sr", sampleRate))) {
      float p = ((float[][]) out.get(0).getValue())[0][0];
      FloatBuffer next = ((OnnxTensor) out.get(1)).getFloatBuffer();
      float[] s = new float[next.remaining()];
      next.get(s);
      state = s;
      return p;
    } catch (OrtException e) {
      throw new IllegalStateException("VAD inference failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      sampleRate.close();
      session.close();
    } catch (OrtException e) {
      // closing a session only fails if it was already closed
    }
  }
}
