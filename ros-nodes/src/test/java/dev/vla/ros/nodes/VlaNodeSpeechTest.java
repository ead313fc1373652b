package dev.vla.ros.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.affordances.AffordanceCall;
import dev.vla.model.Policies;
import dev.vla.model.language.Utterances;
import dev.vla.ros.Topics;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.transport.InMemoryTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the vla node does with speech the recogniser could not place. */
class VlaNodeSpeechTest {
  @Test
  void unintelligibleSpeechWhenIdleAsksThePersonToRepeat() {
    try (InMemoryTransport t = new InMemoryTransport()) {
      List<AffordanceCall> calls = new ArrayList<>();
      t.subscribe(Topics.AFFORDANCE_CALL, calls::add);
      VlaNode vla = new VlaNode(t, Policies.create("keyword", null), VlaNode.Config.defaults(Map.of()), e -> { });
      t.advertise(Topics.INSTRUCTION).publish(new StringMsg(Utterances.UNINTELLIGIBLE));
      vla.tick(1_000_000L);
      assertEquals(1, calls.size(), calls.toString());
      assertEquals("ask", calls.get(0).skill());
      assertTrue(calls.get(0).arg("question").orElse("").contains("say it again"), calls.get(0).toString());
      // While that question is open (no status yet), more unintelligible speech asks nothing more.
      t.advertise(Topics.INSTRUCTION).publish(new StringMsg(Utterances.UNINTELLIGIBLE));
      vla.tick(2_000_000L);
      assertEquals(1, calls.size(), calls.toString());
      vla.close();
    }
  }
}
