package dev.vla.model.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordPieceTest {
  /** A hand-written vocabulary: id = line number. */
  static final List<String> LINES = List.of(
      "[PAD]", "[UNK]", "[SEP]", "[H]", // 0..3
      "pick", "up", "the", "red", "cube", // 4..8
      "cub", "##e", "##es", "##s", // 9..12
      "gr", "##r", "##een", // 13..15
      "don't", "2", "##2"); // 16..18

  @TempDir
  Path dir;

  WordPiece vocab() throws IOException {
    Path file = dir.resolve("vocab.txt");
    Files.write(file, LINES, StandardCharsets.UTF_8);
    return WordPiece.load(file);
  }

  @Test
  void loadsOnePiecePerLineWithTheLineNumberAsId() throws IOException {
    WordPiece v = vocab();
    assertEquals(LINES.size(), v.size());
    for (int i = 0; i < LINES.size(); i++) {
      assertEquals(i, v.id(LINES.get(i)), LINES.get(i));
      assertEquals(LINES.get(i), v.piece(i));
    }
    assertEquals(0, v.id(WordPiece.PAD));
    assertEquals(1, v.id(WordPiece.UNK));
    assertEquals(2, v.id(WordPiece.SEP));
    assertEquals(3, v.id(WordPiece.HISTORY));
  }

  @Test
  void knownWordsMapToTheirIds() throws IOException {
    WordPiece.Encoding e = vocab().encode("pick up the red cube");
    assertEquals(List.of(4, 5, 6, 7, 8), e.ids());
    assertEquals(List.of(0, 1, 2, 3, 4), e.wordIndex());
    assertEquals(List.of("pick", "up", "the", "red", "cube"), e.words());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "cube, cube",
      "cubes, cube ##s", // longest prefix first, then the rest as a continuation
      "cubees, cube ##es", // the longest continuation wins over ##e + ##s
      "cubee, cube ##e",
      "grreen, gr ##r ##een",
      "green, gr ##een",
      "cub, cub",
      "22, 2 ##2",
      "cubez, [UNK]", // no piece for 'z': the whole word is unknown, not just its tail
      "zebra, [UNK]",
      "s, [UNK]", // '##s' is a continuation only; a word cannot start with it
      "don't, don't"})
  void splitsWordsGreedilyIntoTheLongestPieces(String word, String pieces) throws IOException {
    assertEquals(List.of(pieces.split(" ")), vocab().pieces(word));
  }

  @Test
  void unknownWordsGetOneUnkAndKeepTheirWordIndex() throws IOException {
    WordPiece.Encoding e = vocab().encode("pick the zebra cubes");
    assertEquals(List.of(4, 6, 1, 8, 12), e.ids());
    assertEquals(List.of(0, 1, 2, 3, 3), e.wordIndex());
    assertEquals(List.of("pick", "the", "zebra", "cubes"), e.words());
  }

  @Test
  void lowerCasesAndSplitsOnPunctuationButKeepsApostrophesAndDigits() throws IOException {
    WordPiece v = vocab();
    assertEquals(v.encode("pick up the red cube").ids(), v.encode("  Pick UP, the RED cube!!  ").ids());
    assertEquals(List.of("pick", "the", "red", "cube"), WordPiece.words("PICK\tthe red-cube."));
    assertEquals(List.of("don't", "pick", "cube2"), WordPiece.words("Don't pick cube2?"));
    assertEquals(List.of(16, 4), v.encode("DON'T pick").ids());
    // Letters outside a-z are separators, not part of words; an apostrophe stays with what follows.
    assertEquals(List.of("caf", "'s"), WordPiece.words("café's"));
  }

  @Test
  void emptyOrPunctuationOnlyTextHasNoWords() throws IOException {
    assertEquals(List.of(), WordPiece.words(""));
    assertEquals(List.of(), WordPiece.words(" ,.;!? -- "));
    WordPiece.Encoding e = vocab().encode("?!");
    assertTrue(e.ids().isEmpty());
    assertTrue(e.wordIndex().isEmpty());
  }

  @Test
  void idOfAMissingPieceFailsNamingIt() throws IOException {
    WordPiece v = vocab();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.id("zebra"));
    assertTrue(e.getMessage().contains("zebra"), e.getMessage());
  }

  @Test
  void aVocabularyWithoutTheSpecialPiecesIsRejected() throws IOException {
    Path file = dir.resolve("bad.txt");
    Files.write(file, List.of("[PAD]", "[UNK]", "[SEP]", "pick"), StandardCharsets.UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WordPiece.load(file));
    assertTrue(e.getMessage().contains(WordPiece.HISTORY), e.getMessage());
  }

  @Test
  void aVocabularyWhosePaddingIsNotIdZeroIsRejected() throws IOException {
    Path file = dir.resolve("pad-last.txt");
    Files.write(file, List.of("[UNK]", "[SEP]", "[H]", "[PAD]", "pick"), StandardCharsets.UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WordPiece.load(file));
    assertTrue(e.getMessage().contains("[PAD]") && e.getMessage().contains("line 4"), e.getMessage());
  }

  @Test
  void saveThenLoadKeepsEveryId() throws IOException {
    WordPiece v = vocab();
    Path copy = dir.resolve("copy.txt");
    v.save(copy);
    WordPiece w = WordPiece.load(copy);
    assertEquals(v.size(), w.size());
    for (int i = 0; i < v.size(); i++) {
      assertEquals(v.piece(i), w.piece(i));
    }
    assertEquals(v.encode("pick the grreen cubees").ids(), w.encode("pick the grreen cubees").ids());
  }

  @Test
  void buildPutsSpecialPiecesFirstAndCoversEveryLetterAndDigit() {
    WordPiece v = WordPiece.build(List.of("pick up the red cube", "pick the green ball", "the red cube"), 2, 10);
    assertEquals(List.of(WordPiece.PAD, WordPiece.UNK, WordPiece.SEP, WordPiece.HISTORY),
        List.of(v.piece(0), v.piece(1), v.piece(2), v.piece(3)));
    for (char c = 'a'; c <= 'z'; c++) {
      v.id(String.valueOf(c));
      v.id("##" + c);
    }
    for (char c = '0'; c <= '9'; c++) {
      v.id(String.valueOf(c));
      v.id("##" + c);
    }
    // Words seen at least twice are whole pieces; rarer ones are not, but still spell out without [UNK].
    for (String w : List.of("pick", "the", "red", "cube")) {
      assertEquals(List.of(w), v.pieces(w), w);
    }
    List<String> green = v.pieces("green");
    assertTrue(green.size() > 1, green.toString());
    assertEquals("green", String.join("", green).replace("##", ""));
    assertFalse(green.get(0).startsWith("##"), green.toString());
    assertTrue(green.subList(1, green.size()).stream().allMatch(p -> p.startsWith("##")), green.toString());
    assertFalse(v.encode("a zebra 42 won't").ids().contains(v.id(WordPiece.UNK)));
  }

  @Test
  void buildAddsTheMostFrequentSuffixesUpToTheAskedNumber() {
    List<String> texts = List.of("cubes cubes cubes balls balls", "boxes");
    WordPiece none = WordPiece.build(texts, 1, 0);
    WordPiece some = WordPiece.build(texts, 1, 3);
    assertEquals(3, some.size() - none.size());
    // "es" ends cubes (x3) and boxes (x1): 4; then the ties at 3 (from cubes) in alphabetical order.
    for (String s : List.of("##es", "##be", "##bes")) {
      some.id(s);
      assertThrows(IllegalArgumentException.class, () -> none.id(s), s);
    }
    assertThrows(IllegalArgumentException.class, () -> some.id("##ub"));
    assertEquals(List.of("cubes"), some.pieces("cubes"));
    assertEquals(List.of("c", "##u", "##b", "##bes"), some.pieces("cubbes"));
    assertEquals(List.of("c", "##u", "##b", "##b", "##e", "##s"), none.pieces("cubbes"));
  }

  @Test
  void theShippedVocabularyPadsWithIdZeroAndKnowsCommonInstructionWords() throws IOException {
    Path file = dir.resolve("shipped.txt");
    try (InputStream in = WordPieceTest.class.getResourceAsStream("/dev/vla/model/vla/model/vocab.txt")) {
      if (in == null) {
        throw new AssertionError("the shipped vocab.txt is on the class path");
      }
      Files.write(file, in.readAllBytes());
    }
    WordPiece v = WordPiece.load(file);
    // The tensorizer fills unused text positions with 0, which must be the padding piece.
    assertEquals(0, v.id(WordPiece.PAD));
    WordPiece.Encoding e = v.encode("Pick up the red cube and put it into the bin");
    assertFalse(e.ids().contains(v.id(WordPiece.UNK)), e.toString());
    assertEquals(v.id("pick"), e.ids().get(0));
    assertEquals(v.id("cube"), e.ids().get(4));
    // A misspelling still maps to known pieces.
    assertFalse(v.encode("grreen cubee").ids().contains(v.id(WordPiece.UNK)));
  }
}
