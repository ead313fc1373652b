package dev.vla.sim.scenario.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Instructions from structured meaning, with systematic paraphrase: verb and preposition synonyms,
 * word order, politeness, fillers, and the word errors speech recognisers make. Some phrasings are
 * reserved: they never appear in training text, only in the held-out evaluation set, so the model's
 * figure on them measures generalisation to new wording. Not thread-safe (one random source).
 */
public final class Grammar {
  /** Which phrasings may be used. */
  public enum Split { TRAIN, HELDOUT }

  /** A phrase option and whether it is reserved for held-out text. */
  private record Option(String text, boolean heldOut) {}

  private static List<Option> options(String train, String heldOut) {
    List<Option> out = new ArrayList<>();
    for (String t : train.split("\\|", -1)) {
      out.add(new Option(t, false));
    }
    if (!heldOut.isEmpty()) {
      for (String t : heldOut.split("\\|", -1)) {
        out.add(new Option(t, true));
      }
    }
    return out;
  }

  private static final List<Option> PREFIX = options("|||please |could you |can you |robot, |okay, ",
      "would you please |hey robot, |i need you to ");
  private static final List<Option> SUFFIX = options("||| please| thanks", " for me| now");
  private static final List<Option> PUT = options("put|place|drop|move", "stick|set");
  private static final List<Option> IN = options("in|into", "inside");
  private static final List<Option> ON = options("on|onto", "on top of");
  private static final List<Option> PICK = options("pick up|grab|take|get", "lift|grasp");
  private static final List<Option> GO = options("go to|drive to|head to", "navigate to|move to");
  private static final List<Option> BRING = options("bring me|hand me", "fetch me|give me");
  private static final List<Option> OPEN = options("open", "pull open");
  private static final List<Option> CLOSE = options("close", "shut");
  private static final List<Option> PUSH = options("push|nudge", "shove|slide");
  private static final List<Option> LOOK = options("look at", "face");
  private static final List<Option> THEN = options(" and then | then |, then ", " and after that | after that ");
  private static final List<Option> NOT = options("that is not|that isn't", "which is not|which isn't");
  private static final List<Option> CORRECT = options("no, the %s|no, i meant the %s|actually, the %s",
      "sorry, the %s|not that one, the %s");
  private static final Map<String, List<Option>> RELATION = Map.of(
      "left_of", options("left of|to the left of", "on the left side of"),
      "right_of", options("right of|to the right of", "on the right side of"),
      "behind", options("behind", "in back of"),
      "in_front_of", options("in front of", "just in front of"),
      "next_to", options("next to|beside", "near"));
  private static final Map<String, List<Option>> SUPERLATIVE = Map.of(
      "nearest", options("nearest|closest", "closest to you"),
      "farthest", options("farthest", "furthest"));
  /** Words a recogniser confuses, per the acoustics; applied to one word now and then. */
  private static final Map<String, String> HOMOPHONES = Map.of(
      "red", "read", "blue", "blew", "bin", "been", "ball", "bowl", "cube", "cue", "to", "two", "the", "a",
      "green", "greene", "white", "wide");
  static final List<String> NONSENSE = List.of("sing me a song", "what is the weather like", "tell me a joke",
      "throw the %s at the window", "hit me with the %s", "drive into the wall", "break the %s", "jump up and down",
      "dance for me", "climb onto the table", "eat the %s", "set the %s on fire");
  static final List<String> NONSENSE_HELDOUT = List.of("do a backflip", "smash the %s on the floor",
      "what time is it", "kick the %s across the room");

  private final Random rng;
  private final Split split;
  private final double typoRate;

  public Grammar(Random rng, Split split, double typoRate) {
    this.rng = rng;
    this.split = split;
    this.typoRate = typoRate;
  }

  private String pick(List<Option> opts) {
    List<Option> allowed = new ArrayList<>();
    List<Option> reserved = new ArrayList<>();
    for (Option o : opts) {
      if (!o.heldOut()) {
        allowed.add(o);
      } else {
        reserved.add(o);
      }
    }
    if (split == Split.HELDOUT && !reserved.isEmpty() && rng.nextDouble() < 0.5) {
      return reserved.get(rng.nextInt(reserved.size())).text();
    }
    return allowed.get(rng.nextInt(allowed.size())).text();
  }

