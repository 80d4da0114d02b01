package dev.kumo;

import dev.kumo.download.DownloadException;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Why a request failed, as an errback receives it (Scrapy's {@code Failure}): a download failure after its
 * retries, or a response whose HTTP status the callback does not handle.
 *
 * @param request the request that failed
 * @param kind what failed: {@link #HTTP_ERROR}, {@link #DNS}, or a download failure's reason
 *     ({@code timeout}, {@code connect}, {@code maxsize}, {@code io}...)
 * @param message a one-line description
 * @param response the response of an HTTP error, else null
 */
public record Failure(Request request, String kind, String message, @Nullable Response response) {
  /** A response whose status is not handled (Scrapy's {@code HttpError}). */
  public static final String HTTP_ERROR = "http_error";
  /** The host name could not be resolved. */
  public static final String DNS = "dns";

  /** The failure of a download; {@link #DNS} when the host name could not be resolved. */
  public static Failure of(Request request, DownloadException e) {
    String kind = e.reason();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        kind = DNS;
        break;
      }
    }
    return new Failure(request, kind, String.valueOf(e.getMessage()), null);
  }

  /** The failure of a response with an HTTP error status. */
  public static Failure httpError(Response response) {
    return new Failure(response.request(), HTTP_ERROR,
        "HTTP status " + response.status() + " is not handled or not allowed", response);
  }

  /** Whether this is an HTTP error (the response is then set). */
  public boolean isHttpError() {
    return kind.equals(HTTP_ERROR);
  }

  /** Whether the download timed out. */
  public boolean isTimeout() {
    return kind.equals(DownloadException.TIMEOUT);
  }

  /** Whether the host name could not be resolved. */
  public boolean isDns() {
    return kind.equals(DNS);
  }
}
