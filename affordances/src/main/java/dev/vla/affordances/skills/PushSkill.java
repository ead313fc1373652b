package dev.vla.affordances.skills;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code push(target, direction[, distance])}: closes the gripper, lowers the fingertips behind the
 * object and sweeps them along the direction (in the robot's frame when the push starts).
 */
final class PushSkill extends PhasedSkill {
  static final List<String> DIRECTIONS = List.of("left", "right", "forward", "backward", "away", "towards");
  private static final Map<String, double[]> UNIT = Map.of(
      "left", new double[] {0, 1},
      "right", new double[] {0, -1},
      "forward", new double[] {1, 0},
      "away", new double[] {1, 0},
      "backward", new double[] {-1, 0},
      "towards", new double[] {-1, 0});
  /** Fingertip starts this far behind the target point, clear of any object up to 0.12 m. */
  static final double LEAD = 0.09;
  /**
   * The object ends ahead of the fingertips by its half width plus the fingers' own: 0.065 m for a
   * mid-sized object, so the sweep stops that much short of the requested displacement.
   */
  static final double CONTACT_OFFSET = 0.065;

  private double distance;
  private String direction;

  @Override
  protected List<Phase> plan() {
    direction = call.arg("direction").orElse("forward");
    distance = call.arg("distance").map(Double::parseDouble).orElse(0.15);
    double[] d = UNIT.get(direction);
    double zPush = Math.max(0.02, target().z() - 0.03);
    return List.of(
        motion.head(() -> motion.aim(target())),
        Reach.approachIfNeeded(motion, target(), Reach.WORK_DISTANCE),
        motion.gripper("close fingers", 0.0),
        motion.fingertip("above start", () -> at(d, -LEAD, zPush + 0.10)),
        motion.fingertip("lower", () -> at(d, -LEAD, zPush)),
        motion.fingertip("sweep", () -> at(d, distance - CONTACT_OFFSET, zPush)),
        motion.fingertip("lift", () -> at(d, distance - CONTACT_OFFSET, zPush + 0.10)),
        motion.home());
  }

  /** Target point offset by {@code along} metres in direction {@code d}, in base_link. */
  private double[] at(double[] d, double along, double z) {
    double[] t = motion.toBase(target());
    return new double[] {t[0] + d[0] * along, t[1] + d[1] * along, z};
  }

  @Override
  protected String successDetail() {
    return String.format(Locale.ROOT, "pushed %s %s by %.2f m", targetName(), direction, distance);
  }
}
