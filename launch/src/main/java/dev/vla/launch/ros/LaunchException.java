package dev.vla.launch.ros;

/** A launch file that cannot be run as written; the message names the file and, where known, the line. */
public final class LaunchException extends RuntimeException {
  public LaunchException(String message) {
    super(message);
  }
}
