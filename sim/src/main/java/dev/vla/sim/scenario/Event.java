package dev.vla.sim.scenario;

/** A {@code <vla:event>}: something done to the world; numbered from 0 in document order. */
public sealed interface Event {
  int index();

  Trigger trigger();

  int line();

  /** Teleports an object to (x, y, z), world frame, z of its centre. */
  record MoveObject(int index, Trigger trigger, int line, String object, double x, double y, double z) implements Event {}

  /** Takes an object out of the world. */
  record RemoveObject(int index, Trigger trigger, int line, String object) implements Event {}

  /** The camera publishes nothing for {@code duration} seconds. */
  record CameraDropout(int index, Trigger trigger, int line, double duration) implements Event {}

  /** Noise at {@code snrDb} is mixed into the microphone for {@code duration} seconds. */
  record AudioNoise(int index, Trigger trigger, int line, double snrDb, double duration) implements Event {}

  /** Shoves the robot base by (dx, dy) metres and dyaw radians, world frame. */
  record PushRobot(int index, Trigger trigger, int line, double dx, double dy, double dyaw) implements Event {}
}
