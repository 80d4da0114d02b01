package dev.kumo.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Scrapy's {@code closespider_*} conditions: close the crawl gracefully after so many items, pages or errors,
 * or after a timeout. A limit of 0 is off. Thread-safe; the close action runs at most once per condition and
 * the engine ignores all but the first.
 */
final class ClosingConditions {
  private final long itemLimit;
  private final long pageLimit;
  private final long errorLimit;
  private final long timeoutNanos;
  private final Consumer<String> close;
  private final AtomicLong items = new AtomicLong();
  private final AtomicLong pages = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  ClosingConditions(long itemLimit, long pageLimit, long errorLimit, double timeoutSeconds, Consumer<String> close) {
    this.itemLimit = itemLimit;
    this.pageLimit = pageLimit;
    this.errorLimit = errorLimit;
    this.timeoutNanos = timeoutSeconds > 0 ? (long) (timeoutSeconds * 1e9) : 0;
    this.close = close;
  }

  void item() {
    count(items, itemLimit, "closespider_itemcount");
  }

  void page() {
    count(pages, pageLimit, "closespider_pagecount");
  }

  void error() {
    count(errors, errorLimit, "closespider_errorcount");
  }

  private void count(AtomicLong counter, long limit, String reason) {
    if (counter.incrementAndGet() == limit) {
      close.accept(reason);
    }
  }

  /** Nanoseconds after the start at which the crawl times out, or 0 for never. */
  long timeoutNanos() {
    return timeoutNanos;
  }
}
