package dev.kumo.redis;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one worker's counters grew by since its last commit to Redis. A worker's counters start at zero and only
 * grow; the crawl-wide figure of a counter is the sum of every worker's deltas ({@code HINCRBY}). Not
 * thread-safe: the frontier calls it under its commit lock.
 */
final class CounterDeltas {
  private final Map<String, Long> committed = new HashMap<>();

  /** The non-zero differences between {@code counters} and the figures last {@linkplain #committed committed}. */
  Map<String, Long> since(Map<String, Long> counters) {
    Map<String, Long> deltas = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : counters.entrySet()) {
      long delta = e.getValue() - committed.getOrDefault(e.getKey(), 0L);
      if (delta != 0) {
        deltas.put(e.getKey(), delta);
      }
    }
    return deltas;
  }

  /** {@code counters} are now in Redis. */
  void committed(Map<String, Long> counters) {
    committed.putAll(counters);
  }
}
