package dev.vla.ros.dds;

/** A message on the wire that does not decode: truncated, mis-sized or of another encoding. */
public final class CdrException extends RuntimeException {
  public CdrException(String message) {
    super(message);
  }

  public CdrException(String message, Throwable cause) {
    super(message, cause);
  }
}
