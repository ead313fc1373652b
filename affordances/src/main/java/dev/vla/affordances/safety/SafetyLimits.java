package dev.vla.affordances.safety;

import dev.vla.affordances.RobotGeometry;
import java.time.Duration;
import java.util.Locale;

/**
 * What the safety supervisor enforces, validated when built (the {@code executor} node's
 * {@code safety.*} parameters). Metres, radians, seconds (REP-103).
 *
 * @param maxLinearSpeed forward or backward base speed, m/s
 * @param maxAngularSpeed base yaw rate, rad/s
 * @param maxLinearAccel how fast a base speed command may grow, m/s²; slowing down is never limited
 * @param maxAngularAccel how fast a yaw-rate command may grow, rad/s²
 * @param maxJointSpeed arm joint speed, rad/s: a trajectory that would be faster is stretched in time
 * @param geofence the workspace {@code {xmin, ymin, xmax, ymax}} in the {@code map} frame (or
 *     {@code odom} where there is no map); null for none. The base may turn anywhere, but may not drive
 *     out of it, nor further out once outside
 * @param geofenceLookahead how far ahead in time a base command is projected against the geofence, s
 * @param obstacleStopDistance the base stops this far from the nearest obstacle ahead in the depth
 *     image, measured from the base's front, m
 * @param obstacleStopTime nearer obstacles slow the base: forward speed at most
 *     (distance - stop distance) / this, s (speed and separation)
 * @param commandTimeout a moving base whose command is not renewed within this is stopped
 *     (watchdog); zero disables it
 * @param cameraTimeout no camera frame for this long: the robot stops until frames return; zero
 *     disables the rule (no camera on the robot)
 * @param odomTimeout no odometry for this long: the robot stops until it returns; zero disables
 */
public record SafetyLimits(
    double maxLinearSpeed,
    double maxAngularSpeed,
    double maxLinearAccel,
    double maxAngularAccel,
    double maxJointSpeed,
    double[] geofence,
    double geofenceLookahead,
    double obstacleStopDistance,
    double obstacleStopTime,
    Duration commandTimeout,
    Duration cameraTimeout,
    Duration odomTimeout) {

  public SafetyLimits {
    positive("max_linear_speed", maxLinearSpeed);
    positive("max_angular_speed", maxAngularSpeed);
    positive("max_linear_accel", maxLinearAccel);
    positive("max_angular_accel", maxAngularAccel);
    positive("max_joint_speed", maxJointSpeed);
    if (geofence != null) {
      if (geofence.length != 4) {
        throw new IllegalArgumentException("safety.geofence must be [xmin, ymin, xmax, ymax], got "
            + geofence.length + " numbers");
      }
      for (double d : geofence) {
        if (!Double.isFinite(d)) {
          throw new IllegalArgumentException("safety.geofence must be finite numbers");
        }
      }
      if (!(geofence[0] < geofence[2] && geofence[1] < geofence[3])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "safety.geofence must have xmin < xmax and ymin < ymax, got [%s, %s, %s, %s]",
            geofence[0], geofence[1], geofence[2], geofence[3]));
      }
      geofence = geofence.clone();
    }
    nonNegative("geofence_lookahead", geofenceLookahead);
    nonNegative("obstacle_stop_distance", obstacleStopDistance);
    positive("obstacle_stop_time", obstacleStopTime);
    nonNegative("command_timeout", commandTimeout);
    nonNegative("camera_timeout", cameraTimeout);
    nonNegative("odom_timeout", odomTimeout);
  }

  /**
   * The robot's own limits (DESIGN §3), a 20 m x 20 m workspace around the map origin, stop 5 cm from
   * obstacles, watchdog 250 ms, camera 500 ms, odometry 200 ms.
   */
  public static SafetyLimits defaults(RobotGeometry g) {
    return new SafetyLimits(g.maxLinearSpeed(), g.maxAngularSpeed(), g.maxLinearAccel(), g.maxAngularAccel(),
        g.maxJointSpeed(), new double[] {-10, -10, 10, 10}, 0.5, 0.05, 0.5,
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(200));
  }

  @Override
  public double[] geofence() {
    return geofence == null ? null : geofence.clone();
  }

  public SafetyLimits withGeofence(double[] fence) {
    return new SafetyLimits(maxLinearSpeed, maxAngularSpeed, maxLinearAccel, maxAngularAccel, maxJointSpeed, fence,
        geofenceLookahead, obstacleStopDistance, obstacleStopTime, commandTimeout, cameraTimeout, odomTimeout);
  }

  public SafetyLimits withTimeouts(Duration command, Duration camera, Duration odom) {
    return new SafetyLimits(maxLinearSpeed, maxAngularSpeed, maxLinearAccel, maxAngularAccel, maxJointSpeed, geofence,
        geofenceLookahead, obstacleStopDistance, obstacleStopTime, command, camera, odom);
  }

  private static void positive(String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("safety." + name + " must be a positive number, got " + v);
    }
  }

  private static void nonNegative(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("safety." + name + " must be zero or more, got " + v);
    }
  }

  private static void nonNegative(String name, Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException("safety." + name + " must be zero or more seconds");
    }
  }
}
