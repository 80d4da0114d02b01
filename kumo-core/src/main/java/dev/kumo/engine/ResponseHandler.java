package dev.kumo.engine;

import dev.kumo.Failure;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.download.DownloadException;
import dev.kumo.internal.HandledStatuses;
import dev.kumo.stats.Stats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a download's outcome once the downloader steps are done with it (retries and redirects are
 * steps: {@link RetryStep}, {@link RedirectStep}): stats, HTTP errors filtered before callbacks, and the spider's
 * callback or errback with its exceptions counted. Thread-safe.
 */
final class ResponseHandler {
  private static final Logger log = LoggerFactory.getLogger(ResponseHandler.class);

  private final CallbackRunner runner;
  private final Stats stats;
  private final ClosingConditions closing;

  ResponseHandler(CallbackRunner runner, Stats stats, ClosingConditions closing) {
    this.runner = runner;
    this.stats = stats;
    this.closing = closing;
  }

  /** Counts a failed download (when it reached the network). */
  void counted(DownloadException e) {
    stats.increment("downloader/exception_count");
    stats.increment("downloader/exception_type_count/" + e.reason());
  }

  /** A download failed for good (no step retried it): tells its errback (items to {@code ticket}). */
  void failed(Request request, DownloadException e, LeaseTicket ticket) {
    stats.increment("log_count/ERROR");
    log.error("Error downloading {}: {}", request, e.getMessage());
    closing.error();
    runner.errback(Failure.of(request, e), ticket);
  }

  /** Counts a response as downloaded (before it is handled). */
  void received(Response response) {
    stats.increment("downloader/response_count");
    stats.increment("downloader/response_status_count/" + response.status());
    stats.add("downloader/response_bytes", response.bodyLength());
    stats.increment("response_received_count");
    closing.page();
  }

  /** Filters an HTTP error, or runs the spider's callback, whose items go to {@code ticket}. */
  void handle(Response response, LeaseTicket ticket) {
    Request request = response.request();
    int status = response.status();
    if ((status < 200 || status >= 300) && !HandledStatuses.handles(request, status)) {
      stats.increment("httperror/response_ignored_count");
      stats.increment("httperror/response_ignored_status_count/" + status);
      log.info("Ignoring response {}: HTTP status code is not handled or not allowed", response);
      runner.errback(Failure.httpError(response), ticket);
      return;
    }
    runner.callback(response, ticket);
  }
}
