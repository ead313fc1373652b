package dev.vla.affordances.skills;

import dev.vla.affordances.Point3;
import dev.vla.affordances.Pose2D;
import dev.vla.affordances.RobotGeometry;
import dev.vla.affordances.RobotState;
import dev.vla.affordances.SkillContext;
import dev.vla.affordances.SkillResult;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Motion building blocks for skills: feedback controllers for the base, arm, gripper and head,
 * each packaged as a {@link Phase}. Every controller closes the loop on the measured robot state and
 * gives up with a reason an operator understands (blocked, unreachable, did not settle).
 */
final class Motion {
  static final double TOP_DOWN = -Math.PI / 2;

  private final SkillContext ctx;
  private final RobotGeometry g;
  private boolean armMoved;

  Motion(SkillContext ctx) {
    this.ctx = ctx;
    this.g = ctx.geometry();
  }

  RobotState state() {
    return ctx.state();
  }

  void stopBase() {
    ctx.motion().baseVelocity(0, 0);
  }

  void holdArm() {
    ctx.motion().armTrajectory(ctx.state().armJoints(), 0);
  }

  /** Sends the arm home without waiting (used when a skill ends after a failure). */
  void tuckArm() {
    double[] home = g.armHome();
    ctx.motion().armTrajectory(home, ctx.kinematics().moveDuration(ctx.state().armJoints(), home, 0.5));
  }

  /** Whether this skill has commanded the arm. */
  boolean armMoved() {
    return armMoved;
  }

  /** A point in the odom frame expressed in base_link: {x, y, z}. */
  double[] toBase(Point3 p) {
    double[] xy = state().baseInOdom().toLocal(p.x(), p.y());
    return new double[] {xy[0], xy[1], p.z()};
  }

  /** An arm configuration putting the fingertip at (x, y, z) in base_link, trying top-down first. */
  Optional<double[]> reach(double x, double y, double z, double... pitches) {
    double[] order = pitches.length == 0 ? new double[] {TOP_DOWN, -Math.PI / 3, -Math.PI / 4, 0.0} : pitches;
    for (double pitch : order) {
      Optional<double[]> q = ctx.kinematics().inverse(x, y, z, pitch);
      if (q.isPresent()) {
        return q;
      }
    }
    return Optional.empty();
  }

  static String fmt(double[] p) {
    return String.format(Locale.ROOT, "(%.2f, %.2f, %.2f)", p[0], p[1], p[2]);
  }

  // ---------------------------------------------------------------- base

  /**
   * Turns to face {@code target} and drives until the base centre is {@code distance} metres from
   * it (horizontally), facing it. With {@code distance} 0 it drives onto the point. Fails when the
   * target starts farther than {@code maxStart} or the base stops making progress (blocked).
   */
  Phase approach(Point3 target, double distance, double tolerance, double maxStart) {
    return new Phase() {
      double lastX;
      double lastY;
      long lastProgress;
      boolean checkedStart;

      @Override
      public void enter(long now) {
        lastProgress = now;
        Pose2D p = state().baseInOdom();
        lastX = p.x();
        lastY = p.y();
      }

      @Override
      public SkillResult poll(long now) {
        RobotState s = state();
        double[] t = toBase(target);
        double dist = Math.hypot(t[0], t[1]);
        if (!checkedStart) {
          checkedStart = true;
          if (dist > maxStart) {
            stopBase();
            return SkillResult.failed(String.format(Locale.ROOT,
                "target is %.2f m away, more than %.2f m; navigate closer first", dist, maxStart));
          }
        }
        double bearing = Math.atan2(t[1], t[0]);
        boolean onPoint = distance < 0.05;
        double err = dist - distance;
        if (onPoint ? dist < tolerance : Math.abs(err) < tolerance && Math.abs(bearing) < 0.05) {
          stopBase();
          return s.baseStill() ? SkillResult.succeeded("") : SkillResult.RUNNING;
        }
        double v;
        double w;
        if (onPoint || Math.abs(err) >= tolerance) {
          if (err > 0 && Math.abs(bearing) > 0.25) {
            v = 0; // turn on the spot before driving
          } else {
            double sign = err >= 0 ? 1 : -1;
            v = sign * Math.min(0.9 * Math.abs(err) + 0.03, g.maxLinearSpeed() * (err >= 0 ? 0.8 : 0.3));
          }
          w = (dist < 0.1) ? 0 : clamp(2.5 * bearing, g.maxAngularSpeed() * 0.7);
        } else {
          v = 0;
          w = clamp(2.5 * bearing, g.maxAngularSpeed() * 0.7);
          if (Math.abs(w) < 0.08) {
            w = Math.copySign(0.08, bearing);
          }
        }
        ctx.motion().baseVelocity(v, w);
        return blocked(now, s, v) ? SkillResult.failed("base blocked: no progress for 1.5 s (collision?)") : SkillResult.RUNNING;
      }

      private boolean blocked(long now, RobotState s, double commanded) {
        Pose2D p = s.baseInOdom();
        if (Math.abs(commanded) < 0.05 || Math.hypot(p.x() - lastX, p.y() - lastY) > 0.03) {
          lastX = p.x();
          lastY = p.y();
          lastProgress = now;
          return false;
        }
        return now - lastProgress > 1_500_000_000L;
      }

      @Override
      public String name() {
        return "approach";
      }
    };
  }

