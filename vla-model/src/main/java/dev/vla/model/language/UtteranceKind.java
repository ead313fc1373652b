package dev.vla.model.language;

/** What a person meant by one utterance, as far as the executor and the planner care (DESIGN §2). */
public enum UtteranceKind {
  /** "stop", "halt", "freeze": cancel everything, hold position. */
  STOP,
  /** "wait", "pause", "hold on": suspend. */
  WAIT,
  /** "continue", "go on", "resume": resume what was suspended. */
  CONTINUE,
  /** "no, the green one", "I meant the ball": cancel the current skill and replan the amended instruction. */
  CORRECTION,
  /** "also close the drawer", "then go to the kitchen": queue after the current instruction. */
  ADDITION,
  /** A new instruction replacing whatever was going on. */
  INSTRUCTION,
  /** Nothing to act on (empty, filler, unreadable). */
  CHATTER
}
