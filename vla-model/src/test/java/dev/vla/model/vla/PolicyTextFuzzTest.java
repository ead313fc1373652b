package dev.vla.model.vla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.RobotState;
import dev.vla.affordances.SkillRegistry;
import dev.vla.affordances.SkillStatus;
import dev.vla.affordances.skills.Skills;
import dev.vla.model.Decision;
import dev.vla.model.HistoryStep;
import dev.vla.model.Observation;
import dev.vla.model.TestScenes;
import dev.vla.model.baseline.KeywordPolicy;
import dev.vla.model.language.TextFuzzTest;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Whatever the instruction (binary, control characters, unpaired surrogates, 1 MB), what a policy asks or
 * does passes the skill registry's argument checks: a question that quotes the instruction is cut and
 * cleaned rather than refused by the executor, which would leave the person without an answer.
 */
class PolicyTextFuzzTest {
  static final SkillRegistry REGISTRY = Skills.standardRegistry();

  @Provide
  Arbitrary<String> hostileText() {
    return TextFuzzTest.hostileText();
  }

  static Observation observation(String instruction, List<HistoryStep> history) {
    return new Observation(0, new byte[TestScenes.K.width() * TestScenes.K.height() * 3],
        TestScenes.constantDepth(TestScenes.K, 2f), TestScenes.K, TestScenes.cameraPose(0, 0, 1.2, 0.6),
        RobotState.initial(RobotGeometry.standard()), instruction, 1, history, Map.of());
  }

  /** The call's arguments are acceptable to the registry (the target point is added by the lifter later). */
  static void assertAcceptable(Decision d) {
    assertNotNull(d);
    d.call().ifPresent(call -> {
      List<String> problems = REGISTRY.validate(call).stream().filter(p -> !p.contains("needs a target point")).toList();
      assertEquals(List.of(), problems, call.skill() + " " + call.args().keySet());
    });
  }

  @Property(tries = 400)
  void theKeywordPolicyAsksValidQuestionsAboutAnyInstruction(@ForAll("hostileText") String instruction) {
    assertAcceptable(new KeywordPolicy().decide(observation(instruction, List.of())));
  }

  @Property(tries = 300)
  void theKeywordPolicyReportsAnyFailureReasonInAValidQuestion(@ForAll("hostileText") String reason) {
    HistoryStep failed = new HistoryStep(AffordanceCall.of("pick", Map.of("target", "red cube")),
        SkillStatus.State.FAILED, reason);
    Decision d = new KeywordPolicy().decide(observation("pick up the red cube", List.of(failed, failed, failed)));
    assertTrue(d.call().isPresent() && d.call().get().skill().equals("ask"), d.toString());
    assertAcceptable(d);
  }

  @Property(tries = 500)
  void theModelsQuestionsQuoteAnyInstructionValidly(@ForAll("hostileText") String instruction) {
    for (String kind : ModelSpec.ASK_KINDS) {
      String q = Decoder.question(kind, instruction);
      assertEquals(java.util.Optional.empty(), REGISTRY.get("ask").param("question").orElseThrow().check(q), q);
    }
  }

  @Test
  void aMegabyteInstructionIsQuotedInAShortQuestion() {
    String huge = "do a backflip ".repeat(80_000);
    Decision d = new KeywordPolicy().decide(observation(huge, List.of()));
    assertAcceptable(d);
    String question = d.call().orElseThrow().args().get("question");
    assertTrue(question.startsWith("Sorry, I can't do \"do a backflip do a backflip"), question);
    assertTrue(question.length() < 120, question);
  }
}
