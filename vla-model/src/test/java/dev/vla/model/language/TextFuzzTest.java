package dev.vla.model.language;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Hostile text into the language code the speech stage and {@code /vla/instruction} feed: empty, binary,
 * control characters, unpaired surrogates, and inputs of 256 KiB to 1 MB built to hit the worst case of each step
 * (one endless word, endless clauses, corrections, relations). Every call answers, never throws, and
 * finishes in time linear in the input.
 */
public class TextFuzzTest {
  static final int MEGABYTE = 1 << 20;
  /**
   * The structured worst cases are a quarter of that: four times the largest string message the graph
   * carries (64 KiB), and enough that the quadratic and recursive versions fixed here took minutes or
   * overflowed the stack, while the linear ones keep the test to a few seconds.
   */
  static final int QUARTER = MEGABYTE / 4;
  /** Generous for 1 MB on a loaded 2-core runner; quadratic work on 1 MB takes hours, not seconds. */
  static final long BUDGET_MILLIS = 8_000;
  private static final Pattern NORMALISED = Pattern.compile("[a-z0-9' ]*");

  @Provide
  public static Arbitrary<String> hostileText() {
    return Arbitraries.oneOf(
        Arbitraries.of("", " ", "\u0000", "\ud800", "\udfff\ud800", "stop\ud800", "\u202estop", "ｓｔｏｐ", "STOP!", "İ",
            "pick up the\u0000red cube", "put the cube in\u0085the bin", "\ufeffgo to the kitchen"),
        Arbitraries.strings().all().ofMaxLength(400),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars(" .!?;,'").ofMaxLength(80),
        Arbitraries.strings().withCharRange('\ud800', '\udfff').withChars(" a").ofMaxLength(40),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)),
        Arbitraries.of(LanguageProperties.WORDS).list().ofMaxSize(30).map(w -> String.join(" ", w)));
  }

  @Property(tries = 2000)
  void everyLanguageEntryPointAnswers(@ForAll("hostileText") String text) {
    assertNotNull(Utterances.classify(text));
    String normal = Utterances.normalise(text);
    assertTrue(NORMALISED.matcher(normal).matches(), "normalise leaves only [a-z0-9' ]: " + normal);
    assertNotNull(Utterances.strippedOpener(text));
    Utterances.containsStopWord(text);
    for (Command c : RuleParser.parse(text)) {
      assertNotNull(c.action());
    }
    String quoted = Utterances.quoted(text);
    assertTrue(quoted.length() <= Utterances.MAX_QUOTED, quoted);
    assertTrue(quoted.chars().noneMatch(Character::isISOControl), "quoted text has no control characters");
  }

  /** 1 MB unstructured inputs and 256 KiB structured ones, one per worst case. */
  public static List<String> hugeInputs() {
    Random rng = new Random(7);
    StringBuilder words = new StringBuilder();
    while (words.length() < QUARTER) {
      words.append(LanguageProperties.WORDS.get(rng.nextInt(LanguageProperties.WORDS.size()))).append(' ');
    }
    char[] any = new char[MEGABYTE];
    for (int i = 0; i < any.length; i++) {
      any[i] = (char) rng.nextInt(0x10000);
    }
    return List.of(
        "a".repeat(MEGABYTE), // one endless word
        words.toString(),
        new String(any),
        "pick the cube and then ".repeat(QUARTER / 23), // endless clauses
        "put the cube in the bin. no, the green one. ".repeat(QUARTER / 44), // endless corrections
        "pick the cube " + "behind ".repeat(QUARTER / 7), // relations nested without end
        "find the ball " + "left of the ".repeat(QUARTER / 12),
        "push " + "x ".repeat(QUARTER / 4) + "the ".repeat(QUARTER / 8), // many words, then many "the"
        "put " + "in ".repeat(QUARTER / 3),
        "please ".repeat(QUARTER / 7) + "stop",
        ".".repeat(MEGABYTE),
        " ".repeat(MEGABYTE),
        "\u0000".repeat(MEGABYTE),
        "\ud800".repeat(MEGABYTE));
  }

  @Test
  void hugeInputsAreHandledInLinearTime() {
    for (String text : hugeInputs()) {
      within(text, "classify", Utterances::classify);
      within(text, "strippedOpener", Utterances::strippedOpener);
      within(text, "parse", RuleParser::parse);
      within(text, "quoted", Utterances::quoted);
    }
  }

  public static <T> T within(String text, String what, Function<String, T> f) {
    long t0 = System.nanoTime();
    T out;
    try {
      out = f.apply(text);
    } catch (StackOverflowError e) {
      throw new AssertionError(what + " overflowed the stack on " + describe(text), e);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (ms > BUDGET_MILLIS) {
      fail(what + " took " + ms + " ms on " + describe(text));
    }
    assertNotNull(out);
    return out;
  }

  public static String describe(String text) {
    return text.length() + " chars starting '" + text.substring(0, Math.min(30, text.length())) + "'";
  }
}
