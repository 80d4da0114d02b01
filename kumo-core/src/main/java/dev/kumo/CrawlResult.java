package dev.kumo;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a crawl: why it ended, how long it took, and every stat counter (Scrapy's names, e.g.
 * {@code downloader/response_count}, {@code item_scraped_count}, {@code dupefilter/filtered}).
 *
 * @param finishReason {@code finished}, a {@code closespider_*} condition, {@code shutdown} or {@code aborted}
 * @param elapsed wall time from start to finish
 * @param stats every counter, sorted by name
 */
public record CrawlResult(String finishReason, Duration elapsed, Map<String, Long> stats) {
  /** Copies {@code stats}. */
  public CrawlResult {
    stats = Map.copyOf(stats);
  }

  /** The counter {@code key}, or 0. */
  public long stat(String key) {
    return stats.getOrDefault(key, 0L);
  }

  /** Responses downloaded. */
  public long pages() {
    return stat("downloader/response_count");
  }

  /** Items exported. */
  public long items() {
    return stat("item_scraped_count");
  }

  /** Responses per second over the whole crawl. */
  public double pagesPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : pages() / s;
  }

  /** A human-readable block: the headline figures, then every counter. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Crawl %s in %.2f s: %d requests, %d responses, %d items, %.1f pages/s%n",
        finishReason, elapsed.toNanos() / 1e9, stat("downloader/request_count"), pages(), items(),
        pagesPerSecond()));
    new java.util.TreeMap<>(stats).forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-52s %d%n", k, v)));
    return sb.toString();
  }
}
