package dev.kumo.cli;

import dev.kumo.frontier.FrontierException;
import dev.kumo.redis.RedisFrontier;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The crawl-wide figures a worker's status line shows after its own: pages, items and queue of every worker
 * together, read from Redis at most once every {@value #EVERY_MS} ms.
 */
final class CrawlWideFigures implements Supplier<String> {
  static final long EVERY_MS = 2_000;

  private final RedisFrontier frontier;
  private long readAt = Long.MIN_VALUE;
  private String last = "";

  CrawlWideFigures(RedisFrontier frontier) {
    this.frontier = frontier;
  }

  @Override
  public synchronized String get() {
    long now = System.nanoTime();
    if (readAt == Long.MIN_VALUE || now - readAt >= EVERY_MS * 1_000_000) {
      readAt = now;
      try {
        Map<String, Long> stats = frontier.crawlStats();
        last = String.format(Locale.ROOT, "  | crawl: %d pages  %d items  %d queued",
            stats.getOrDefault("downloader/response_count", 0L), stats.getOrDefault("item_scraped_count", 0L),
            frontier.queued());
      } catch (FrontierException e) {
        last = "  | crawl: Redis unreachable";
      }
    }
    return last;
  }
}
