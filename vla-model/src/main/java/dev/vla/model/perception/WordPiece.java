package dev.vla.model.perception;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A WordPiece tokenizer: each word is split greedily into the longest pieces in the vocabulary, the
 * first piece as is and the rest marked {@code ##}, so a misspelt or unseen word ("grren", "cubee")
 * still maps to pieces the model has seen. The vocabulary is built once from a corpus and shipped with
 * the model ({@code vocab.txt}, one piece per line, id = line number). Immutable and thread-safe.
 */
public final class WordPiece {
  public static final String PAD = "[PAD]";
  public static final String UNK = "[UNK]";
  public static final String SEP = "[SEP]";
  public static final String HISTORY = "[H]";
  private static final List<String> SPECIAL = List.of(PAD, UNK, SEP, HISTORY);

  private final List<String> pieces;
  private final Map<String, Integer> ids = new HashMap<>();
  /** Characters of the longest piece: no longer candidate can match, so none is tried. */
  private final int longestPiece;

  private WordPiece(List<String> pieces) {
    this.pieces = List.copyOf(pieces);
    int longest = 0;
    for (int i = 0; i < pieces.size(); i++) {
      ids.put(pieces.get(i), i);
      longest = Math.max(longest, pieces.get(i).length());
    }
    this.longestPiece = longest;
    for (String s : SPECIAL) {
      if (!ids.containsKey(s)) {
        throw new IllegalArgumentException("vocabulary lacks " + s);
      }
    }
    if (ids.get(PAD) != 0) {
      // Text tensors are zero-filled and the model masks id 0 as padding.
      throw new IllegalArgumentException("vocabulary must start with " + PAD + " (id 0); it is on line " + (ids.get(PAD) + 1));
    }
  }

  public static WordPiece load(Path vocab) throws IOException {
    return of(Files.readAllLines(vocab, StandardCharsets.UTF_8));
  }

  /** A vocabulary from its pieces, one per id, as the lines of {@code vocab.txt}. */
  public static WordPiece of(List<String> pieces) {
    return new WordPiece(pieces);
  }

  public void save(Path vocab) throws IOException {
    Files.write(vocab, pieces, StandardCharsets.UTF_8);
  }

  /**
   * Builds a vocabulary from words: every word seen at least {@code minCount} times, every letter and
   * digit alone and as a continuation, and the most frequent continuation suffixes of 2-4 letters.
   */
  public static WordPiece build(Collection<String> texts, int minCount, int suffixes) {
    Map<String, Integer> words = new TreeMap<>();
    for (String t : texts) {
      for (String w : words(t)) {
        words.merge(w, 1, Integer::sum);
      }
    }
    List<String> out = new ArrayList<>(SPECIAL);
    for (char ch = 'a'; ch <= 'z'; ch++) {
      out.add(String.valueOf(ch));
      out.add("##" + ch);
    }
    for (char ch = '0'; ch <= '9'; ch++) {
      out.add(String.valueOf(ch));
      out.add("##" + ch);
    }
    out.add("'");
    out.add("##'");
    Map<String, Integer> suffixCount = new HashMap<>();
    words.forEach((w, n) -> {
      if (n >= minCount && !out.contains(w)) {
        out.add(w);
      }
      for (int len = 2; len <= 4; len++) {
        for (int start = 1; start + len <= w.length(); start++) {
          suffixCount.merge("##" + w.substring(start, start + len), n, Integer::sum);
        }
      }
    });
    suffixCount.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(suffixes).map(Map.Entry::getKey).filter(s -> !out.contains(s)).forEach(out::add);
    return new WordPiece(out);
  }

  /** Lower-case words of letters, digits and apostrophes. */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9']+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** Pieces of one word, longest match first; [UNK] when a character has no piece. Linear in the word's length. */
  public List<String> pieces(String word) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < word.length()) {
      // Candidates longer than the longest piece cannot match: without this bound a long word (a 1 MB
      // instruction without spaces) tries every suffix at every position, cubic work.
      int end = (int) Math.min(word.length(), (long) start + longestPiece);
      String found = null;
      while (end > start) {
        String candidate = (start == 0 ? "" : "##") + word.substring(start, end);
        if (ids.containsKey(candidate)) {
          found = candidate;
          break;
        }
        end--;
      }
      if (found == null) {
        return List.of(UNK);
      }
      out.add(found);
      start = end;
    }
    return out;
  }

  /** A tokenized text: piece ids and, for each, the index of the word it came from. */
  public record Encoding(List<Integer> ids, List<Integer> wordIndex, List<String> words) {}

  public Encoding encode(String text) {
    List<Integer> out = new ArrayList<>();
    List<Integer> wordIndex = new ArrayList<>();
    List<String> ws = words(text);
    for (int i = 0; i < ws.size(); i++) {
      for (String p : pieces(ws.get(i))) {
        out.add(ids.get(p));
        wordIndex.add(i);
      }
    }
    return new Encoding(out, wordIndex, ws);
  }

  public int id(String piece) {
    Integer id = ids.get(piece);
    if (id == null) {
      throw new IllegalArgumentException("no piece '" + piece + "' in the vocabulary");
    }
    return id;
  }

  public int size() {
    return pieces.size();
  }

  public String piece(int id) {
    return pieces.get(id);
  }
}
