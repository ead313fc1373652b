package dev.vla.affordances.skills;

import java.util.List;
import java.util.Locale;

/**
 * {@code navigate(to)}: drives to the target point. A point that came from a pixel (an object or
 * furniture) is approached to a stand-off distance and faced; a named region or an explicit point is
 * driven onto. Then the head looks at the target so the next decision sees it.
 */
final class NavigateSkill extends PhasedSkill {
  static final double OBJECT_STANDOFF = 0.55;

  private double standoff;

  @Override
  protected List<Phase> plan() {
    standoff = call.arg("standoff").map(Double::parseDouble)
        .orElse(call.targetPixel().isPresent() ? OBJECT_STANDOFF : 0.0);
    double tolerance = standoff > 0 ? 0.05 : 0.15;
    return List.of(
        motion.approach(target(), standoff, tolerance, 15.0),
        motion.head(() -> standoff > 0 ? motion.aim(target()) : new double[] {0, ctx.geometry().headDefaultTilt()}));
  }

  @Override
  protected String successDetail() {
    double[] t = motion.toBase(target());
    return String.format(Locale.ROOT, "arrived at %s, %.2f m from target", call.arg("to").orElse("goal"),
        Math.hypot(t[0], t[1]));
  }
}
