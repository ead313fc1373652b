package dev.vla.ros.transport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.ros.Topics;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.msg.Twist;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryTransportTest {
  @Test
  void deliversToEverySubscriberInOrderAndStopsAfterUnsubscribe() throws Exception {
    try (InMemoryTransport t = new InMemoryTransport()) {
      List<String> got = new ArrayList<>();
      AutoCloseable a = t.subscribe(Topics.INSTRUCTION, m -> got.add("a:" + m.data()));
      t.subscribe(Topics.INSTRUCTION, m -> got.add("b:" + m.data()));
      Publisher<StringMsg> p = t.advertise(Topics.INSTRUCTION);
      assertTrue(p.publish(new StringMsg("go")));
      a.close();
      p.publish(new StringMsg("stop"));
      assertEquals(List.of("a:go", "b:go", "b:stop"), got);
    }
  }

  @Test
  void aFailingSubscriberIsCountedAndDoesNotStarveOthers() {
    try (InMemoryTransport t = new InMemoryTransport()) {
      List<Twist> got = new ArrayList<>();
      t.subscribe(Topics.CMD_VEL, m -> {
        throw new IllegalStateException("broken subscriber");
      });
      t.subscribe(Topics.CMD_VEL, got::add);
      Publisher<Twist> p = t.advertise(Topics.CMD_VEL);
      assertFalse(p.publish(Twist.ZERO));
      assertEquals(1, p.failures());
      assertEquals(1, got.size());
    }
  }

  @Test
  void publishingAfterCloseOrNullIsCountedNotThrown() {
    InMemoryTransport t = new InMemoryTransport();
    Publisher<Twist> p = t.advertise(Topics.CMD_VEL);
    AutoCloseable sub = t.subscribe(Topics.CMD_VEL, m -> { });
    assertFalse(p.publish(null));
    t.close();
    assertFalse(p.publish(Twist.ZERO));
    assertEquals(2, p.failures());
    assertDoesNotThrow(sub::close, "unsubscribing after close is a no-op");
  }

  @Test
  void aTopicKeepsOneType() {
    try (InMemoryTransport t = new InMemoryTransport()) {
      t.advertise(Topics.CMD_VEL);
      Topic<StringMsg> wrong = new Topic<>("/cmd_vel", StringMsg.class, "std_msgs/msg/String");
      assertTrue(assertThrows(IllegalArgumentException.class, () -> t.advertise(wrong)).getMessage().contains("Twist"));
    }
  }

  @Test
  void topicNamesMustBeAbsoluteRosNames() {
    assertThrows(IllegalArgumentException.class, () -> new Topic<>("cmd_vel", Twist.class, "x"));
    assertThrows(IllegalArgumentException.class, () -> new Topic<>("/cmd vel", Twist.class, "x"));
    assertEquals("/robot1/cmd_vel", Topics.CMD_VEL.renamed("/robot1/cmd_vel").name());
  }
}
