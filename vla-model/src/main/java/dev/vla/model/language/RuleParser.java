package dev.vla.model.language;

import dev.vla.model.language.ObjectQuery.Kind;
import dev.vla.model.language.ObjectQuery.Relation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A rule parser for instructions over the scenario vocabulary: verbs, colour / size / category
 * words, negation ("not red"), one level of spatial relation ("left of the green bin", "nearest"),
 * multi-step requests ("... and then go to the kitchen") and corrections appended as later sentences
 * ("... . no, the green one"). What a careful engineer builds in a day; the keyword baseline's
 * language half. Stateless and thread-safe.
 */
public final class RuleParser {
  private static final List<String> POLITE = List.of("please", "could you", "can you", "would you", "will you",
      "i want you to", "i would like you to", "i'd like you to", "id like you to", "go ahead and", "kindly", "hey",
      "robot", "now", "um", "uh", "okay", "ok", "so");
  private static final Map<String, Command.Action> VERBS = Map.ofEntries(
      Map.entry("put", Command.Action.PUT), Map.entry("place", Command.Action.PUT), Map.entry("drop", Command.Action.PUT),
      Map.entry("set", Command.Action.PUT), Map.entry("stick", Command.Action.PUT), Map.entry("toss", Command.Action.PUT),
      Map.entry("move", Command.Action.PUT), Map.entry("store", Command.Action.PUT),
      Map.entry("pick", Command.Action.PICK), Map.entry("grab", Command.Action.PICK), Map.entry("take", Command.Action.PICK),
      Map.entry("get", Command.Action.PICK), Map.entry("lift", Command.Action.PICK), Map.entry("grasp", Command.Action.PICK),
      Map.entry("fetch", Command.Action.BRING), Map.entry("bring", Command.Action.BRING), Map.entry("give", Command.Action.BRING),
      Map.entry("hand", Command.Action.BRING),
      Map.entry("go", Command.Action.GO), Map.entry("navigate", Command.Action.GO), Map.entry("drive", Command.Action.GO),
      Map.entry("head", Command.Action.GO), Map.entry("come", Command.Action.GO),
      Map.entry("walk", Command.Action.GO),
      Map.entry("open", Command.Action.OPEN), Map.entry("close", Command.Action.CLOSE), Map.entry("shut", Command.Action.CLOSE),
      Map.entry("push", Command.Action.PUSH), Map.entry("shove", Command.Action.PUSH), Map.entry("nudge", Command.Action.PUSH),
      Map.entry("slide", Command.Action.PUSH),
      Map.entry("look", Command.Action.LOOK), Map.entry("face", Command.Action.LOOK),
      Map.entry("find", Command.Action.FIND), Map.entry("locate", Command.Action.FIND), Map.entry("search", Command.Action.FIND));
  private static final Set<String> DIRECTIONS = Set.of("left", "right", "forward", "backward", "away", "towards", "back");
  private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "that", "this", "those", "these", "one",
      "ones", "thing", "object", "item", "some", "up", "me", "for", "at", "please", "it's", "its");
  private static final Set<String> NEGATORS = Set.of("not", "isn't", "isnt", "aren't", "arent", "except", "other", "non",
      "but");

  private RuleParser() {}

  /** Parses an instruction, with corrections as later sentences, into its steps. */
  public static List<Command> parse(String instruction) {
    List<String> sentences = new ArrayList<>();
    for (String s : instruction.split("[.!?;]+")) {
      if (!s.isBlank()) {
        sentences.add(s.trim());
      }
    }
    List<Command> steps = new ArrayList<>();
    for (String sentence : sentences) {
      UtteranceKind kind = Utterances.classify(sentence);
      if (kind == UtteranceKind.CORRECTION && !steps.isEmpty()) {
        steps = correct(steps, Utterances.strippedOpener(sentence));
      } else if (kind != UtteranceKind.STOP && kind != UtteranceKind.WAIT && kind != UtteranceKind.CONTINUE) {
        String text = kind == UtteranceKind.ADDITION ? Utterances.strippedOpener(sentence) : Utterances.normalise(sentence);
        for (String clause : clauses(stripPolite(text))) {
          steps.add(parseClause(clause));
        }
      }
    }
    return steps;
  }

  private static String stripPolite(String text) {
    String t = text;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String p : POLITE) {
        if (t.startsWith(p + " ")) {
          t = t.substring(p.length() + 1);
          changed = true;
        }
      }
    }
    return t.endsWith(" please") ? t.substring(0, t.length() - 7) : t;
  }

  /** Splits "pick the cube and then go to the kitchen" into its clauses. */
  static List<String> clauses(String text) {
    List<String> out = new ArrayList<>();
    String[] words = text.split(" ");
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      boolean splitHere = false;
      int skip = 0;
      if (w.equals("then") && cur.length() > 0) {
        splitHere = true;
      } else if (w.equals("and") && i + 1 < words.length) {
        String next = words[i + 1].equals("then") && i + 2 < words.length ? words[i + 2] : words[i + 1];
        if (VERBS.containsKey(next)) {
          splitHere = true;
          skip = words[i + 1].equals("then") ? 1 : 0;
        }
      } else if (w.equals("after") && i + 1 < words.length && words[i + 1].equals("that")) {
        splitHere = true;
        skip = 1;
      }
      if (splitHere) {
        if (cur.length() > 0) {
          out.add(cur.toString().trim());
        }
        cur.setLength(0);
        i += skip;
        continue;
      }
      cur.append(w).append(' ');
    }
    if (cur.length() > 0) {
      out.add(cur.toString().trim());
    }
    return out;
  }

  static Command parseClause(String clause) {
    List<String> w = new ArrayList<>(Arrays.asList(clause.split(" ")));
    w.removeIf(String::isBlank);
    if (w.size() >= 2 && w.get(0).equals("where") && (w.get(1).equals("is") || w.get(1).equals("s"))) {
      return new Command(Command.Action.FIND, Optional.of(query(w.subList(2, w.size()))), Optional.empty(), "",
          Optional.empty(), Optional.empty());
    }
    if (!w.isEmpty() && w.get(0).equals("where's")) { // normalise keeps apostrophes
      return new Command(Command.Action.FIND, Optional.of(query(w.subList(1, w.size()))), Optional.empty(), "",
          Optional.empty(), Optional.empty());
    }
    if (w.isEmpty() || !VERBS.containsKey(w.get(0))) {
      return unknown();
    }
    Command.Action action = VERBS.get(w.get(0));
    if (action == Command.Action.LOOK && w.size() > 1 && w.get(1).equals("for")) {
      action = Command.Action.FIND; // "look for X" searches, "look at X" points the head
    }
    List<String> rest = new ArrayList<>(w.subList(1, w.size()));
    switch (action) {
      case GO: {
        rest.removeIf(x -> x.equals("to") || x.equals("over") || x.equals("into") || x.equals("towards") || x.equals("toward"));
        String joined = String.join(" ", stripDeterminers(rest));
        ObjectQuery q = query(rest);
        return new Command(action, Optional.empty(), Optional.of(q), "", joined.isEmpty() ? Optional.empty()
            : Optional.of(joined.replace(' ', '_')), Optional.empty());
      }
      case PUT:
      case BRING:
      case PICK: {
        // After "pick up" or "bring me", in/on say where the object is ("the cube on the table"); only
        // to/into/onto send it somewhere ("take the cube to me", "get the ball into the bin").
        int prep = action == Command.Action.PUT ? lastPreposition(rest) : deliveryPreposition(rest);
        if (prep < 0) {
          Command.Action a = action == Command.Action.PUT ? Command.Action.PICK : action;
          // Any "to" left belongs to a relation ("next to", "closest to"): keep it for the query.
          rest.removeIf(x -> x.equals("me") || x.equals("here") || x.equals("up"));
          return new Command(a, Optional.of(query(rest)), Optional.empty(), "", Optional.empty(), Optional.empty());
        }
        String p = rest.get(prep);
        List<String> obj = new ArrayList<>(rest.subList(0, prep));
        List<String> dest = new ArrayList<>(rest.subList(prep + 1, rest.size()));
        obj.removeIf(x -> x.equals("up"));
        if (dest.size() == 1 && (dest.get(0).equals("me") || dest.get(0).equals("here"))) {
          return new Command(Command.Action.BRING, Optional.of(query(obj)), Optional.empty(), "", Optional.empty(),
              Optional.empty());
        }
        String preposition = p.equals("on") || p.equals("onto") ? "on" : "in";
        if (p.equals("to") && !dest.isEmpty()) {
          preposition = "in";
        }
        return new Command(Command.Action.PUT, Optional.of(query(obj)), Optional.of(query(dest)), preposition,
            Optional.empty(), Optional.empty());
      }
      case PUSH: {
        String dir = null;
        List<String> obj = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
          String x = rest.get(i);
          if (DIRECTIONS.contains(x) && (i + 1 >= rest.size() || !rest.get(i + 1).equals("of"))) {
            dir = x.equals("back") ? "backward" : x;
          } else if (!x.equals("to") || i + 1 >= rest.size() || !DIRECTIONS.contains(rest.get(i + 1))) {
            obj.add(x);
          }
        }
        // A trailing "the" that is the only one ("push left the"); indexOf once, not once per word.
        int firstThe = obj.indexOf("the");
        if (firstThe >= 0 && firstThe == obj.size() - 1) {
          obj.remove(firstThe);
        }
        return new Command(action, Optional.of(query(obj)), Optional.empty(), "", Optional.empty(),
            Optional.ofNullable(dir));
      }
      case LOOK:
      case FIND:
      case OPEN:
      case CLOSE:
        rest.removeIf(x -> x.equals("at") || x.equals("for") || x.equals("open") || x.equals("closed"));
        return new Command(action, Optional.of(query(rest)), Optional.empty(), "", Optional.empty(), Optional.empty());
      default:
        return unknown();
    }
  }

  private static Command unknown() {
    return new Command(Command.Action.UNKNOWN, Optional.empty(), Optional.empty(), "", Optional.empty(), Optional.empty());
  }

  /** Index of the preposition that starts a destination: the last in/into/on/onto/to not inside a relation. */
  private static int lastPreposition(List<String> w) {
    for (int i = w.size() - 1; i >= 0; i--) {
      String x = w.get(i);
      boolean prep = x.equals("in") || x.equals("into") || x.equals("inside") || x.equals("on") || x.equals("onto")
          || x.equals("to");
      if (!prep) {
        continue;
      }
      boolean relationWord = i > 0 && (w.get(i - 1).equals("next") || w.get(i - 1).equals("is") || w.get(i - 1).equals("that")
          || w.get(i - 1).equals("which") || w.get(i - 1).equals("closest") || w.get(i - 1).equals("nearest"))
          || (x.equals("in") && i + 1 < w.size() && w.get(i + 1).equals("front"));
      if (!relationWord) {
        return i;
      }
    }
    return -1;
  }

  /**
   * For pick and bring verbs: the last to/into/onto that sends the object somewhere, not one inside a
   * relation ("next to", "closest to", "that is to the left of"); -1 when there is none.
   */
  private static int deliveryPreposition(List<String> w) {
    for (int i = w.size() - 1; i >= 0; i--) {
      String x = w.get(i);
      if (!(x.equals("to") || x.equals("into") || x.equals("onto"))) {
        continue;
      }
      String before = i > 0 ? w.get(i - 1) : "";
      int side = i + 1 < w.size() && w.get(i + 1).equals("the") ? i + 2 : i + 1;
      boolean leftOrRightOf = side + 1 < w.size() && (w.get(side).equals("left") || w.get(side).equals("right"))
          && w.get(side + 1).equals("of");
      boolean relationWord = List.of("next", "is", "that", "which", "closest", "nearest").contains(before);
      if (!relationWord && !leftOrRightOf) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> stripDeterminers(List<String> words) {
    List<String> out = new ArrayList<>(words);
    out.removeIf(DETERMINERS::contains);
    return out;
  }

  /** Parses a noun phrase with optional negation and one relation. */
  static ObjectQuery query(List<String> words) {
    return query(words, 0);
  }

  /**
   * Relations inside relations are read this deep ("the cube left of the ball behind the bin" is two);
   * deeper words are read as plain attributes, so "behind behind behind ..." neither recurses once per
   * word (a stack overflow at a few thousand words) nor copies the rest of the phrase at every level.
   */
  static final int MAX_RELATION_DEPTH = 4;

  private static ObjectQuery query(List<String> words, int depth) {
    List<String> w = new ArrayList<>(words);
    w.removeIf(String::isBlank);
    if (w.size() == 1 && (w.get(0).equals("it") || w.get(0).equals("them"))) {
      return new ObjectQuery(Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), Set.of(), Optional.empty(), true);
    }
    int relAt = -1;
    Kind kind = null;
    int relLen = 0;
    for (int i = 0; i < w.size() && kind == null && depth < MAX_RELATION_DEPTH; i++) {
      String x = w.get(i);
      String next = i + 1 < w.size() ? w.get(i + 1) : "";
      String next2 = i + 2 < w.size() ? w.get(i + 2) : "";
      if ((x.equals("left") || x.equals("right")) && next.equals("of")) {
        kind = x.equals("left") ? Kind.LEFT_OF : Kind.RIGHT_OF;
        relAt = i > 0 && w.get(i - 1).equals("the") && i > 1 && w.get(i - 2).equals("to") ? i - 2 : i;
        relLen = i - relAt + 2;
      } else if (x.equals("behind")) {
        kind = Kind.BEHIND;
        relAt = i;
        relLen = 1;
      } else if (x.equals("in") && next.equals("front") && next2.equals("of")) {
        kind = Kind.IN_FRONT_OF;
        relAt = i;
        relLen = 3;
      } else if ((x.equals("next") && next.equals("to")) || ((x.equals("closest") || x.equals("nearest")) && next.equals("to"))) {
        kind = Kind.NEXT_TO;
        relAt = i;
        relLen = 2;
      } else if (x.equals("beside") || x.equals("near") || x.equals("by")) {
        kind = Kind.NEXT_TO;
        relAt = i;
        relLen = 1;
      } else if ((x.equals("on") || x.equals("in") || x.equals("inside")) && !next.isEmpty()
          && !(x.equals("on") && (next.equals("the") && (next2.equals("left") || next2.equals("right"))))) {
        kind = x.equals("on") ? Kind.ON : Kind.IN;
        relAt = i;
        relLen = 1;
      }
    }
    List<String> head = relAt >= 0 ? w.subList(0, relAt) : w;
    Optional<Relation> relation = Optional.empty();
    if (kind != null) {
      List<String> ref = w.subList(Math.min(w.size(), relAt + relLen), w.size());
      relation = Optional.of(new Relation(kind, Optional.of(query(ref, depth + 1))));
    }
    Optional<String> category = Optional.empty();
    Optional<String> color = Optional.empty();
    Optional<String> size = Optional.empty();
    Set<String> notColors = new HashSet<>();
    Set<String> notCategories = new HashSet<>();
    boolean negated = false;
    for (int i = 0; i < head.size(); i++) {
      String x = head.get(i);
      String next = i + 1 < head.size() ? head.get(i + 1) : "";
      if (NEGATORS.contains(x) || (x.equals("than") && negated)) {
        negated = true;
        continue;
      }
      if (relation.isEmpty()) {
        if (x.equals("nearest") || x.equals("closest")) {
          relation = Optional.of(new Relation(Kind.NEAREST, Optional.empty()));
          continue;
        }
        if (x.equals("farthest") || x.equals("furthest")) {
          relation = Optional.of(new Relation(Kind.FARTHEST, Optional.empty()));
          continue;
        }
        if (x.equals("leftmost") || ((x.equals("left") && (next.isEmpty() || next.equals("one")))
            && i > 0 && (head.get(i - 1).equals("the") || head.get(i - 1).equals("on")))) {
          relation = Optional.of(new Relation(Kind.LEFTMOST, Optional.empty()));
          continue;
        }
        if (x.equals("rightmost") || ((x.equals("right") && (next.isEmpty() || next.equals("one")))
            && i > 0 && (head.get(i - 1).equals("the") || head.get(i - 1).equals("on")))) {
          relation = Optional.of(new Relation(Kind.RIGHTMOST, Optional.empty()));
          continue;
        }
      }
      Optional<String> c = Vocabulary.color(x);
      if (c.isPresent()) {
        if (negated) {
          notColors.add(c.get());
        } else if (color.isEmpty()) {
          color = c;
        }
        continue;
      }
      Optional<String> k = Vocabulary.category(x);
      if (k.isPresent()) {
        if (negated && category.isPresent()) {
          notCategories.add(k.get());
        } else if (negated && (i + 1 < head.size() || notColors.isEmpty())) {
          // "the one that is not a cube"; but in "the not red ball" the negation was the colour's
          notCategories.add(k.get());
        } else if (category.isEmpty()) {
          category = k;
        }
        continue;
      }
      Optional<String> s = Vocabulary.size(x);
      if (s.isPresent() && size.isEmpty()) {
        size = s;
      }
    }
    return new ObjectQuery(category, color, size, notColors, notCategories, relation, false);
  }

  /** Applies "no, the green one" / "the ball, not the cube" to the most recent step that has an object. */
  private static List<Command> correct(List<Command> steps, String correction) {
    ObjectQuery fix = query(Arrays.asList(Utterances.normalise(correction).split(" ")));
    List<Command> out = new ArrayList<>(steps);
    for (int i = out.size() - 1; i >= 0; i--) {
      Command c = out.get(i);
      boolean aboutDestination = fix.category().map(Vocabulary::isContainer).orElse(false)
          && c.destination().isPresent() && !c.object().map(o -> o.category().map(Vocabulary::isContainer).orElse(false)).orElse(false);
      if (aboutDestination) {
        out.set(i, new Command(c.action(), c.object(), Optional.of(merge(c.destination().get(), fix)), c.preposition(),
            c.region(), c.direction()));
        return out;
      }
      if (c.object().isPresent()) {
        out.set(i, new Command(c.action(), Optional.of(merge(c.object().get(), fix)), c.destination(), c.preposition(),
            c.region(), c.direction()));
        return out;
      }
    }
    return out;
  }

  /** The original description with the correction's attributes replacing the ones it names. */
  private static ObjectQuery merge(ObjectQuery base, ObjectQuery fix) {
    return new ObjectQuery(
        fix.category().or(base::category),
        fix.color().isPresent() ? fix.color() : (fix.notColors().isEmpty() ? base.color() : Optional.empty()),
        fix.size().or(base::size),
        fix.notColors().isEmpty() ? base.notColors() : fix.notColors(),
        fix.notCategories().isEmpty() ? base.notCategories() : fix.notCategories(),
        fix.relation().isPresent() ? fix.relation() : base.relation(),
        false);
  }
}
