package dev.vla.affordances;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One goal-conditioned skill invocation emitted by a policy, e.g. {@code pick(target=red_cube)} with
 * the pixel the policy pointed at and the point lifted from it.
 *
 * <p>This is the contract of DESIGN §3 and of the ROS message {@code vla_interfaces/msg/AffordanceCall}.
 * {@code callId} is an extension: a sequence number that {@link SkillStatus} refers back to.
 *
 * @param callId unique per process, increasing; 0 when not yet assigned
 * @param skill skill name, e.g. {@code pick}
 * @param args argument name to value, in declaration order
 * @param targetPixel the pixel the policy pointed at, if any
 * @param targetPoint the point lifted from that pixel (frame {@code odom}), if any
 * @param confidence the policy's belief that this is the intended call, 0..1
 * @param affordance predicted probability that the skill succeeds from the current state, 0..1
 * @param instructionId the instruction this call serves
 * @param stampNanos time of the decision (sim or wall clock, nanoseconds)
 */
public record AffordanceCall(
    long callId,
    String skill,
    Map<String, String> args,
    Optional<Pixel> targetPixel,
    Optional<Point3> targetPoint,
    double confidence,
    double affordance,
    long instructionId,
    long stampNanos) {

  public AffordanceCall {
    if (skill == null || skill.isBlank()) {
      throw new IllegalArgumentException("an affordance call needs a skill name");
    }
    args = Collections.unmodifiableMap(new LinkedHashMap<>(args == null ? Map.of() : args));
    targetPixel = targetPixel == null ? Optional.empty() : targetPixel;
    targetPoint = targetPoint == null ? Optional.empty() : targetPoint;
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
    }
    if (!(affordance >= 0 && affordance <= 1)) {
      throw new IllegalArgumentException("affordance must be in [0, 1], got " + affordance);
    }
  }

  /** A call with no target, full confidence; for terminal skills and tests. */
  public static AffordanceCall of(String skill, Map<String, String> args) {
    return new AffordanceCall(0, skill, args, Optional.empty(), Optional.empty(), 1.0, 1.0, 0, 0);
  }

  public Optional<String> arg(String name) {
    return Optional.ofNullable(args.get(name));
  }

  public AffordanceCall withCallId(long id) {
    return new AffordanceCall(id, skill, args, targetPixel, targetPoint, confidence, affordance, instructionId, stampNanos);
  }

  public AffordanceCall withTargetPoint(Point3 point) {
    return new AffordanceCall(
        callId, skill, args, targetPixel, Optional.ofNullable(point), confidence, affordance, instructionId, stampNanos);
  }

  public AffordanceCall withInstruction(long id, long stamp) {
    return new AffordanceCall(callId, skill, args, targetPixel, targetPoint, confidence, affordance, id, stamp);
  }

  /** The compact form operators read in logs: {@code pick(target=red_cube)@(412,260)}. */
  @Override
  public String toString() {
    String a = args.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
    StringBuilder sb = new StringBuilder(skill).append('(').append(a).append(')');
    targetPixel.ifPresent(p -> sb.append('@').append(p));
    if (confidence < 1.0) {
      sb.append(String.format(Locale.ROOT, " conf=%.2f", confidence));
    }
    return sb.toString();
  }
}
