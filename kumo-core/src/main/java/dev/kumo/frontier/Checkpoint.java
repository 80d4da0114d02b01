package dev.kumo.frontier;

import java.util.Map;
import java.util.Set;

/**
 * What a durable frontier commits together with the leases it acknowledges, so that a resumed crawl starts
 * from one consistent state: how far each feed file is written, the crawl's counters, the spider's own
 * state, and the durable ids of the items written with these leases. A frontier in memory ignores it.
 *
 * @param feedPositions bytes of each feed file (by absolute path) that hold only items of acknowledged leases
 * @param counters the crawl's counters ({@link dev.kumo.stats.Stats})
 * @param gauges the crawl's gauges
 * @param spiderState the spider's key-value state ({@link dev.kumo.SpiderState}), plain values only
 * @param itemIds the {@linkplain dev.kumo.Item#id() ids} of the items written to the feeds with these leases,
 *     for a frontier that {@linkplain Frontier#keepsItemIds() keeps them}
 */
public record Checkpoint(Map<String, Long> feedPositions, Map<String, Long> counters, Map<String, Long> gauges,
    Map<String, Object> spiderState, Set<String> itemIds) {
  /** Nothing to commit besides the leases. */
  public static final Checkpoint EMPTY = new Checkpoint(Map.of(), Map.of(), Map.of(), Map.of());

  /** Copies every map and set. */
  public Checkpoint {
    feedPositions = Map.copyOf(feedPositions);
    counters = Map.copyOf(counters);
    gauges = Map.copyOf(gauges);
    spiderState = Map.copyOf(spiderState);
    itemIds = Set.copyOf(itemIds);
  }

  /** A checkpoint naming no item id. */
  public Checkpoint(Map<String, Long> feedPositions, Map<String, Long> counters, Map<String, Long> gauges,
      Map<String, Object> spiderState) {
    this(feedPositions, counters, gauges, spiderState, Set.of());
  }
}
