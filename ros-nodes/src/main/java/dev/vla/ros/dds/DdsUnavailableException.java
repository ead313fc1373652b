package dev.vla.ros.dds;

/** The DDS participant could not be created: natives missing for this platform, no usable interface. */
public final class DdsUnavailableException extends RuntimeException {
  public DdsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
