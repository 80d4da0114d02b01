package dev.kumo.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Download slots: per domain (or per IP) concurrency permits and start delays. A slot can start a request
 * when it has fewer than its limit in flight and its delay since the last start has passed. With a delay,
 * starts are spaced by the (jittered) delay, so a slot never bursts. Thread-safe (one lock: every operation
 * is a few field updates).
 */
final class Slots {
  private final int limit;
  private final long delayNanos;
  private final double jitter;
  private final Map<String, Slot> slots = new HashMap<>();

  /** A slot's state. */
  static final class Slot {
    final String key;
    int active;
    long nextStartNanos = Long.MIN_VALUE;
    long started;
    int maxActive;

    Slot(String key) {
      this.key = key;
    }
  }

  Slots(int limit, double delaySeconds, double jitter) {
    if (limit < 1) {
      throw new IllegalArgumentException("slot concurrency must be at least 1: " + limit);
    }
    this.limit = limit;
    this.delayNanos = (long) (delaySeconds * 1e9);
    this.jitter = Math.max(0, Math.min(1, jitter));
  }

  /** Whether {@code key} can start a request at {@code now}. */
  synchronized boolean canStart(String key, long now) {
    Slot s = slots.get(key);
    return s == null || (s.active < limit && now >= s.nextStartNanos);
  }

  /**
   * Nanoseconds until {@code key} may start, if only its delay holds it back; 0 when it can start now and
   * {@link Long#MAX_VALUE} when it waits for a finishing request instead.
   */
  synchronized long waitNanos(String key, long now) {
    Slot s = slots.get(key);
    if (s == null || (s.active < limit && now >= s.nextStartNanos)) {
      return 0;
    }
    return s.active >= limit ? Long.MAX_VALUE : s.nextStartNanos - now;
  }

  /** Records a start in {@code key} at {@code now}. */
  synchronized void start(String key, long now) {
    Slot s = slots.computeIfAbsent(key, Slot::new);
    s.active++;
    s.started++;
    s.maxActive = Math.max(s.maxActive, s.active);
    s.nextStartNanos = now + nextDelay();
  }

  /** Records the end of a download in {@code key}. */
  synchronized void finish(String key) {
    Slot s = slots.get(key);
    if (s == null || s.active == 0) {
      throw new IllegalStateException("no download in flight in slot " + key);
    }
    s.active--;
  }

  private long nextDelay() {
    if (delayNanos == 0) {
      return 0;
    }
    if (jitter == 0) {
      return delayNanos;
    }
    return (long) (delayNanos * ThreadLocalRandom.current().nextDouble(1 - jitter, 1 + jitter));
  }

  /** The per-slot limit. */
  int limit() {
    return limit;
  }

  /** A copy of every slot's figures: key to {active, started, maxActive}. */
  synchronized Map<String, long[]> snapshot() {
    Map<String, long[]> copy = new HashMap<>();
    slots.forEach((k, s) -> copy.put(k, new long[] {s.active, s.started, s.maxActive}));
    return copy;
  }
}