  /** "the small red cube", sometimes "the red one" when the category is clear from context. */
  public String np(String size, String color, String category) {
    StringBuilder sb = new StringBuilder("the ");
    if (size != null && rng.nextDouble() < 0.7) {
      sb.append(size.equals("small") ? pickWord("small", "little", "tiny") : pickWord("large", "big")).append(' ');
    }
    if (color != null) {
      sb.append(color).append(' ');
    }
    String cat = category;
    if (cat.equals("ball") && rng.nextDouble() < 0.15) {
      cat = "sphere";
    }
    sb.append(cat);
    return sb.toString();
  }

  private String pickWord(String... words) {
    return words[rng.nextInt(words.length)];
  }

  public String relation(String kind, String refNp) {
    return pick(RELATION.get(kind)) + " " + refNp;
  }

  /** "the red cube left of the green bin" or "the cube to the left of the green bin". */
  public String related(String objNp, String kind, String refNp) {
    return objNp + " " + relation(kind, refNp);
  }

  /** "the nearest white cylinder". */
  public String superlative(String kind, String color, String category) {
    String word = pick(SUPERLATIVE.get(kind));
    if (word.contains(" ")) {
      return "the " + (color == null ? "" : color + " ") + category + " " + word;
    }
    return "the " + word + " " + (color == null ? "" : color + " ") + category;
  }

  /** "the ball that is not red". */
  public String negated(String category, String notColor) {
    return "the " + category + " " + pick(NOT) + " " + notColor;
  }

  public String put(String objNp, String destNp, boolean on) {
    return wrap(pick(PUT) + " " + objNp + " " + pick(on ? ON : IN) + " " + destNp);
  }

  public String pickUp(String objNp) {
    String verb = pick(PICK);
    if (verb.equals("pick up") && rng.nextBoolean()) {
      return wrap("pick " + objNp + " up");
    }
    return wrap(verb + " " + objNp);
  }

  public String bring(String objNp) {
    return wrap(pick(BRING) + " " + objNp);
  }

  public String go(String place) {
    return wrap(pick(GO) + " " + place);
  }

  public String open(String np) {
    return wrap(pick(OPEN) + " " + np);
  }

  public String close(String np) {
    return wrap(pick(CLOSE) + " " + np);
  }

  public String push(String np, String direction) {
    return wrap(pick(PUSH) + " " + np + " " + (rng.nextBoolean() ? "to the " + direction : direction));
  }

  public String lookAt(String np) {
    return wrap(pick(LOOK) + " " + np);
  }

  /** Two requests in one: "put the cube in the bin and then go to the kitchen". */
  public String then(String first, String second) {
    return first + pick(THEN) + stripPrefix(second);
  }

  /** "no, the green one" / "actually, the green cube". */
  public String correction(String color, String category) {
    String what = rng.nextBoolean() ? color + " one" : color + " " + category;
    return String.format(Locale.ROOT, pick(CORRECT), what);
  }

  public String nonsense(String someObjectNp) {
    List<String> pool = split == Split.HELDOUT && rng.nextBoolean() ? NONSENSE_HELDOUT : NONSENSE;
    String t = pool.get(rng.nextInt(pool.size()));
    return wrap(t.contains("%s") ? String.format(Locale.ROOT, t, someObjectNp.replaceFirst("^the ", "")) : t);
  }

  private String wrap(String core) {
    String text = pick(PREFIX) + core + pick(SUFFIX);
    if (rng.nextDouble() < 0.1) {
      text = pickWord("um ", "uh ", "so ", "okay so ") + text;
    }
    return typo(text);
  }

  private static String stripPrefix(String s) {
    for (Option o : PREFIX) {
      if (!o.text().isEmpty() && s.startsWith(o.text())) {
        return s.substring(o.text().length());
      }
    }
    return s;
  }

  /** Now and then one word as a recogniser might mishear it: a homophone, a dropped or doubled letter. */
  private String typo(String text) {
    if (rng.nextDouble() >= typoRate) {
      return text;
    }
    String[] words = text.split(" ");
    int i = rng.nextInt(words.length);
    String w = words[i];
    String h = HOMOPHONES.get(w);
    if (h != null && rng.nextBoolean()) {
      words[i] = h;
    } else if (w.length() > 3) {
      int at = 1 + rng.nextInt(w.length() - 2);
      words[i] = rng.nextBoolean() ? w.substring(0, at) + w.substring(at + 1) : w.substring(0, at) + w.charAt(at) + w.substring(at);
    }
    return String.join(" ", words);
  }
}
