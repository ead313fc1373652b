package dev.vla.sim.scenario;

/** A {@code <vla:say>}: an utterance delivered to the robot; numbered from 0 in document order. */
public record Say(int index, Trigger trigger, String text, int line) {}
