package dev.vla.model.oracle;

/**
 * A goal the oracle works toward, derived from the scenario's success predicates (or from the
 * grammar's meaning when generating data), with whether it already holds.
 */
public sealed interface Goal {
  boolean satisfied();

  record In(String object, String container, boolean satisfied) implements Goal {}

  record On(String object, String surface, boolean satisfied) implements Goal {}

  record Holding(String object, boolean satisfied) implements Goal {}

  record NotHolding(boolean satisfied) implements Goal {}

  /** Robot within {@code within} metres of a model. */
  record RobotNear(String target, double within, boolean satisfied) implements Goal {}

  /** Robot within {@code within} metres of a point given in the odom frame. */
  record RobotNearPoint(double x, double y, double within, boolean satisfied) implements Goal {}

  record RobotInRegion(String region, boolean satisfied) implements Goal {}

  /** An object within {@code within} metres of a point given in the odom frame (reached by pushing it). */
  record ObjectNear(String object, double x, double y, double within, boolean satisfied) implements Goal {}

  record Opened(String drawer, boolean satisfied) implements Goal {}

  record Closed(String drawer, boolean satisfied) implements Goal {}

  /** Ask for clarification (ambiguous or impossible request). */
  record Ask(String question, boolean satisfied) implements Goal {}

  /** Decline and stay still (nonsense or unsafe request). */
  record Refuse(String reason, boolean satisfied) implements Goal {}
}
