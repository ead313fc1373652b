package dev.vla.model;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.SkillStatus;

/** One earlier decision of the current instruction and how it ended. */
public record HistoryStep(AffordanceCall call, SkillStatus.State outcome, String reason) {}
