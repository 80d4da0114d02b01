package dev.kumo.download;

/**
 * A download that failed: the network, a timeout, or a limit. {@link #reason()} is a short stable token for
 * stats ({@code downloader/exception_type_count/<reason>}).
 */
public final class DownloadException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Reasons used by Kumo's transports. */
  public static final String TIMEOUT = "timeout";
  /** The connection could not be made or was refused. */
  public static final String CONNECT = "connect";
  /** The body (or its decompressed form) was larger than download_maxsize. */
  public static final String MAXSIZE = "maxsize";
  /** A compressed body decoded to more than download_maxratio times its size. */
  public static final String MAXRATIO = "maxratio";
  /** The body did not fit in download_memory_budget (see {@link BodyBudget}). */
  public static final String MEMORY = "memory";
  /** Any other I/O failure. */
  public static final String IO = "io";
  /** A content encoding that could not be decoded. */
  public static final String DECODING = "decoding";
  /** The URL could not be sent. */
  public static final String INVALID_URL = "invalid_url";
  /** The host resolved only to addresses that {@code refuse_private_addresses} refuses. */
  public static final String PRIVATE_ADDRESS = "private_address";

  private final String reason;

  /** A failure for {@code reason} with a message. */
  public DownloadException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** A failure for {@code reason} caused by {@code cause}. */
  public DownloadException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** The short reason token, e.g. {@code timeout}. */
  public String reason() {
    return reason;
  }
}
