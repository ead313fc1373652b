package dev.vla.affordances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.skills.Skills;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Hostile affordance calls against the standard skill registry: unknown skills and arguments, NaN and
 * infinite numbers and points, empty, 1 MB, binary and control-character strings, unpaired surrogates.
 * Validation answers with specific, bounded reasons and never throws; the call's own contract refuses
 * non-finite confidences and points at construction.
 */
class AffordanceCallFuzzTest {
  static final SkillRegistry REGISTRY = Skills.standardRegistry();
  /** Longest reason: an operator reads it in a log line, and hostile input must not make it grow. */
  static final int MAX_REASON = 1_000;
  static final String MEGABYTE = "x".repeat(1 << 20);

  @Provide
  Arbitrary<String> hostileStrings() {
    return Arbitraries.oneOf(
        Arbitraries.of("", " ", "\u0000", "\n\r\t", "\ud800", "\udc00x", "x\ud83d", "\u202e", "\ufeff", "NaN", "-Infinity",
            MEGABYTE, "\u0000".repeat(10_000), "é".repeat(300)),
        Arbitraries.strings().all().ofMaxLength(400),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(40),
        Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(20));
  }

  @Provide
  Arbitrary<String> nonFiniteNumbers() {
    return Arbitraries.of("NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "1e309", "-1e309", "1e400", "0x1p2000", "1.8e308", "17976931348623159e292");
  }

  @Provide
  Arbitrary<String> skills() {
    return Arbitraries.oneOf(Arbitraries.of(Skills.NAMES), hostileStrings().filter(s -> !s.isBlank()));
  }

  @Provide
  Arbitrary<Map<String, String>> hostileArgs() {
    Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("to", "standoff", "target", "into", "on", "direction",
        "distance", "description", "range", "question", "summary", "reason"), hostileStrings());
    return Arbitraries.maps(names, hostileStrings()).ofMaxSize(5);
  }

  /** Any call: a list of reasons, each non-blank and bounded, the first naming an unknown skill when it is one. */
  @Property(tries = 2000)
  void validationAnswersWithBoundedSpecificReasons(@ForAll("skills") String skill,
      @ForAll("hostileArgs") Map<String, String> args) {
    AffordanceCall call = new AffordanceCall(0, skill, args, Optional.empty(), Optional.of(new Point3("odom", 1, 0, 0)), 1,
        1, 0, 0);
    List<String> problems = REGISTRY.validate(call);
    for (String p : problems) {
      assertFalse(p.isBlank());
      assertTrue(p.length() <= MAX_REASON, "a reason of " + p.length() + " characters");
    }
    if (REGISTRY.find(skill).isEmpty()) {
      assertEquals(1, problems.size());
      assertTrue(problems.get(0).startsWith("unknown skill '"), problems.get(0));
      assertTrue(problems.get(0).contains("known skills: [") && problems.get(0).contains("pick"), problems.get(0));
    } else {
      for (String arg : args.keySet()) {
        if (REGISTRY.get(skill).param(arg).isEmpty()) {
          assertTrue(problems.stream().anyMatch(p -> p.contains("unknown argument")), "unknown '" + arg + "': " + problems);
        }
      }
    }
  }

  /** Every NUMBER parameter of every skill refuses non-finite values, naming the parameter and saying why. */
  @Property(tries = 300)
  void nonFiniteNumbersAreRefusedAsNotFinite(@ForAll("nonFiniteNumbers") String value) {
    int checked = 0;
    for (SkillSpec spec : REGISTRY.all().values()) {
      for (ParamSpec p : spec.params()) {
        if (p.type() != ParamSpec.Type.NUMBER) {
          continue;
        }
        Map<String, String> args = new LinkedHashMap<>(validArgs(spec));
        args.put(p.name(), value);
        List<String> problems = REGISTRY.validate(new AffordanceCall(0, spec.name(), args, Optional.empty(),
            Optional.of(new Point3("odom", 1, 0, 0)), 1, 1, 0, 0));
        assertTrue(problems.stream().anyMatch(m -> m.contains("'" + p.name() + "'") && m.contains("not a finite number")),
            spec.name() + "(" + p.name() + "=" + value.substring(0, Math.min(20, value.length())) + "): " + problems);
        checked++;
      }
    }
    assertTrue(checked >= 2, "the standard skills have number parameters");
  }

  @Property(tries = 300)
  void nonFinitePointsAreRefusedAsNotFinite(@ForAll("nonFiniteNumbers") String coordinate, @ForAll boolean threeD) {
    ParamSpec point = ParamSpec.required("at", ParamSpec.Type.POINT);
    String value = threeD ? "1 " + coordinate + " 0.5" : coordinate + " 2";
    Optional<String> problem = point.check(value);
    assertTrue(problem.isPresent() && problem.get().contains("'at'") && problem.get().contains("non-finite"),
        value.substring(0, Math.min(30, value.length())) + ": " + problem);
  }

  /** The call itself refuses NaN/infinite confidence, affordance and target points, saying which. */
  @Property(tries = 200)
  void theCallRefusesNonFiniteValuesAtConstruction(@ForAll("nonFiniteNumbers") String text, @ForAll boolean point) {
    double v = Double.parseDouble(text.replace("0x1p2000", "Infinity"));
    assertFalse(Double.isFinite(v));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
      if (point) {
        new Point3("odom", 1, v, 0);
      } else {
        new AffordanceCall(0, "pick", Map.of(), Optional.empty(), Optional.empty(), v, 1, 0, 0);
      }
    });
    assertTrue(e.getMessage().contains(point ? "must be finite" : "confidence must be in [0, 1]"), e.getMessage());
  }

  @Test
  void aMegabyteSkillNameOrArgumentIsReportedAbbreviated() {
    List<String> problems = REGISTRY.validate(AffordanceCall.of(MEGABYTE, Map.of()));
    assertTrue(problems.get(0).length() < MAX_REASON, problems.get(0).substring(0, 100));
    List<String> args = REGISTRY.validate(AffordanceCall.of("pick", Map.of("target", MEGABYTE, MEGABYTE, "x")));
    assertTrue(args.stream().anyMatch(p -> p.contains("is 1048576 characters long; at most 256")), args.toString());
    assertTrue(args.stream().allMatch(p -> p.length() < MAX_REASON));
  }

  private static Map<String, String> validArgs(SkillSpec spec) {
    Map<String, String> out = new LinkedHashMap<>();
    List<ParamSpec> required = new ArrayList<>();
    for (ParamSpec p : spec.params()) {
      if (p.required()) {
        required.add(p);
      }
    }
    for (ParamSpec p : required) {
      out.put(p.name(), p.choices().isEmpty() ? "red cube" : p.choices().get(0));
    }
    return out;
  }
}
