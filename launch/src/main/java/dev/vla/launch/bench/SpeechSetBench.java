package dev.vla.launch.bench;

import dev.vla.model.language.UtteranceKind;
import dev.vla.model.language.Utterances;
import dev.vla.model.language.Vocabulary;
import dev.vla.sim.scenario.gen.Grammar;
import dev.vla.speech.Pcm;
import dev.vla.speech.SpeechStage;
import dev.vla.speech.Synthesiser;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The speech test set: every command form of the vocabulary (from the scenario generator's grammar,
 * held-out phrasings included) spoken by several synthetic voices, clean and with white noise at 20
 * and 10 dB SNR, through the whole speech stage (VAD, stop fast path, recogniser, intent). Reports command
 * accuracy, word error rate, false stops and the real-time factor per voice and noise level.
 */
public final class SpeechSetBench {
  /** One test utterance and what a correct stage does with it. */
  record Item(String form, String text, UtteranceKind expected) {}

  /** Per voice and noise level. */
  record Row(String voice, String noise, int n, int correct, double wer, int falseStops, int nonStop,
      double audioSeconds, double computeSeconds) {}

  public static final List<String> DEFAULT_VOICES = List.of("flite:slt", "flite:rms", "flite:awb", "flite:kal16",
      "espeak-ng:en-us:160", "espeak-ng:en-gb:160", "espeak-ng:en-us+f3:140", "espeak-ng:en-us:200");
  private static final double[] NOISE_DB = {Double.POSITIVE_INFINITY, 20, 10};
  private static final String[] FORMS = {"put", "put-on", "pick", "bring", "go", "open", "close", "push", "look",
      "relation", "negation", "superlative", "multi-step", "correction", "stop", "wait", "continue", "nonsense"};
  private static final Pattern POLITE = Pattern.compile(
      "^(um |uh |so |okay so |well )*(would you please |could you |can you |hey robot |robot |okay |i need you to |please )*");
  private static final Pattern TAIL = Pattern.compile("( please| thanks| thank you| for me| now)+$");

  private SpeechSetBench() {}