  /** Rotates the base in place by {@code radians} (positive = left). */
  Phase turnBy(double radians) {
    return new Phase() {
      double goalYaw;
      long deadline;

      @Override
      public void enter(long now) {
        goalYaw = state().baseInOdom().yaw() + radians;
        deadline = now + (long) ((Math.abs(radians) / (0.5 * g.maxAngularSpeed()) + 3.0) * 1e9);
      }

      @Override
      public SkillResult poll(long now) {
        RobotState s = state();
        double err = Pose2D.wrap(goalYaw - s.baseInOdom().yaw());
        if (Math.abs(err) < 0.02) {
          stopBase();
          return s.baseStill() ? SkillResult.succeeded("") : SkillResult.RUNNING;
        }
        if (now > deadline) {
          stopBase();
          return SkillResult.failed("base did not finish turning");
        }
        double w = clamp(2.5 * err, g.maxAngularSpeed() * 0.7);
        if (Math.abs(w) < 0.08) {
          w = Math.copySign(0.08, err);
        }
        ctx.motion().baseVelocity(0, w);
        return SkillResult.RUNNING;
      }

      @Override
      public String name() {
        return "turn";
      }
    };
  }

  // ---------------------------------------------------------------- arm

  /** Moves the arm to the joint goal {@code goal} computes on entry; fails if it computes none. */
  Phase arm(String name, Supplier<Optional<double[]>> goal, Supplier<String> unreachable) {
    return new Phase() {
      double[] q;
      long deadline;

      @Override
      public void enter(long now) {
        q = goal.get().orElse(null);
        if (q == null) {
          return;
        }
        double seconds = ctx.kinematics().moveDuration(state().armJoints(), q, 0.3);
        ctx.motion().armTrajectory(q, seconds);
        armMoved = true;
        deadline = now + (long) ((1.5 * seconds + 1.5) * 1e9);
      }

      @Override
      public SkillResult poll(long now) {
        if (q == null) {
          return SkillResult.failed(unreachable.get());
        }
        double[] cur = state().armJoints();
        double worst = 0;
        for (int i = 0; i < 4; i++) {
          worst = Math.max(worst, Math.abs(cur[i] - q[i]));
        }
        if (worst < 0.01) {
          return SkillResult.succeeded("");
        }
        if (now > deadline) {
          return SkillResult.failed(String.format(Locale.ROOT, "arm did not reach its goal (off by %.2f rad)", worst));
        }
        return SkillResult.RUNNING;
      }

      @Override
      public String name() {
        return name;
      }
    };
  }

