package dev.vla.model;

import dev.vla.model.oracle.OraclePolicy;
import dev.vla.model.oracle.SceneTruth;
import java.util.List;
import java.util.function.Supplier;

/** Makes policies by the names the command line uses. */
public final class Policies {
  /** Every policy name, the product's first. */
  public static final List<String> NAMES = List.of("keyword", "oracle");

  private Policies() {}

  /**
   * The policy called {@code name}. {@code truth} is read only by the oracle.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Policy create(String name, Supplier<SceneTruth> truth) {
    return switch (name) {
      case "oracle" -> new OraclePolicy(truth);
      case "keyword" -> new dev.vla.model.baseline.KeywordPolicy();
      default -> throw new IllegalArgumentException("unknown policy '" + name + "'; known policies: " + NAMES);
    };
  }
}
