package dev.vla.model.vla;

import ai.onnxruntime.OrtException;
import dev.vla.model.Decision;
import dev.vla.model.Observation;
import dev.vla.model.Policy;
import dev.vla.model.perception.ModelInput;
import dev.vla.model.perception.Tensorizer;
import dev.vla.model.perception.WordPiece;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The product policy: the trained vision-language-action model. Pre-processing (proposals, tensors,
 * word pieces) and post-processing ({@link Decoder}) are separate from the engine ({@link OnnxModel}).
 * Owns its session; close once. Used by one thread.
 */
public final class VlaPolicy implements Policy {
  /** Where the shipped model lives inside the jar. */
  static final String RESOURCE = "/dev/vla/model/vla/model/";

  private final OnnxModel model;
  private final Tensorizer tensorizer;
  private final Decoder decoder;

  public VlaPolicy(OnnxModel model, WordPiece vocab, InferenceConfig config) {
    this.model = model;
    this.tensorizer = new Tensorizer(vocab);
    this.decoder = new Decoder(config);
  }

  /**
   * Loads the model named by the configuration (a folder, or the one shipped in the jar).
   *
   * @throws ModelUnavailableException with what is missing and how to get it
   */
  public static VlaPolicy load(InferenceConfig config) throws ModelUnavailableException {
    try {
      byte[] onnx;
      WordPiece vocab;
      if (config.modelDir().isPresent()) {
        Path dir = config.modelDir().get();
        onnx = Files.readAllBytes(dir.resolve(config.modelFile()));
        vocab = WordPiece.load(dir.resolve("vocab.txt"));
      } else {
        onnx = resource(config.modelFile());
        vocab = WordPiece.of(new String(resource("vocab.txt"), StandardCharsets.UTF_8).lines().toList());
      }
      return new VlaPolicy(new OnnxModel(onnx, config), vocab, config);
    } catch (NoSuchFileException e) {
      if (config.modelFile().equals("vla-fp16.onnx")) {
        throw new ModelUnavailableException("model file " + e.getFile() + " does not exist: precision fp16 on "
            + config.provider() + " runs the half-precision variant; make it with python3 "
            + "vla-model/training/to_fp16.py vla.onnx vla-fp16.onnx in the model folder, or use precision fp32");
      }
      throw new ModelUnavailableException("model file " + e.getFile() + " does not exist; train one with "
          + "vla-model/training/train.py (see docs/model.md) or leave vla.model_dir unset to use the shipped model");
    } catch (IOException e) {
      throw new ModelUnavailableException("cannot read the model: " + e.getMessage());
    } catch (OrtException e) {
      throw new ModelUnavailableException("ONNX Runtime cannot load the model: " + e.getMessage());
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = VlaPolicy.class.getResourceAsStream(RESOURCE + name)) {
      if (in == null) {
        throw new NoSuchFileException("classpath:" + RESOURCE + name);
      }
      return in.readAllBytes();
    }
  }

  @Override
  public String name() {
    return "vla";
  }

  @Override
  public void reset() {}

  @Override
  public Decision decide(Observation observation) {
    ModelInput in = tensorizer.tensors(observation);
    ModelOutput out = model.run(in);
    return decoder.decode(out, in, observation);
  }

  public OnnxModel model() {
    return model;
  }

  public Tensorizer tensorizer() {
    return tensorizer;
  }

  @Override
  public void close() {
    model.close();
  }

  /** The model cannot be loaded; the message says what is missing and how to fix it. */
  public static final class ModelUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModelUnavailableException(String message) {
      super(message);
    }
  }
}
