package dev.kumo.cli;

/**
 * A failure the user can act on: its message is printed to stderr without a stack trace and the command exits
 * with {@link #exitCode()}.
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code for a bad command line, settings file or spider: nothing was crawled. */
  public static final int USAGE = 2;
  /** Exit code for a crawl or fetch that failed or was aborted. */
  public static final int FAILED = 1;

  private final int exitCode;

  private CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A usage or spider file error (exit code 2). */
  public static CliException usage(String message) {
    return new CliException(USAGE, message, null);
  }

  /** A usage or spider file error (exit code 2) caused by {@code cause}. */
  public static CliException usage(String message, Throwable cause) {
    return new CliException(USAGE, message, cause);
  }

  /** A failed run (exit code 1) caused by {@code cause}. */
  public static CliException failed(String message, Throwable cause) {
    return new CliException(FAILED, message, cause);
  }

  /** The process exit code: {@link #USAGE} or {@link #FAILED}. */
  public int exitCode() {
    return exitCode;
  }
}
