package dev.vla.launch;

/** A problem the user can fix (bad file, bad option value); printed as one line, no stack trace. */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message);
  }
}
