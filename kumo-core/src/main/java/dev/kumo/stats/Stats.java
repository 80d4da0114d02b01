package dev.kumo.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongBinaryOperator;

/**
 * Live crawl counters, keyed by name. Thread-safe and cheap on the hot path (one {@link LongAdder} a key).
 *
 * <pre>{@code
 * stats.increment("downloader/response_status_count/" + status);
 * stats.add("downloader/response_bytes", body.length);
 * long items = stats.get("item_scraped_count");
 * }</pre>
 */
public final class Stats {
  private final ConcurrentHashMap<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> gauges = new ConcurrentHashMap<>();

  /** Adds one to {@code key}. */
  public void increment(String key) {
    add(key, 1);
  }

  /** Adds {@code n} to {@code key}. */
  public void add(String key, long n) {
    if (n == 0) {
      return;
    }
    counters.computeIfAbsent(key, k -> new LongAdder()).add(n);
  }

  /** Sets the gauge {@code key} (a value that is replaced, not summed, e.g. a peak). */
  public void set(String key, long value) {
    gauges.put(key, value);
  }

  /** Sets the gauge {@code key} to the larger of its value and {@code value}. */
  public void max(String key, long value) {
    merge(key, value, Math::max);
  }

  private void merge(String key, long value, LongBinaryOperator op) {
    gauges.merge(key, value, (a, b) -> op.applyAsLong(a, b));
  }

  /** The current value of a counter or gauge; 0 when never set. */
  public long get(String key) {
    LongAdder adder = counters.get(key);
    if (adder != null) {
      return adder.sum();
    }
    Long gauge = gauges.get(key);
    return gauge == null ? 0 : gauge;
  }

  /** All counters and gauges, sorted by key. */
  public Map<String, Long> snapshot() {
    Map<String, Long> all = new TreeMap<>(gauges);
    counters.forEach((k, v) -> all.put(k, v.sum()));
    return all;
  }

  /** Every counter (not the gauges), sorted by key. */
  public Map<String, Long> counters() {
    Map<String, Long> all = new TreeMap<>();
    counters.forEach((k, v) -> all.put(k, v.sum()));
    return all;
  }

  /** Every gauge, sorted by key. */
  public Map<String, Long> gauges() {
    return new TreeMap<>(gauges);
  }

  /**
   * Adds saved counters and gauges (a resumed crawl's): counters add to what is counted already, gauges are set
   * unless set already.
   */
  public void restore(Map<String, Long> savedCounters, Map<String, Long> savedGauges) {
    savedCounters.forEach(this::add);
    savedGauges.forEach(gauges::putIfAbsent);
  }

  /** The sum of every counter whose key starts with {@code prefix}. */
  public long sumOf(String prefix) {
    long sum = 0;
    for (Map.Entry<String, LongAdder> e : counters.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        sum += e.getValue().sum();
      }
    }
    return sum;
  }
}
