package dev.vla.affordances;

import java.util.ArrayList;
import java.util.List;

/** A motion port that records every command; test fake. */
final class RecordingMotion implements MotionPort {
  final List<String> log = new ArrayList<>();
  double linear;
  double angular;
  double[] armGoal;
  double armSeconds = -1;
  double gripperWidth = -1;

  @Override
  public void baseVelocity(double v, double w) {
    linear = v;
    angular = w;
    log.add("base " + v + " " + w);
  }

  @Override
  public void armTrajectory(double[] q, double seconds) {
    armGoal = q.clone();
    armSeconds = seconds;
    log.add("arm " + seconds);
  }

  @Override
  public void gripper(double width) {
    gripperWidth = width;
    log.add("gripper " + width);
  }

  @Override
  public void head(double pan, double tilt) {
    log.add("head " + pan + " " + tilt);
  }

  long count(String prefix) {
    return log.stream().filter(s -> s.startsWith(prefix)).count();
  }
}
