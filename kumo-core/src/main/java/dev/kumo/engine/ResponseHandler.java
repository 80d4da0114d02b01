package dev.kumo.engine;

import dev.kumo.Callback;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Spider;
import dev.kumo.download.DownloadException;
import dev.kumo.frontier.InvalidUrlException;
import dev.kumo.frontier.UrlCanonicalizer;
import dev.kumo.internal.UrlJoin;
import dev.kumo.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a download's outcome: stats, redirects (each hop offered to the frontier as a new
 * request, so it is deduplicated, scope-checked and polite to its host), HTTP errors filtered before
 * callbacks, and the spider's callback with its exceptions counted. Thread-safe.
 */
final class ResponseHandler {
  private static final Logger log = LoggerFactory.getLogger(ResponseHandler.class);
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  /** Redirected requests run a little sooner than their origin, as in Scrapy. */
  private static final int REDIRECT_PRIORITY_ADJUST = 2;

  private final Spider spider;
  private final Stats stats;
  private final RequestIntake intake;
  private final EngineOutputs outputs;
  private final UrlCanonicalizer canonicalizer;
  private final boolean redirectEnabled;
  private final int redirectMaxTimes;
  private final ClosingConditions closing;
  private final RetryPolicy retries;

  ResponseHandler(Spider spider, Stats stats, RequestIntake intake, EngineOutputs outputs,
      UrlCanonicalizer canonicalizer, boolean redirectEnabled, int redirectMaxTimes, ClosingConditions closing,
      RetryPolicy retries) {
    this.retries = retries;
    this.spider = spider;
    this.stats = stats;
    this.intake = intake;
    this.outputs = outputs;
    this.canonicalizer = canonicalizer;
    this.redirectEnabled = redirectEnabled;
    this.redirectMaxTimes = redirectMaxTimes;
    this.closing = closing;
  }

  /** Counts a failed download, and retries it if it may be. */
  void failed(Request request, String slot, DownloadException e) {
    stats.increment("downloader/exception_count");
    stats.increment("downloader/exception_type_count/" + e.reason());
    Request retry = retries.afterFailure(request, slot, e);
    if (retry != null) {
      log.debug("Retrying {} after {}", request, e.getMessage());
      intake.offer(retry);
      return;
    }
    stats.increment("log_count/ERROR");
    log.error("Error downloading {}: {}", request, e.getMessage());
    closing.error();
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
    Request retry = retries.afterResponse(response, ticket.slot());
    if (retry != null) {
      intake.offer(retry);
      return;
    }
    Request request = response.request();
    int status = response.status();
    String location = response.headers().first("Location");
    if (redirectEnabled && REDIRECTS.contains(status) && location != null
        && !Boolean.TRUE.equals(request.meta().get("dont_redirect"))) {
      redirect(response, location);
      return;
    }
    if ((status < 200 || status >= 300) && !allowed(request, status)) {
      stats.increment("httperror/response_ignored_count");
      stats.increment("httperror/response_ignored_status_count/" + status);
      log.info("Ignoring response {}: HTTP status code is not handled or not allowed", response);
      return;
    }
    runCallback(response, ticket);
  }

  private static boolean allowed(Request request, int status) {
    if (Boolean.TRUE.equals(request.meta().get("handle_httpstatus_all"))) {
      return true;
    }
    return request.meta().get("handle_httpstatus_list") instanceof List<?> codes
        && codes.stream().anyMatch(c -> c instanceof Number n && n.intValue() == status);
  }

  private void redirect(Response response, String location) {
    Request request = response.request();
    int times = request.meta().get("redirect_times") instanceof Number n ? n.intValue() : 0;
    String target = UrlJoin.resolve(response.url(), location); // not <base href>: RFC 9110
    List<String> chain = new ArrayList<>();
    if (request.meta().get("redirect_urls") instanceof List<?> previous) {
      previous.forEach(u -> chain.add(u.toString()));
    }
    chain.add(request.url());
    if (times + 1 > redirectMaxTimes) {
      stats.increment("redirect/max_reached");
      log.warn("Discarding {}: max redirections ({}) reached", request, redirectMaxTimes);
      return;
    }
    if (isLoop(target, chain)) {
      stats.increment("redirect/loop");
      log.warn("Discarding {}: redirect loop back to {}", request, target);
      return;
    }
    Request.Builder next = request.toBuilder()
        .url(target)
        .priority(request.priority() + REDIRECT_PRIORITY_ADJUST)
        .meta("redirect_times", times + 1)
        .meta("redirect_urls", List.copyOf(chain))
        .meta("redirect_reasons", response.status());
    int status = response.status();
    if (status == 303 || ((status == 301 || status == 302) && !request.method().equals("HEAD"))) {
      next.method(status == 303 && request.method().equals("HEAD") ? "HEAD" : "GET").body(new byte[0])
          .headers(request.headers().without("Content-Type").without("Content-Length"));
    }
    stats.increment("downloader/redirect_count");
    intake.offer(next.build());
  }

  private boolean isLoop(String target, List<String> chain) {
    try {
      String t = canonicalizer.canonicalize(target);
      for (String u : chain) {
        if (canonicalizer.canonicalize(u).equals(t)) {
          return true;
        }
      }
    } catch (InvalidUrlException e) {
      return false; // the intake counts it as invalid
    }
    return false;
  }

  private void runCallback(Response response, LeaseTicket ticket) {
    CharsetStats.record(response, stats);
    try {
      Callback callback = spider.callback(response.request().callback());
      callback.handle(response, outputs.forResponse(response, ticket));
    } catch (CrawlAbortedException e) {
      throw e;
    } catch (Exception | LinkageError | StackOverflowError | AssertionError e) {
      stats.increment("spider_exceptions/" + e.getClass().getSimpleName());
      stats.increment("spider_exceptions_count");
      stats.increment("log_count/ERROR");
      log.error("Spider error processing {} (callback {})", response, response.request().callback(), e);
      closing.error();
    }
  }
}
