package dev.vla.affordances;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.skills.Skills;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Validation answers with a list of problems for any call; it never throws. */
class SkillRegistryProperties {
  static final SkillRegistry REGISTRY = Skills.standardRegistry();

  @Provide
  Arbitrary<String> skillNames() {
    return Arbitraries.oneOf(Arbitraries.of(Skills.NAMES), Arbitraries.strings().all().ofMinLength(1).ofMaxLength(80)
        .filter(s -> !s.isBlank()));
  }

  @Provide
  Arbitrary<String> argNames() {
    return Arbitraries.oneOf(
        Arbitraries.of("to", "standoff", "target", "into", "on", "direction", "distance", "description", "range", "question",
            "summary"),
        Arbitraries.strings().all().ofMaxLength(60));
  }

  @Provide
  Arbitrary<String> argValues() {
    return Arbitraries.oneOf(
        Arbitraries.of("", " ", "red cube", "left", "LEFT", "here", "far", "0.3", "-1", "1e308", "NaN", "Infinity", "-0",
            "0x10", "1 2", "1 2 3", "1 2 3 4", "a b", "\n", "red\u0000cube", "\u202e", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"),
        Arbitraries.strings().all().ofMaxLength(300),
        Arbitraries.strings().withChars("0123456789.-+eE ").ofMaxLength(20));
  }

  @Provide
  Arbitrary<Map<String, String>> argMaps() {
    return Arbitraries.maps(argNames(), argValues()).ofMaxSize(6);
  }

  @Property(tries = 3000)
  void validateNeverThrows(@ForAll("skillNames") String skill, @ForAll("argMaps") Map<String, String> args,
      @ForAll boolean withPoint) {
    AffordanceCall call = new AffordanceCall(0, skill, args, Optional.empty(),
        withPoint ? Optional.of(new Point3("odom", 1, 2, 0)) : Optional.empty(), 1, 1, 0, 0);
    List<String> problems = REGISTRY.validate(call);
    assertNotNull(problems);
    for (String p : problems) {
      assertFalse(p.isBlank());
    }
    if (REGISTRY.find(skill).isEmpty()) {
      assertTrue(problems.get(0).startsWith("unknown skill"), problems.toString());
    }
  }

  @Property(tries = 200)
  void nullValuesAndNamesAreReportedNotThrown(@ForAll("skillNames") String skill, @ForAll("argMaps") Map<String, String> args,
      @ForAll boolean nullKey) {
    Map<String, String> m = new HashMap<>(args);
    if (nullKey) {
      m.put(null, "x");
    } else {
      m.put("target", null);
    }
    AffordanceCall call = new AffordanceCall(0, skill, m, Optional.empty(), Optional.empty(), 1, 1, 0, 0);
    assertNotNull(REGISTRY.validate(call));
  }
}
