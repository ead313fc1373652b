package dev.vla.ros.episode;

import java.util.Locale;

/**
 * A fault injected into a running episode at a moment of sim time (seconds), beside the scenario's
 * own events (camera dropout, audio noise, objects moved, robot pushed). Used by the fault tests and
 * {@code vla soak}.
 */
public sealed interface Fault {
  double at();

  String describe();

  /** The kind of fault, for tables: "emergency stop", "executor crash", ... */
  String kind();

  /** {@code /vla/estop} latched at {@code at}; {@code /vla/estop/reset} after {@code resetAfter} s (never if ≤ 0). */
  record EmergencyStop(double at, double resetAfter) implements Fault {
    @Override
    public String kind() {
      return "emergency stop";
    }

    @Override
    public String describe() {
      return resetAfter > 0 ? String.format(Locale.ROOT, "emergency stop, reset after %.1f s", resetAfter) : "emergency stop";
    }
  }

  /** The executor's process dies (no clean-up, no last message) and a fresh one starts {@code restartAfter} s later. */
  record ExecutorCrash(double at, double restartAfter) implements Fault {
    @Override
    public String kind() {
      return "executor crash";
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "executor killed, restarted after %.1f s", restartAfter);
    }
  }

  /** The robot's DDS peer vanishes for {@code duration} s: no sensors reach the controller, no commands the robot. */
  record PeerLoss(double at, double duration) implements Fault {
    @Override
    public String kind() {
      return "robot peer lost";
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "robot's DDS peer gone for %.1f s", duration);
    }
  }

  /** Every model run fails (an ONNX Runtime session error) for {@code duration} s. */
  record ModelFailure(double at, double duration) implements Fault {
    @Override
    public String kind() {
      return "model failing";
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "model session failing for %.1f s", duration);
    }
  }

  /** Every decision takes {@code delay} s of wall time longer for {@code duration} s of sim time. */
  record SlowModel(double at, double duration, double delay) implements Fault {
    @Override
    public String kind() {
      return "model stalled";
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "model %.1f s slower for %.1f s", delay, duration);
    }
  }
}
