package dev.kumo.observe;

import dev.kumo.Crawler;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a dashboard shows at one moment: the figures of one crawl process ({@link #of}), or of every worker of a
 * crawl on Redis together.
 *
 * @param figures the crawl's figures
 * @param errors its recent errors, newest first
 * @param finished why it is over (or, for a crawl of workers, e.g. {@code stopped}), or null while it runs
 * @param workers the worker processes of a crawl on Redis, or null for a crawl in one process
 */
public record DashboardView(CrawlSnapshot figures, List<RecentErrors.Entry> errors, @Nullable String finished,
    @Nullable Workers workers) {
  /** Copies the list. */
  public DashboardView {
    errors = List.copyOf(errors);
  }

  /**
   * The workers of a crawl on Redis.
   *
   * @param alive workers that reported in the last seconds
   * @param paused those of them that are paused
   */
  public record Workers(int alive, int paused) {}

  /** The view of one crawl process: its figures now and {@code errors}' entries. */
  public static DashboardView of(Crawler crawler, RecentErrors errors) {
    return new DashboardView(CrawlSnapshot.of(crawler), errors.newestFirst(), null, null);
  }
}
