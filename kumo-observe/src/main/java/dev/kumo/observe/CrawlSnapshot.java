package dev.kumo.observe;

import dev.kumo.Crawler;
import dev.kumo.Progress;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The figures of a crawl at one moment, taken once and read by many meters or a dashboard message (so that a
 * scrape walks the slots once, not once a meter).
 *
 * @param elapsedMillis time since the crawl started
 * @param stats every counter and gauge
 * @param slots every download slot's figures, by slot key
 * @param queued requests waiting in the frontier (crawl-wide with a shared frontier)
 * @param inFlight requests on the wire
 * @param waitingToParse responses waiting for a parser
 * @param paused whether no new request starts
 */
public record CrawlSnapshot(long elapsedMillis, Map<String, Long> stats, Map<String, Progress.SlotView> slots,
    long queued, int inFlight, int waitingToParse, boolean paused) {
  /** An empty snapshot, before the first is taken. */
  public static final CrawlSnapshot EMPTY = new CrawlSnapshot(0, Map.of(), Map.of(), 0, 0, 0, false);

  /** Copies the collections. */
  public CrawlSnapshot {
    stats = Map.copyOf(stats);
    slots = Map.copyOf(slots);
  }

  /** The crawl's figures now. */
  public static CrawlSnapshot of(Crawler crawler) {
    Progress p = crawler.progress();
    return new CrawlSnapshot(p.elapsed().toMillis(), crawler.stats().snapshot(),
        crawler.slots().stream().collect(Collectors.toMap(Progress.SlotView::key, Function.identity())), p.queued(),
        p.inFlight(), crawler.waitingToParse(), crawler.paused());
  }

  /** The stat {@code key}, or 0. */
  public long stat(String key) {
    return stats.getOrDefault(key, 0L);
  }
}
