package dev.vla.model.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.model.language.TextFuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The shipped WordPiece vocabulary on hostile text: every id in range, every word either rebuilt exactly
 * from its pieces or one [UNK], and 1 MB inputs (one endless word among them) tokenized in linear time.
 */
class WordPieceFuzzTest {
  static final WordPiece VOCAB = shipped();

  static WordPiece shipped() {
    try {
      return WordPiece.load(Path.of("model/vocab.txt"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<String> hostileText() {
    return TextFuzzTest.hostileText();
  }

  @Property(tries = 1500)
  void everyWordIsRebuiltFromItsPiecesOrUnknown(@ForAll("hostileText") String text) {
    WordPiece.Encoding e = VOCAB.encode(text);
    assertEquals(e.ids().size(), e.wordIndex().size());
    int unk = VOCAB.id(WordPiece.UNK);
    StringBuilder[] rebuilt = new StringBuilder[e.words().size()];
    int last = 0;
    for (int i = 0; i < e.ids().size(); i++) {
      int id = e.ids().get(i);
      int word = e.wordIndex().get(i);
      assertTrue(id >= 0 && id < VOCAB.size(), "id " + id);
      assertTrue(word >= last && word < e.words().size(), "word indices run in order");
      last = word;
      if (rebuilt[word] == null) {
        rebuilt[word] = new StringBuilder();
      }
      rebuilt[word].append(id == unk ? "[UNK]" : VOCAB.piece(id).replaceFirst("^##", ""));
    }
    for (int w = 0; w < rebuilt.length; w++) {
      String r = String.valueOf(rebuilt[w]);
      assertTrue(r.equals(e.words().get(w)) || r.equals("[UNK]"), e.words().get(w) + " -> " + r);
    }
  }

  @Test
  void hugeInputsAreTokenizedInLinearTime() {
    for (String text : TextFuzzTest.hugeInputs()) {
      WordPiece.Encoding e = TextFuzzTest.within(text, "encode", VOCAB::encode);
      assertEquals(e.ids().size(), e.wordIndex().size());
    }
  }

  @Provide
  Arbitrary<String> words() {
    return net.jqwik.api.Arbitraries.oneOf(
        net.jqwik.api.Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789'").ofMinLength(1).ofMaxLength(40),
        net.jqwik.api.Arbitraries.of("red", "cube", "cubes", "kitchen", "drawer", "leftmost", "don't").list().ofMinSize(1)
            .ofMaxSize(5).map(l -> String.join("", l)));
  }

  /** Greedy longest-match pieces of any word are those of the unbounded search the tokenizer is defined by. */
  @Property(tries = 300)
  void longestMatchIsUnchangedByTheBoundOnPieceLength(@ForAll("words") String word) {
    assertEquals(unboundedGreedy(word), VOCAB.pieces(word), word);
  }

  /** WordPiece as defined: at each position the longest piece in the vocabulary, [UNK] if none. */
  static List<String> unboundedGreedy(String word) {
    List<String> out = new java.util.ArrayList<>();
    int start = 0;
    while (start < word.length()) {
      String found = null;
      int end = word.length();
      for (; end > start; end--) {
        String candidate = (start == 0 ? "" : "##") + word.substring(start, end);
        if (has(candidate)) {
          found = candidate;
          break;
        }
      }
      if (found == null) {
        return List.of(WordPiece.UNK);
      }
      out.add(found);
      start = end;
    }
    return out;
  }

  private static boolean has(String piece) {
    try {
      VOCAB.id(piece);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
