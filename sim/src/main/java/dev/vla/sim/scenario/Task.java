package dev.vla.sim.scenario;

import java.util.List;

/** A {@code <vla:task>}: its timeout, the utterances, the events and the success predicates. */
public record Task(double timeoutSeconds, List<Say> says, List<Event> events, List<Predicate> expect) {
  public Task {
    says = List.copyOf(says);
    events = List.copyOf(events);
    expect = List.copyOf(expect);
  }
}
