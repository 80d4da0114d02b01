package dev.kumo.redis;

import java.util.List;
import java.util.Map;

/**
 * A crawl's figures in Redis at one moment, summed over every worker.
 *
 * @param crawl the crawl's name
 * @param spider the spider that started it ("" when not recorded)
 * @param version the Kumo version of its workers
 * @param queued requests queued
 * @param leased requests leased by workers (in progress)
 * @param seen fingerprints in the seen-set
 * @param items items in the crawl's stream
 * @param workers workers that acknowledged work so far
 * @param stats the crawl's counters (acknowledged work of every worker)
 * @param busiest the busiest slots
 */
public record CrawlStatus(String crawl, String spider, String version, long queued, long leased, long seen,
    long items, long workers, Map<String, Long> stats, List<Slot> busiest) {
  /** Copies the collections. */
  public CrawlStatus {
    stats = Map.copyOf(stats);
    busiest = List.copyOf(busiest);
  }

  /** One slot. @param key the slot @param inProgress its requests leased now @param queued its requests queued */
  public record Slot(String key, long inProgress, long queued) {}
}
