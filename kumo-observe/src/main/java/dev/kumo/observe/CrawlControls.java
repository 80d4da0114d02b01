package dev.kumo.observe;

import dev.kumo.Crawler;

/**
 * What a dashboard's Pause, Resume and Stop buttons do: act on one crawl in this process ({@link #of}), or on
 * every worker of a crawl on Redis (the {@code kumo-redis} module's {@code CrawlControl}).
 *
 * @param pause stops new requests from starting (those in flight finish; nothing queued is dropped)
 * @param resume lets requests start again
 * @param stop drains what is in flight and ends the crawl
 */
public record CrawlControls(Runnable pause, Runnable resume, Runnable stop) {
  /** The controls of {@code crawler} itself. */
  public static CrawlControls of(Crawler crawler) {
    return new CrawlControls(crawler::pause, crawler::resume, crawler::stop);
  }
}
