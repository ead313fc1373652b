package dev.vla.launch.ros;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small random edits of a text file: what a slip of the hand, a bad merge or a hostile peer does to it. */
final class TextMutator {
  static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  static final List<String> BAD_NUMBERS = List.of("NaN", ".nan", "Infinity", ".inf", "-.inf", "1e308", "1e999", "-1", "",
      "0x10", "1,5", "١٢", "99999999999999999999999");

  private TextMutator() {}

  static String mutate(String text, Random rng, List<String> tokens) {
    int n = text.length();
    if (n == 0) {
      return tokens.get(rng.nextInt(tokens.size()));
    }
    int at = rng.nextInt(n);
    switch (rng.nextInt(6)) {
      case 0:
        return text.substring(0, at) + text.substring(Math.min(n, at + 1 + rng.nextInt(20)));
      case 1:
        return text.substring(0, Math.min(n, at + 1 + rng.nextInt(40))) + text.substring(at);
      case 2: {
        char[] c = text.toCharArray();
        int b = rng.nextInt(n);
        char t = c[at];
        c[at] = c[b];
        c[b] = t;
        return new String(c);
      }
      case 3: {
        List<int[]> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
          numbers.add(new int[] {m.start(), m.end()});
        }
        if (numbers.isEmpty()) {
          return text;
        }
        int[] p = numbers.get(rng.nextInt(numbers.size()));
        return text.substring(0, p[0]) + BAD_NUMBERS.get(rng.nextInt(BAD_NUMBERS.size())) + text.substring(p[1]);
      }
      default:
        return text.substring(0, at) + tokens.get(rng.nextInt(tokens.size())) + text.substring(at);
    }
  }
}
