package dev.vla.launch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vla.launch.UserError;
import dev.vla.launch.dataset.DatasetGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vla dataset}: training data from the oracle acting in randomised scenes. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
    description = {
      "Generate training data: random scenes over the scenario vocabulary, requests from a grammar with",
      "paraphrase (relations, negation, multi-step, corrections, ambiguous, absent and nonsense requests),",
      "acted out by the oracle in the simulator; every decision is recorded as model inputs and labels",
      "(NumPy shards, a word-piece vocabulary and spec.json). Only successful episodes are kept."
    })
public final class DatasetCommand implements Callable<Integer> {
  @Option(names = "--episodes", required = true, description = "Episodes to run.")
  int episodes;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--jobs", description = "Episodes in parallel (default: ${DEFAULT-VALUE}).")
  int jobs = 2;

  @Option(names = "--seed", description = "First episode seed (default: ${DEFAULT-VALUE}); training seeds stay below 10,000,000.")
  long seed = 1;

  @Option(names = "--shard-size", description = "Samples per shard (default: ${DEFAULT-VALUE}).")
  int shardSize = 2000;

  @Option(names = "--split", description = {"train (default) or heldout: phrasings and colour x category pairs",
      "reserved from training, for measuring generalisation while training; needs --seed >= 20000000 and --vocab."})
  String split = "train";

  @Option(names = "--vocab", paramLabel = "FILE", description = "Use this word-piece vocabulary instead of building one.")
  Path vocab;

  @Option(names = "--categories", split = ",", paramLabel = "NAME",
      description = {"Only these request categories, comma-separated (default: all): basic, relations, negation,",
          "multistep, correction, ambiguity, absent, nonsense. For topping up rare decisions."})
  java.util.Set<String> categories = DatasetGenerator.WEIGHTS.keySet();

  @Override
  public Integer call() throws Exception {
    if (episodes < 1 || jobs < 1 || jobs > 32 || shardSize < 1) {
      throw new UserError("--episodes, --jobs (1..32) and --shard-size must be positive");
    }
    boolean heldOut = switch (split) {
      case "train" -> false;
      case "heldout" -> true;
      default -> throw new UserError("--split must be train or heldout, got '" + split + "'");
    };
    long first = dev.vla.sim.scenario.gen.HeldOutSet.FIRST_SEED;
    if (!heldOut && seed + episodes > first) {
      throw new UserError("training seeds must stay below " + first + ", the held-out set's seed range");
    }
    if (heldOut && (seed < 2 * first || vocab == null)) {
      throw new UserError("--split heldout needs --seed >= " + 2 * first + " (clear of the held-out scenario set) "
          + "and --vocab (the training vocabulary)");
    }
    DatasetGenerator generator;
    try {
      generator = new DatasetGenerator(out, jobs, shardSize,
          heldOut ? dev.vla.sim.scenario.gen.Grammar.Split.HELDOUT : dev.vla.sim.scenario.gen.Grammar.Split.TRAIN, vocab,
          categories);
    } catch (IllegalArgumentException e) {
      throw new UserError("--categories: " + e.getMessage());
    }
    DatasetGenerator.Summary s = generator.run(seed, episodes);
    System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s));
    return 0;
  }
}
