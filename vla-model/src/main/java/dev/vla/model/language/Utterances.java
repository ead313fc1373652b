package dev.vla.model.language;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classifies an utterance into an {@link UtteranceKind} by its opening words. Cheap and
 * deterministic so it can sit on the stop fast path. Thread-safe.
 */
public final class Utterances {
  /** Words that stop the robot on their own (DESIGN §2 and the speech issue). */
  public static final Set<String> STOP_WORDS = Set.of("stop", "halt", "freeze");
  /**
   * What the speech stage publishes for speech it heard but could not place in the command language:
   * the controller asks the person to say it again rather than guess.
   */
  public static final String UNINTELLIGIBLE = "(unintelligible speech)";

  private static final Set<String> WAIT_WORDS = Set.of("wait", "pause");
  private static final List<String> WAIT_PHRASES = List.of("hold on", "hang on", "one moment", "just a moment", "wait a second");
  private static final List<String> CONTINUE_PHRASES =
      List.of("continue", "go on", "resume", "carry on", "keep going", "go ahead", "proceed", "ok continue");
  private static final List<String> CORRECTION_OPENERS = List.of("no ", "no,", "nope", "not that", "i meant", "i mean",
      "actually", "wrong", "sorry i meant", "instead", "rather");
  private static final List<String> ADDITION_OPENERS = List.of("also ", "and also", "then ", "and then", "after that",
      "afterwards", "when you are done", "when you're done", "next ", "and ");
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9' ]+");
  private static final Set<String> FILLERS = Set.of("um", "uh", "erm", "hmm", "ok", "okay", "please", "robot", "hey", "so", "well");

  /** Longest quote of an utterance in a question back to the person ({@link #quoted}). */
  public static final int MAX_QUOTED = 80;

  private Utterances() {}

  /**
   * The utterance as a question quotes it back to the person ("I can't do \"...\""): control characters
   * and unpaired surrogates as spaces, cut to {@link #MAX_QUOTED} characters with an ellipsis. What a policy
   * asks must pass the {@code ask} skill's check (no control characters, at most 256 characters) whatever
   * was said or published on {@code /vla/instruction}.
   */
  public static String quoted(String text) {
    if (text == null) {
      return "";
    }
    String t = text.length() > 4 * MAX_QUOTED ? text.substring(0, 4 * MAX_QUOTED) : text;
    StringBuilder out = new StringBuilder(Math.min(t.length(), MAX_QUOTED + 1));
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      int n = Character.charCount(cp);
      out.appendCodePoint(Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE ? ' ' : cp);
      i += n;
    }
    String s = out.toString().strip();
    if (s.length() <= MAX_QUOTED) {
      return s;
    }
    int cut = MAX_QUOTED - 1;
    if (Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--;
    }
    return s.substring(0, cut) + "…";
  }

  /** Lower case, punctuation to spaces, single spaces. */
  public static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String t = NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
    return t.trim().replaceAll("\\s+", " ");
  }

  public static UtteranceKind classify(String text) {
    String t = stripFillers(normalise(text));
    if (t.isEmpty()) {
      return UtteranceKind.CHATTER;
    }
    String[] words = t.split(" ");
    if (words.length == 1 && FILLERS.contains(words[0])) {
      return UtteranceKind.CHATTER; // only filler words ("um", "ok", "please")
    }
    if (STOP_WORDS.contains(words[0]) || (words.length <= 3 && containsAny(words, STOP_WORDS))) {
      return UtteranceKind.STOP;
    }
    if (words.length <= 4 && (WAIT_WORDS.contains(words[0]) || startsWithAny(t, WAIT_PHRASES))) {
      return UtteranceKind.WAIT;
    }
    if (words.length <= 4 && startsWithAny(t, CONTINUE_PHRASES)) {
      return UtteranceKind.CONTINUE;
    }
    String padded = t + " ";
    if (startsWithAny(padded, CORRECTION_OPENERS)) {
      return UtteranceKind.CORRECTION;
    }
    if (startsWithAny(padded, ADDITION_OPENERS)) {
      return UtteranceKind.ADDITION;
    }
    boolean hasContent = false;
    for (String w : words) {
      if (w.length() > 1 && w.chars().anyMatch(Character::isLetter)) {
        hasContent = true;
        break;
      }
    }
    return hasContent ? UtteranceKind.INSTRUCTION : UtteranceKind.CHATTER;
  }

  /** True when any word of the utterance is a stop word: what the speech stage spots mid-utterance. */
  public static boolean containsStopWord(String text) {
    return containsAny(normalise(text).split(" "), STOP_WORDS);
  }

  /** The instruction part of an addition or correction: "also close the drawer" gives "close the drawer". */
  public static String strippedOpener(String text) {
    String t = stripFillers(normalise(text));
    for (String opener : List.of("and also ", "and then ", "after that ", "afterwards ", "when you are done ",
        "when you're done ", "also ", "then ", "next ", "and ", "sorry i meant ", "i meant ", "i mean ", "actually ",
        "no no ", "nope ", "no ", "instead ", "rather ")) {
      if (t.startsWith(opener)) {
        return t.substring(opener.length()).trim();
      }
    }
    return t;
  }

  private static String stripFillers(String t) {
    String[] words = t.split(" ");
    int i = 0;
    while (i < words.length - 1 && FILLERS.contains(words[i])) {
      i++;
    }
    return String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
  }

  private static boolean startsWithAny(String t, List<String> openers) {
    for (String o : openers) {
      if (t.startsWith(o)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(String[] words, Set<String> set) {
    for (String w : words) {
      if (set.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
