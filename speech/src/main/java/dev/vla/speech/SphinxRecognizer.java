package dev.vla.speech;

import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.frontend.util.StreamDataSource;
import edu.cmu.sphinx.recognizer.Recognizer.State;
import edu.cmu.sphinx.result.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * CMU Sphinx 4 (pure Java, its US English acoustic model and dictionary from Maven Central)
 * decoding against a JSGF grammar, see {@link CommandGrammar}. Loading takes a few seconds (the
 * acoustic model); decoding a command takes a fraction of its duration. Not thread-safe.
 */
public final class SphinxRecognizer implements Recognizer {
  private static final String CONFIG = "resource:/dev/vla/speech/sphinx.config.xml";
  private static final String UNKNOWN = "<unk>";
  private static final System.Logger LOG = System.getLogger("speech");

  private final String name;
  private final Path grammarDir;
  private final Context context;
  private final edu.cmu.sphinx.recognizer.Recognizer recognizer;
  private final StreamDataSource source;

  /**
   * @param grammarName the name declared in the grammar text ({@code grammar NAME;})
   * @param jsgf the grammar
   */
  public SphinxRecognizer(String grammarName, String jsgf) {
    this.name = "sphinx4/" + grammarName;
    // Sphinx's own java.util.logging output is chatty at INFO; the speech stage reports what matters.
    Logger.getLogger("edu.cmu.sphinx").setLevel(Level.WARNING);
    Logger.getLogger("default.config").setLevel(Level.WARNING);
    try {
      grammarDir = Files.createTempDirectory("vla-grammar");
      Files.writeString(grammarDir.resolve(grammarName + ".gram"), jsgf);
      Configuration c = new Configuration();
      c.setAcousticModelPath("resource:/edu/cmu/sphinx/models/en-us/en-us");
      c.setDictionaryPath("resource:/edu/cmu/sphinx/models/en-us/cmudict-en-us.dict");
      c.setGrammarPath(grammarDir.toUri().toString());
      c.setGrammarName(grammarName);
      c.setUseGrammar(true);
      c.setSampleRate(Pcm.RATE);
      context = new Context(CONFIG, c);
      recognizer = context.getInstance(edu.cmu.sphinx.recognizer.Recognizer.class);
      source = context.getInstance(StreamDataSource.class);
      recognizer.allocate();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up the recogniser: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot set up the recogniser with grammar " + grammarName + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Transcript recognise(short[] samples) {
    long t0 = System.nanoTime();
    if (samples.length < Pcm.RATE / 20) {
      return Transcript.rejected(0); // under 50 ms: nothing a word fits in
    }
    source.setInputStream(new ByteArrayInputStream(Pcm.toLittleEndian(samples, 0, samples.length)));
    Result result;
    try {
      result = recognizer.recognize();
    } catch (RuntimeException e) {
      // The decoder must never take the speech stage down: what it cannot decode is not a command.
      LOG.log(System.Logger.Level.WARNING, "speech: the recogniser failed on " + samples.length + " samples ("
          + e + "); treated as not understood");
      return Transcript.rejected((System.nanoTime() - t0) / 1e6);
    }
    double ms = (System.nanoTime() - t0) / 1e6;
    String text = result == null ? "" : result.getBestFinalResultNoFiller().trim().toLowerCase(Locale.ROOT);
    if (text.isEmpty() || text.contains(UNKNOWN)) {
      return Transcript.rejected(ms);
    }
    return new Transcript(text, false, ms);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void close() {
    if (recognizer.getState() == State.ALLOCATED || recognizer.getState() == State.READY) {
      recognizer.deallocate();
    }
    try (var files = Files.list(grammarDir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(grammarDir);
    } catch (IOException e) {
      // a temporary grammar file left behind is harmless
    }
  }
}
