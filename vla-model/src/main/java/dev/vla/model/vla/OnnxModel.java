package dev.vla.model.vla;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.providers.OrtTensorRTProviderOptions;
import dev.vla.model.perception.ModelInput;
import dev.vla.model.perception.Proposals;
import dev.vla.model.perception.Tensorizer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model in an ONNX Runtime session: configured once (threads, full graph optimisation, the
 * chosen execution provider with a logged fallback to CPU), then {@link #run} per decision. Owns the
 * session: close it once; a closed model throws {@link IllegalStateException}. One thread at a time.
 */
public final class OnnxModel implements AutoCloseable {
  private static final Logger LOG = System.getLogger("vla");

  private final OrtEnvironment env;
  private final OrtSession session;
  private final String provider;
  private final String description;
  private boolean closed;

  /**
   * @throws OrtException when the model cannot be loaded (corrupt or incompatible file)
   */
  public OnnxModel(byte[] onnx, InferenceConfig config) throws OrtException {
    this.env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    options.setIntraOpNumThreads(config.threads());
    options.setInterOpNumThreads(1);
    this.provider = addProvider(options, config.provider(), config.precision());
    this.session = env.createSession(onnx, options);
    // TensorRT's fp16 is a flag on the float32 file: after a fallback the CPU runs that file at fp32.
    String precision = config.modelFile().equals("vla-fp16.onnx") || provider.equals("tensorrt") ? config.precision()
        : "fp32";
    this.description = provider + " (" + config.modelFile() + ", " + precision + ")";
    LOG.log(Level.INFO, "vla: model on " + description);
    try {
      warmUp();
    } catch (OrtException | RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /**
   * One run on zeros at load time. ONNX Runtime allocates its buffers and the JIT compiles the call path on the
   * first run: on a cold start that first decision overran the vla node's 1 s model timeout.
   */
  private void warmUp() throws OrtException {
    Map<String, OnnxTensor> zeros = new HashMap<>();
    try {
      for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet()) {
        TensorInfo t = (TensorInfo) e.getValue().getInfo();
        long[] shape = t.getShape().clone();
        int n = 1;
        for (int i = 0; i < shape.length; i++) {
          shape[i] = Math.max(1, shape[i]);
          n *= (int) shape[i];
        }
        zeros.put(e.getKey(), t.type == OnnxJavaType.INT64
            ? OnnxTensor.createTensor(env, LongBuffer.allocate(n), shape)
            : OnnxTensor.createTensor(env, FloatBuffer.allocate(n), shape));
      }
      run(zeros);
    } finally {
      zeros.values().forEach(OnnxTensor::close);
    }
  }

  /** Adds the asked-for provider; returns the one actually used. */
  private static String addProvider(OrtSession.SessionOptions options, String wanted, String precision) {
    try {
      switch (wanted) {
        case "cuda" -> options.addCUDA(0);
        case "tensorrt" -> {
          OrtTensorRTProviderOptions trt = new OrtTensorRTProviderOptions(0);
          // TensorRT builds its engine at the first run (minutes on a Jetson): cache it across starts.
          trt.add("trt_engine_cache_enable", "1");
          trt.add("trt_engine_cache_path", Path.of(System.getProperty("user.home"), ".cache", "vla-controller",
              "tensorrt").toString());
          trt.add("trt_fp16_enable", precision.equals("fp16") ? "1" : "0");
          options.addTensorrt(trt);
          // Nodes TensorRT cannot take run on CUDA rather than on the CPU. TensorRT is registered by now:
          // without CUDA it still runs, with those nodes on the CPU.
          try {
            options.addCUDA(0);
          } catch (OrtException | UnsatisfiedLinkError | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "vla: CUDA is not available beside TensorRT ({0}); nodes TensorRT cannot take "
                + "run on the CPU", e.getMessage());
          }
        }
        default -> {
          return "cpu";
        }
      }
      return wanted;
    } catch (OrtException | UnsatisfiedLinkError | IllegalArgumentException e) {
      LOG.log(Level.WARNING, "vla: execution provider {0} is not available ({1}); running on the CPU", wanted,
          e.getMessage());
      return "cpu";
    }
  }

  /** What runs, for people: the provider in use, the file and the precision it computes at. */
  public String description() {
    return description;
  }

  /** The execution provider in use. */
  public String provider() {
    return provider;
  }

  public ModelOutput run(ModelInput in) {
    if (closed) {
      throw new IllegalStateException("model is closed");
    }
    int k = Proposals.MAX;
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("image", tensor(in.imageFloats(), 1, 4, Tensorizer.IMAGE_H, Tensorizer.IMAGE_W));
      inputs.put("crops", tensor(in.cropFloats(), 1, k, 3, Tensorizer.CROP, Tensorizer.CROP));
      inputs.put("objects", tensor(in.objects(), 1, k, Tensorizer.OBJECT_FEATURES));
      inputs.put("mask", tensor(in.objectMask(), 1, k));
      inputs.put("text", OnnxTensor.createTensor(env, LongBuffer.wrap(in.text()), new long[] {1, Tensorizer.TEXT}));
      inputs.put("state", tensor(in.state(), 1, Tensorizer.STATE));
      return run(inputs);
    } catch (OrtException e) {
      throw new IllegalStateException("model inference failed: " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /** Runs raw named float/long tensors (for golden tests and benchmarks); the caller closes them. */
  public ModelOutput run(Map<String, OnnxTensor> inputs) throws OrtException {
    Map<String, float[]> heads = new LinkedHashMap<>();
    try (OrtSession.Result result = session.run(inputs)) {
      for (Map.Entry<String, ai.onnxruntime.OnnxValue> e : result) {
        FloatBuffer fb = ((OnnxTensor) e.getValue()).getFloatBuffer();
        float[] v = new float[fb.remaining()];
        fb.get(v);
        heads.put(e.getKey(), v);
      }
    }
    return new ModelOutput(heads);
  }

  public OrtEnvironment environment() {
    return env;
  }

  private OnnxTensor tensor(float[] data, long... shape) throws OrtException {
    return OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      session.close();
    } catch (OrtException e) {
      LOG.log(Level.WARNING, "vla: closing the model session failed: {0}", e.getMessage());
    }
  }
}