  /** {@code n} utterances cycling through the command forms, reproducible from the seed. */
  static List<Item> items(int n, long seed) {
    Random rng = new Random(seed);
    Grammar g = new Grammar(rng, Grammar.Split.HELDOUT, 0);
    List<String> colors = Vocabulary.COLORS;
    List<String> objects = List.of("cube", "block", "ball", "cylinder", "can");
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String form = FORMS[i % FORMS.length];
      String c1 = colors.get(rng.nextInt(colors.size()));
      String c2 = colors.get(rng.nextInt(colors.size()));
      String obj = objects.get(rng.nextInt(objects.size()));
      String cont = Vocabulary.CONTAINERS.get(rng.nextInt(Vocabulary.CONTAINERS.size()));
      String objNp = g.np(rng.nextBoolean() ? "small" : null, c1, obj);
      String contNp = g.np(null, c2, cont);
      String text = switch (form) {
        case "put" -> g.put(objNp, contNp, false);
        case "put-on" -> g.put(objNp, g.np(null, c2, rng.nextBoolean() ? "table" : "shelf"), true);
        case "pick" -> g.pickUp(objNp);
        case "bring" -> g.bring(objNp);
        case "go" -> g.go("the " + List.of("kitchen", "hallway", "office", "garage").get(rng.nextInt(4)));
        case "open" -> g.open(g.np(null, c1, "drawer"));
        case "close" -> g.close(g.np(null, c1, "drawer"));
        case "push" -> g.push(objNp, rng.nextBoolean() ? "left" : "right");
        case "look" -> g.lookAt(contNp);
        case "relation" -> g.pickUp(g.related("the " + obj, List.of("left_of", "right_of", "behind", "in_front_of",
            "next_to").get(rng.nextInt(5)), contNp));
        case "negation" -> g.pickUp(g.negated(obj, c1));
        case "superlative" -> g.pickUp(g.superlative(rng.nextBoolean() ? "nearest" : "farthest", c1, obj));
        case "multi-step" -> g.then(g.pickUp(objNp), g.go("the kitchen"));
        case "correction" -> g.correction(c2, obj);
        case "stop" -> List.of("stop", "halt", "freeze", "stop stop", "stop now").get(rng.nextInt(5));
        case "wait" -> List.of("wait", "pause", "hold on", "wait a second").get(rng.nextInt(4));
        case "continue" -> List.of("continue", "go on", "resume", "carry on", "keep going").get(rng.nextInt(5));
        default -> g.nonsense(objNp);
      };
      UtteranceKind expected = form.equals("nonsense") ? null : Utterances.classify(text);
      out.add(new Item(form, text, expected));
    }
    return out;
  }

  /** The words that carry the command: politeness, fillers and articles removed. */
  static String key(String text) {
    String t = Utterances.normalise(text);
    t = POLITE.matcher(t).replaceFirst("");
    t = TAIL.matcher(t).replaceFirst("");
    t = (" " + t + " ").replace(" the ", " ").replace(" a ", " ").trim().replaceAll("\\s+", " ");
    return t;
  }

  /** Word-level Levenshtein distance. */
  static int wordErrors(String ref, String hyp) {
    String[] r = ref.isEmpty() ? new String[0] : ref.split(" ");
    String[] h = hyp.isEmpty() ? new String[0] : hyp.split(" ");
    int[] prev = new int[h.length + 1];
    int[] cur = new int[h.length + 1];
    for (int j = 0; j <= h.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= r.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= h.length; j++) {
        cur[j] = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (r[i - 1].equals(h[j - 1]) ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[h.length];
  }

  /** Runs the set; prints one line per voice and noise level as it goes, then failures when asked. */
  public static List<Row> run(SpeechStage stage, List<String> voices, int n, long seed, boolean showErrors,
      PrintStream out) throws IOException {
    Synthesiser tts = new Synthesiser();
    List<Item> items = items(n, seed);
    List<Row> rows = new ArrayList<>();
    out.printf(Locale.ROOT, "%-24s %-6s %5s %9s %6s %11s %6s%n", "voice", "noise", "n", "commands", "WER", "false stops", "RTF");
    for (String spec : voices) {
      Synthesiser.Voice voice = Synthesiser.Voice.parse(spec);
      for (double db : NOISE_DB) {
        Random rng = new Random(seed ^ spec.hashCode() ^ Double.hashCode(db));
        int correct = 0;
        int errors = 0;
        int refWords = 0;
        int falseStops = 0;
        int nonStop = 0;
        double audio = 0;
        long compute = 0;
        for (Item item : items) {
          short[] speech = tts.speak(voice, item.text());
          short[] clip = new short[speech.length + Pcm.RATE];
          System.arraycopy(speech, 0, clip, Pcm.RATE / 2, speech.length);
          clip = Double.isInfinite(db) ? Pcm.addNoise(clip, 0.0005, rng) : Pcm.withNoise(clip, db, rng);
          stage.reset();
          long t0 = System.nanoTime();
          Outcome o = listen(stage, clip);
          compute += System.nanoTime() - t0;
          audio += clip.length / (double) Pcm.RATE;
          boolean ok = judge(item, o);
          correct += ok ? 1 : 0;
          boolean stopLike = item.expected() == UtteranceKind.STOP || item.expected() == UtteranceKind.WAIT;
          if (!stopLike) {
            nonStop++;
            falseStops += o.stopped ? 1 : 0;
          }
          if (item.expected() != null) {
            String ref = Utterances.normalise(item.text());
            refWords += ref.split(" ").length;
            errors += wordErrors(ref, o.text);
          }
          if (!ok && showErrors) {
            out.printf(Locale.ROOT, "  miss [%s] %-11s \"%s\" -> %s%n", spec, item.form(), item.text(),
                o.rejected ? "(rejected)" : "\"" + o.text + "\"" + (o.stopped ? " (stopped)" : ""));
          }
        }
        Row row = new Row(spec, Double.isInfinite(db) ? "clean" : String.format(Locale.ROOT, "%.0f dB", db), items.size(),
            correct, (double) errors / Math.max(1, refWords), falseStops, nonStop, audio, compute / 1e9);
        rows.add(row);
        out.printf(Locale.ROOT, "%-24s %-6s %5d %8.1f%% %5.1f%% %5d/%-5d %6.3f%n", row.voice(), row.noise(), row.n(),
            100.0 * row.correct() / row.n(), 100 * row.wer(), row.falseStops(), row.nonStop(),
            row.computeSeconds() / row.audioSeconds());
      }
    }
    return rows;
  }

  /** Noise alone (no speech): how often the stage hears a stop, or anything, in it. */
  public static void noiseOnly(SpeechStage stage, int clips, PrintStream out) {
    for (double db : new double[] {20, 10, 0}) {
      Random rng = new Random(clips + (long) db);
      int stops = 0;
      int heard = 0;
      for (int i = 0; i < clips; i++) {
        // Noise as loud as it would be at this SNR against speech at -20 dBFS.
        short[] clip = Pcm.addNoise(new short[Pcm.RATE * 3], 0.1 / Math.pow(10, db / 20), rng);
        stage.reset();
        Outcome o = listen(stage, clip);
        stops += o.stopped ? 1 : 0;
        heard += o.text.isEmpty() && !o.rejected ? 0 : 1;
      }
      out.printf(Locale.ROOT, "noise only (level of %2.0f dB SNR): %d clips of 3 s, %d heard as speech, %d false stops%n",
          db, clips, heard, stops);
    }
  }

  private static final class Outcome {
    String text = "";
    UtteranceKind kind;
    boolean rejected;
    boolean stopped;
  }

  private static Outcome listen(SpeechStage stage, short[] clip) {
    Outcome o = new Outcome();
    int chunk = Pcm.RATE / 50;
    for (int i = 0; i < clip.length; i += chunk) {
      short[] c = Arrays.copyOfRange(clip, i, Math.min(clip.length, i + chunk));
      for (SpeechStage.Event e : stage.accept(c, i * 1_000_000_000L / Pcm.RATE)) {
        if (e instanceof SpeechStage.Spotted s) {
          o.stopped = true;
          o.kind = s.kind();
        } else if (e instanceof SpeechStage.Heard h) {
          o.text = o.text.isEmpty() ? h.text() : o.text + " " + h.text();
          o.kind = o.kind == null ? h.kind() : o.kind;
          o.stopped |= h.kind() == UtteranceKind.STOP || h.kind() == UtteranceKind.WAIT;
        } else if (e instanceof SpeechStage.Rejected) {
          o.rejected = true;
        }
      }
    }
    return o;
  }

  private static boolean judge(Item item, Outcome o) {
    if (item.expected() == null) {
      return o.text.isEmpty() && !o.stopped; // nonsense: rejected or not heard as a command
    }
    if (item.expected() == UtteranceKind.STOP || item.expected() == UtteranceKind.WAIT
        || item.expected() == UtteranceKind.CONTINUE) {
      return o.kind == item.expected();
    }
    return !o.stopped && key(o.text).equals(key(item.text()));
  }
}
