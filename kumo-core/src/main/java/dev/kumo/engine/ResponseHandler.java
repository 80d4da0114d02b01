package dev.kumo.engine;

import dev.kumo.Failure;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.download.DownloadException;
import dev.kumo.middleware.builtin.Redirect;
import dev.kumo.stats.Stats;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a download's outcome: stats, redirects (the {@link Redirect} step decides; each hop is
 * offered to the frontier as a new request, so it is deduplicated, scope-checked and polite to its host), HTTP
 * errors filtered before callbacks, and the spider's callback with its exceptions counted. Thread-safe.
 */
final class ResponseHandler {
  private static final Logger log = LoggerFactory.getLogger(ResponseHandler.class);

  private final CallbackRunner runner;
  private final Stats stats;
  private final RequestIntake intake;
  private final Redirect redirects;
  private final ClosingConditions closing;
  private final RetryPolicy retries;
  private final Slots slots;

  ResponseHandler(CallbackRunner runner, Stats stats, RequestIntake intake, Redirect redirects,
      ClosingConditions closing, RetryPolicy retries, Slots slots) {
    this.retries = retries;
    this.slots = slots;
    this.runner = runner;
    this.stats = stats;
    this.intake = intake;
    this.redirects = redirects;
    this.closing = closing;
  }

  /** Counts a failed download, and retries it if it may be, else tells its errback (items to {@code ticket}). */
  void failed(Request request, String slot, DownloadException e, LeaseTicket ticket) {
    stats.increment("downloader/exception_count");
    stats.increment("downloader/exception_type_count/" + e.reason());
    Request retry = apply(retries.afterFailure(request, e), slot);
    if (retry != null) {
      log.debug("Retrying {} after {}", request, e.getMessage());
      intake.offer(retry);
      return;
    }
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

  /**
   * Retries, follows a redirect, filters an HTTP error, or runs the spider's callback, whose items go to
   * {@code ticket}.
   */
  void handle(Response response, LeaseTicket ticket) {
    Request retry = apply(retries.afterResponse(response), ticket.slot());
    if (retry != null) {
      intake.offer(retry);
      return;
    }
    Request request = response.request();
    int status = response.status();
    Redirect.Decision redirect = redirects.decide(response);
    if (!(redirect instanceof Redirect.Use)) {
      apply(response, redirect);
      return;
    }
    if ((status < 200 || status >= 300) && !allowed(request, status)) {
      stats.increment("httperror/response_ignored_count");
      stats.increment("httperror/response_ignored_status_count/" + status);
      log.info("Ignoring response {}: HTTP status code is not handled or not allowed", response);
      runner.errback(Failure.httpError(response), ticket);
      return;
    }
    runner.callback(response, ticket);
  }

  private static boolean allowed(Request request, int status) {
    if (Boolean.TRUE.equals(request.meta().get("handle_httpstatus_all"))) {
      return true;
    }
    return request.meta().get("handle_httpstatus_list") instanceof List<?> codes
        && codes.stream().anyMatch(c -> c instanceof Number n && n.intValue() == status);
  }

  /** Applies the retry policy's pause to {@code slot}; returns the retry to schedule, if any. */
  private @Nullable Request apply(RetryPolicy.Decision decision, String slot) {
    if (decision.pause() != null) {
      decision.pause().applyTo(slots, slot);
    }
    return decision.request();
  }

  /** Applies the redirect step's decision: the next hop goes to the intake; a refusal is counted. */
  private void apply(Response response, Redirect.Decision decision) {
    switch (decision) {
      case Redirect.Follow follow -> {
        if (follow.credentialsDropped()) {
          stats.increment("redirect/credentials_dropped");
        }
        stats.increment("downloader/redirect_count");
        intake.offer(follow.next());
      }
      case Redirect.Refuse refuse -> {
        stats.increment(refuse.stat());
        log.warn("Discarding {}: not redirected to {} ({})", response.request(), refuse.target(), refuse.stat());
      }
      case Redirect.Use use -> throw new IllegalStateException("not a redirect: " + response);
    }
  }
}
