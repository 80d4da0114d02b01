package dev.kumo.frontier;

/**
 * A frontier could not read or write its storage (a full disk, a failing device, a lost server). The crawl
 * stops when it sees one; a durable frontier stays consistent and can be resumed once the cause is fixed.
 */
public final class FrontierException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}, caused by {@code cause}. */
  public FrontierException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure described by {@code message}. */
  public FrontierException(String message) {
    super(message);
  }
}
