package dev.vla.sim.world;

import dev.vla.affordances.ArmKinematics;
import dev.vla.affordances.Pose2D;
import dev.vla.affordances.RobotGeometry;

/** The simulated robot's kinematic state. Owned by the {@link Simulator}; its thread only. */
final class RobotBody {
  final RobotGeometry g;
  final ArmKinematics kinematics;

  Pose2D world;
  Pose2D odom = Pose2D.ORIGIN;
  double v;
  double w;
  double cmdV;
  double cmdW;
  double cmdTime = Double.NEGATIVE_INFINITY;

  final double[] q;
  double[] trajStart;
  double[] trajGoal;
  double trajT0;
  double trajDuration;

  double gripperWidth;
  double gripperCommanded;
  double gripperVelocity;
  /** The opening the fingers last started closing from. */
  double closingFrom;
  Body held;
  /** The held body's pose in the gripper frame. */
  dev.vla.sim.scenario.Transform gripperFromHeld;
  Body handle;

  double pan;
  double tilt;
  double panGoal;
  double tiltGoal;

  RobotBody(RobotGeometry g, Pose2D start) {
    this.g = g;
    this.kinematics = new ArmKinematics(g);
    this.world = start;
    this.q = g.armHome();
    this.trajStart = q.clone();
    this.trajGoal = q.clone();
    this.gripperWidth = g.gripperMaxWidth();
    this.gripperCommanded = g.gripperMaxWidth();
    this.pan = 0;
    this.tilt = g.headDefaultTilt();
    this.panGoal = 0;
    this.tiltGoal = tilt;
  }

  boolean armMoving() {
    for (int i = 0; i < 4; i++) {
      if (Math.abs(trajGoal[i] - q[i]) > 1e-6) {
        return true;
      }
    }
    return false;
  }

  /** Fingertip centre in the world. */
  double[] fingertipWorld() {
    double[] p = kinematics.fingertip(q);
    double[] xy = world.toParent(p[0], p[1]);
    return new double[] {xy[0], xy[1], p[2]};
  }

  /** Heading of the arm's vertical plane in the world. */
  double armYawWorld() {
    return world.yaw() + q[0];
  }
}
