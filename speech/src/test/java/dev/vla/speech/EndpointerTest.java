package dev.vla.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.speech.Endpointer.Change;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointerTest {
  private static final Endpointer.Config CONFIG = new Endpointer.Config(0.5, 0.35, 2, 4, 20);

  static List<Change> feed(Endpointer e, double... p) {
    List<Change> out = new ArrayList<>();
    for (double v : p) {
      out.add(e.accept(v));
    }
    return out;
  }

  @Test
  void speechStartsAfterTwoWindowsAndEndsAfterTheHangover() {
    Endpointer e = new Endpointer(CONFIG);
    List<Change> c = feed(e, 0.1, 0.9, 0.9, 0.9, 0.2, 0.1, 0.1, 0.1);
    assertEquals(List.of(Change.NONE, Change.NONE, Change.STARTED, Change.NONE, Change.NONE, Change.NONE, Change.NONE,
        Change.ENDED), c);
    assertEquals(1, e.startWindow());
    assertEquals(4, e.trailingSilence());
    assertFalse(e.inSpeech());
  }

  @Test
  void aClickDoesNotStartAnUtterance() {
    Endpointer e = new Endpointer(CONFIG);
    assertTrue(feed(e, 0.9, 0.1, 0.9, 0.2, 0.95, 0.0).stream().allMatch(c -> c == Change.NONE));
  }

  @Test
  void aPauseShorterThanTheHangoverKeepsTheUtteranceTogether() {
    Endpointer e = new Endpointer(CONFIG);
    List<Change> c = feed(e, 0.9, 0.9, 0.1, 0.1, 0.1, 0.9, 0.1, 0.1, 0.1, 0.1);
    assertEquals(1, c.stream().filter(x -> x == Change.STARTED).count());
    assertEquals(Change.ENDED, c.get(c.size() - 1));
    assertEquals(1, c.stream().filter(x -> x == Change.ENDED).count());
  }

  @Test
  void probabilitiesBetweenTheThresholdsNeitherStartNorEndSpeech() {
    Endpointer e = new Endpointer(CONFIG);
    assertTrue(feed(e, 0.4, 0.45, 0.4, 0.4).stream().allMatch(c -> c == Change.NONE));
    feed(e, 0.9, 0.9);
    assertTrue(e.inSpeech());
    assertTrue(feed(e, 0.4, 0.4, 0.4, 0.4, 0.4).stream().allMatch(c -> c == Change.NONE), "0.4 is not silence");
  }

  @Test
  void endlessSpeechIsCutAtTheMaximumLength() {
    Endpointer e = new Endpointer(CONFIG);
    double[] p = new double[40];
    java.util.Arrays.fill(p, 0.99);
    List<Change> c = feed(e, p);
    assertEquals(Change.ENDED, c.get(19));
    assertEquals(0, e.trailingSilence());
    assertEquals(Change.STARTED, c.get(21), "speech that goes on starts a new utterance");
  }

  @Test
  void inconsistentSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Endpointer.Config(0.3, 0.5, 2, 4, 20));
    assertThrows(IllegalArgumentException.class, () -> new Endpointer.Config(0.5, 0.35, 0, 4, 20));
    assertThrows(IllegalArgumentException.class, () -> new Endpointer.Config(0.5, 0.35, 2, 4, 2));
  }
}
