package dev.kumo.cli;

import dev.kumo.CrawlResult;
import dev.kumo.engine.Engine;
import org.jspecify.annotations.Nullable;

/**
 * What a finished crawl means for the command line: its exit code, and the problem to print last when it
 * failed (so that a failed crawl never ends with exit 0 and a log line to scroll back for).
 *
 * <p>Failures: an aborted crawl, a failing job directory, callbacks that failed or were not found, and a crawl
 * that downloaded nothing because it could not connect to the site.
 */
public record CrawlOutcome(int exitCode, @Nullable String problem) {
  /** The finish reason of an aborted crawl. */
  public static final String ABORTED = "aborted";

  /** The outcome of {@code result}. */
  public static CrawlOutcome of(CrawlResult result) {
    String reason = result.finishReason();
    if (ABORTED.equals(reason)) {
      return failed("the crawl was aborted");
    }
    if (Engine.FRONTIER_FAILED.equals(reason)) {
      return failed("the crawl stopped: its job directory failed (see the log above)");
    }
    long connectFailures = result.stat("downloader/exception_type_count/connect")
        + result.stat("robotstxt/exception_count/connect");
    if (result.pages() == 0 && connectFailures > 0) {
      return failed("no page was downloaded: could not connect to the site (" + connectFailures
          + " connection failure" + (connectFailures == 1 ? "" : "s") + "); is it running, and is the URL right?");
    }
    long callbackErrors = result.stat("spider_exceptions_count");
    if (callbackErrors > 0) {
      return failed(callbackErrors + " callback error" + (callbackErrors == 1 ? "" : "s")
          + " (spider_exceptions_count; see the log above)");
    }
    return new CrawlOutcome(0, null);
  }

  private static CrawlOutcome failed(String problem) {
    return new CrawlOutcome(CliException.FAILED, problem);
  }
}
