package dev.vla.ros.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vla.ros.msg.AudioChunk;
import dev.vla.ros.msg.DiagnosticArray;
import dev.vla.ros.msg.Header;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Garbage on {@code /audio/audio}: absurd rates and channel counts, missing, empty, ragged and
 * full-scale sample blocks, in any order, into one speech node (real VAD, scripted recogniser). Malformed
 * chunks are counted and publish nothing; the node never throws and keeps accepting audio.
 */
class SpeechNodeFuzzTest {
  private static SpeechNodeTest.Rig rig;
  private static long tick;
  /** What the node logs: a failing handler is caught and logged by the node, so the test reads the log. */
  private static final List<LogRecord> LOGGED = new CopyOnWriteArrayList<>();
  private static final Handler CAPTURE = new Handler() {
    @Override
    public void publish(LogRecord record) {
      LOGGED.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  /** Held so that the logger, and the handler on it, are not collected. */
  private static final Logger SPEECH_LOG = Logger.getLogger("speech");

  static synchronized SpeechNodeTest.Rig rig() {
    if (rig == null) {
      SPEECH_LOG.addHandler(CAPTURE);
      rig = new SpeechNodeTest.Rig(new SpeechNodeTest.Scripted(null));
    }
    return rig;
  }

  @AfterContainer
  static void close() {
    if (rig != null) {
      rig.close();
      rig = null;
      SPEECH_LOG.removeHandler(CAPTURE);
    }
  }

  @Provide
  Arbitrary<Integer> rates() {
    return Arbitraries.oneOf(Arbitraries.of(Integer.MIN_VALUE, -16_000, 0, 1, 3_999, 4_000, 8_000, 11_025, 16_000, 22_050,
        44_100, 48_000, 96_000, 192_000, 192_001, Integer.MAX_VALUE), Arbitraries.integers().between(4_000, 192_000));
  }

  @Provide
  Arbitrary<Integer> channels() {
    return Arbitraries.of(-1, 0, 1, 1, 1, 2, 2, 3, 6, 255, 256);
  }

  @Provide
  Arbitrary<short[]> samples() {
    return Arbitraries.oneOf(
        Arbitraries.shorts().array(short[].class).ofMaxSize(2_048),
        Arbitraries.of(Short.MIN_VALUE, Short.MAX_VALUE, (short) 0).array(short[].class).ofMaxSize(1_024),
        Arbitraries.just(null),
        Arbitraries.just(new short[0]));
  }

  @Property(tries = 400)
  void malformedChunksAreCountedAndPublishNothing(@ForAll("rates") int rate, @ForAll("channels") int channels,
      @ForAll("samples") short[] samples) {
    SpeechNodeTest.Rig r = rig();
    boolean malformed = samples == null || samples.length == 0 || channels < 1 || rate < 4_000 || rate > 192_000
        || samples.length % channels != 0;
    long badBefore = Long.parseLong(r.node.diagnose().values().get("bad_chunks"));
    int publishedBefore = r.published.size();
    r.mic.publish(new AudioChunk(new Header(tick, "mic"), rate, channels, samples));
    tick += 20_000_000L;
    r.node.tick(tick); // handlers run here; an exception would fail the property
    DiagnosticArray.Status s = r.node.diagnose();
    long badAfter = Long.parseLong(s.values().get("bad_chunks"));
    for (LogRecord record : LOGGED) {
      if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
        fail("the speech node failed on a " + rate + " Hz x" + channels + " chunk: " + record.getMessage(),
            record.getThrown());
      }
    }
    if (malformed && badAfter == 1) {
      assertTrue(LOGGED.stream().anyMatch(l -> String.valueOf(l.getMessage()).contains("ignored 1 audio chunk")),
          "the first malformed chunk is logged (and so the capture of the node's log works)");
    }
    assertEquals(badBefore + (malformed ? 1 : 0), badAfter, "bad_chunks after " + rate + " Hz x" + channels);
    if (malformed) {
      assertEquals(publishedBefore, r.published.size(), "a malformed chunk published something");
      assertEquals(DiagnosticArray.Level.WARN, s.level());
    }
  }
}