  /** Moves the fingertip to a point in base_link that {@code where} computes on entry. */
  Phase fingertip(String name, Supplier<double[]> where, double... pitches) {
    double[][] asked = new double[1][];
    return arm(name, () -> {
      asked[0] = where.get();
      return reach(asked[0][0], asked[0][1], asked[0][2], pitches);
    }, () -> "the arm cannot reach " + fmt(asked[0]) + " in base_link");
  }

  /** Tucks the arm into its home pose, out of the camera's view. */
  Phase home() {
    return arm("retract", () -> Optional.of(g.armHome()), () -> "home pose unreachable");
  }

  // ---------------------------------------------------------------- gripper and head

  /** Opens or closes the gripper and waits until the fingers stop. */
  Phase gripper(String name, double width) {
    return new Phase() {
      long entered;

      @Override
      public void enter(long now) {
        entered = now;
        ctx.motion().gripper(width);
      }

      @Override
      public SkillResult poll(long now) {
        RobotState s = state();
        boolean arrived = Math.abs(s.gripperWidth() - width) < 0.002 || s.gripperEffort() > RobotState.HOLDING_EFFORT_NEWTONS;
        boolean settled = arrived && Math.abs(s.gripperVelocity()) < 1e-3 && now - entered > 100_000_000L;
        if (settled) {
          return SkillResult.succeeded("");
        }
        if (now - entered > 4_000_000_000L) {
          return SkillResult.failed("gripper did not settle");
        }
        return SkillResult.RUNNING;
      }

      @Override
      public String name() {
        return name;
      }
    };
  }

  /** Pan and tilt that point the head camera at {@code p}, clamped to the head's limits. */
  double[] aim(Point3 p) {
    double[] t = toBase(p);
    double dx = t[0] - g.cameraX();
    double pan = Math.atan2(t[1], dx);
    double tilt = Math.atan2(g.cameraZ() - t[2], Math.hypot(dx, t[1]));
    return new double[] {
      Math.max(g.headPanMin(), Math.min(g.headPanMax(), pan)),
      Math.max(g.headTiltMin(), Math.min(g.headTiltMax(), tilt))
    };
  }

  /** Points the head as {@code panTilt} computes on entry and waits until it gets there. */
  Phase head(Supplier<double[]> panTilt) {
    return new Phase() {
      double[] goal;
      long deadline;

      @Override
      public void enter(long now) {
        goal = panTilt.get();
        ctx.motion().head(goal[0], goal[1]);
        deadline = now + 4_000_000_000L;
      }

      @Override
      public SkillResult poll(long now) {
        RobotState s = state();
        if (Math.abs(s.headPan() - goal[0]) < 0.01 && Math.abs(s.headTilt() - goal[1]) < 0.01) {
          return SkillResult.succeeded("");
        }
        return now > deadline ? SkillResult.failed("head did not reach its goal") : SkillResult.RUNNING;
      }

      @Override
      public String name() {
        return "look";
      }
    };
  }

  /** Waits a fixed time. */
  static Phase pause(String name, double seconds) {
    return new Phase() {
      long until;

      @Override
      public void enter(long now) {
        until = now + (long) (seconds * 1e9);
      }

      @Override
      public SkillResult poll(long now) {
        return now >= until ? SkillResult.succeeded("") : SkillResult.RUNNING;
      }

      @Override
      public String name() {
        return name;
      }
    };
  }

  /** Succeeds when {@code failure} computes nothing, fails with its message otherwise. */
  static Phase check(String name, Supplier<Optional<String>> failure) {
    return new Phase() {
      @Override
      public void enter(long now) {}

      @Override
      public SkillResult poll(long now) {
        return failure.get().map(SkillResult::failed).orElse(SkillResult.succeeded(""));
      }

      @Override
      public String name() {
        return name;
      }
    };
  }

  static double clamp(double v, double limit) {
    return Math.max(-limit, Math.min(limit, v));
  }
}
