package dev.kumo.observe;

import dev.kumo.DownloadObserver;
import dev.kumo.Request;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Mean and worst download latency per slot, for the summary at the end of a crawl. Thread-safe and cheap: a
 * response adds to two adders and a maximum.
 */
public final class SlotLatencies implements DownloadObserver {
  private final ConcurrentHashMap<String, Figures> slots = new ConcurrentHashMap<>();

  /**
   * One slot's latency.
   *
   * @param slot the slot key
   * @param responses responses timed
   * @param meanMillis their mean latency
   * @param maxMillis the longest
   */
  public record SlotLatency(String slot, long responses, double meanMillis, double maxMillis) {}

  private static final class Figures {
    final LongAdder count = new LongAdder();
    final LongAdder nanos = new LongAdder();
    final LongAccumulator max = new LongAccumulator(Math::max, 0);
  }

  @Override
  public void responded(String slot, Request request, int status, long nanos) {
    Figures f = slots.get(slot);
    if (f == null) {
      f = slots.computeIfAbsent(slot, k -> new Figures());
    }
    f.count.increment();
    f.nanos.add(nanos);
    f.max.accumulate(nanos);
  }

  @Override
  public void failed(String slot, Request request, String reason) {}

  /** The {@code n} slots with the highest mean latency, slowest first. */
  public List<SlotLatency> slowest(int n) {
    return slots.entrySet().stream().map(e -> {
      long count = e.getValue().count.sum();
      return new SlotLatency(e.getKey(), count, count == 0 ? 0 : e.getValue().nanos.sum() / 1e6 / count,
          e.getValue().max.get() / 1e6);
    }).sorted(Comparator.comparingDouble(SlotLatency::meanMillis).reversed()).limit(n).toList();
  }
}
