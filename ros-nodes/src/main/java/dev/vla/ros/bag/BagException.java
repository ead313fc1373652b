package dev.vla.ros.bag;

/**
 * A bag that cannot be created or written: the directory is not writable, a bag is already there, the
 * disk is full. The message says which and where, in one line fit for a person.
 */
public final class BagException extends RuntimeException {
  public BagException(String message) {
    super(message);
  }

  public BagException(String message, Throwable cause) {
    super(message, cause);
  }
}
