package dev.kumo.middleware;

import dev.kumo.Request;
import dev.kumo.Response;
import java.util.Objects;

/**
 * What a {@link DownloaderMiddleware} decided; the engine applies it. Scrapy's middlewares say the same by
 * returning {@code None}, a response or a request, or by raising {@code IgnoreRequest}.
 */
public sealed interface DownloadAction {
  /** Go on with {@code request} (the same or a changed copy): the next middleware, then the download. */
  static DownloadAction proceed(Request request) {
    return new Proceed(request);
  }

  /** Use {@code response}: from a request hook, instead of downloading; from a response hook, pass it on. */
  static DownloadAction respond(Response response) {
    return new Respond(response);
  }

  /**
   * Drop this download and schedule {@code request} instead (through the frontier, so it is deduplicated
   * unless {@link Request#dontFilter()}, and polite to its host); the request's items are none.
   */
  static DownloadAction reschedule(Request request) {
    return new Reschedule(request);
  }

  /** Drop this download; counted as {@code downloader_middleware/dropped/<reason>}. */
  static DownloadAction drop(String reason) {
    return new Drop(reason);
  }

  /** Go on with the request. */
  record Proceed(Request request) implements DownloadAction {
    /** Checks the request. */
    public Proceed {
      Objects.requireNonNull(request, "request");
    }
  }

  /** Use this response. */
  record Respond(Response response) implements DownloadAction {
    /** Checks the response. */
    public Respond {
      Objects.requireNonNull(response, "response");
    }
  }

  /** Schedule another request instead. */
  record Reschedule(Request request) implements DownloadAction {
    /** Checks the request. */
    public Reschedule {
      Objects.requireNonNull(request, "request");
    }
  }

  /** Drop the download. */
  record Drop(String reason) implements DownloadAction {
    /** Checks the reason: a short stat key such as {@code banned}. */
    public Drop {
      if (reason.isBlank()) {
        throw new IllegalArgumentException("a drop needs a reason");
      }
    }
  }
}
