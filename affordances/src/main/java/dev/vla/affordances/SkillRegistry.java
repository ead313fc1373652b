package dev.vla.affordances;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The skills a robot offers, by name. Rejects duplicates at registration and validates calls against
 * the declarations; every error lists what would have been accepted. Build it once at start-up and
 * share it read-only.
 */
public final class SkillRegistry {
  private final Map<String, SkillSpec> skills = new TreeMap<>();

  public SkillRegistry register(SkillSpec spec) {
    if (skills.containsKey(spec.name())) {
      throw new IllegalArgumentException("skill '" + spec.name() + "' is already registered; registered: " + names());
    }
    skills.put(spec.name(), spec);
    return this;
  }

  public List<String> names() {
    return List.copyOf(skills.keySet());
  }

  public Optional<SkillSpec> find(String name) {
    return Optional.ofNullable(skills.get(name));
  }

  public SkillSpec get(String name) {
    SkillSpec spec = skills.get(name);
    if (spec == null) {
      throw new IllegalArgumentException("unknown skill '" + name + "'; known skills: " + names());
    }
    return spec;
  }

  public Map<String, SkillSpec> all() {
    return Collections.unmodifiableMap(skills);
  }

  /**
   * Every reason {@code call} is malformed for this registry (unknown skill, unknown, missing or bad
   * arguments, missing target point); empty when it is well-formed. Preconditions are not checked here.
   */
  public List<String> validate(AffordanceCall call) {
    List<String> problems = new ArrayList<>();
    SkillSpec spec = skills.get(call.skill());
    if (spec == null) {
      problems.add("unknown skill '" + truncate(call.skill()) + "'; known skills: " + names());
      return problems;
    }
    for (String arg : call.args().keySet()) {
      if (spec.param(arg).isEmpty()) {
        problems.add(spec.name() + ": unknown argument '" + truncate(arg) + "'; expected " + spec.signature());
      }
    }
    for (ParamSpec p : spec.params()) {
      String value = call.args().get(p.name());
      if (value == null) {
        if (p.required()) {
          problems.add(spec.name() + ": missing argument '" + p.name() + "'; expected " + spec.signature());
        }
      } else {
        p.check(value).ifPresent(msg -> problems.add(spec.name() + ": " + msg));
      }
    }
    if (problems.isEmpty()) {
      spec.argumentRule().apply(call).ifPresent(msg -> problems.add(spec.name() + ": " + msg));
    }
    if (spec.needsTargetPoint() && call.targetPoint().isEmpty()) {
      problems.add(spec.name() + ": needs a target point (lifted from the target pixel and depth); the call has none");
    }
    return problems;
  }

  private static String truncate(String s) {
    if (s == null) {
      return "null";
    }
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
