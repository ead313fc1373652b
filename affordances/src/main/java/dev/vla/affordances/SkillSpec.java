package dev.vla.affordances;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The declaration of a skill: its name, parameters, the robot parts it needs, what must hold before
 * it starts, how long it may run, and how to make a fresh instance.
 *
 * @param name unique skill name
 * @param summary one line for {@code --help} and error messages
 * @param params declared parameters in order
 * @param resources parts it needs exclusively; a new call needing a busy part cancels the holder
 * @param needsTargetPoint whether it acts on the call's target point (lifted from the target pixel)
 * @param preconditions checked against the robot state before it starts
 * @param timeout the executor fails it after this long
 * @param factory makes a new instance per call
 * @param argumentRule a rule across arguments the per-parameter checks cannot express (e.g. "into or on");
 *     returns what is wrong, or empty
 */
public record SkillSpec(
    String name,
    String summary,
    List<ParamSpec> params,
    Set<Resource> resources,
    boolean needsTargetPoint,
    List<Precondition> preconditions,
    Duration timeout,
    Supplier<Skill> factory,
    Function<AffordanceCall, Optional<String>> argumentRule) {

  public SkillSpec {
    if (name == null || !name.matches("[a-z][a-z_]*")) {
      throw new IllegalArgumentException("skill names are lower_snake_case, got '" + name + "'");
    }
    params = List.copyOf(params);
    resources = resources.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(resources));
    preconditions = List.copyOf(preconditions);
    argumentRule = argumentRule == null ? c -> Optional.empty() : argumentRule;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("skill " + name + ": timeout must be positive");
    }
  }

  public Optional<ParamSpec> param(String paramName) {
    return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
  }

  /** The signature operators see: {@code place(target:object, into?:receptacle, on?:receptacle)}. */
  public String signature() {
    StringBuilder sb = new StringBuilder(name).append('(');
    for (int i = 0; i < params.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(params.get(i));
    }
    return sb.append(')').toString();
  }
}
