package dev.kumo.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scrapy's AutoThrottle rule, per slot: aim at {@code target_concurrency} requests in flight to a server by
 * setting its delay to latency / target, moving halfway from the previous delay each time.
 *
 * <pre>
 * target = latency / target_concurrency
 * delay  = clamp(max(target, (previous + target) / 2), download_delay, autothrottle_max_delay)
 * </pre>
 * A response whose status is not 200 may raise the delay but never lowers it (error pages are often fast).
 */
final class AutoThrottle {
  private static final Logger log = LoggerFactory.getLogger(AutoThrottle.class);

  private final Slots slots;
  private final double targetConcurrency;
  private final long minDelayNanos;
  private final long maxDelayNanos;
  private final boolean debug;

  AutoThrottle(Slots slots, double targetConcurrency, long minDelayNanos, long maxDelayNanos, boolean debug) {
    if (targetConcurrency <= 0) {
      throw new IllegalArgumentException("autothrottle_target_concurrency must be above 0: " + targetConcurrency);
    }
    this.slots = slots;
    this.targetConcurrency = targetConcurrency;
    this.minDelayNanos = minDelayNanos;
    this.maxDelayNanos = Math.max(minDelayNanos, maxDelayNanos);
    this.debug = debug;
  }

  /** Adjusts {@code slot}'s delay after a response with {@code latencyNanos} and {@code status}. */
  void onResponse(String slot, long latencyNanos, int status) {
    long previous = slots.throttleNanos(slot);
    long target = (long) (latencyNanos / targetConcurrency);
    long next = Math.max(target, (previous + target) / 2);
    next = Math.min(Math.max(minDelayNanos, next), maxDelayNanos);
    if (status != 200 && next <= previous) {
      return;
    }
    slots.throttleNanos(slot, next);
    if (debug) {
      log.info("slot: {} | conc: {} | delay: {} ms ({}{}) | latency: {} ms | status: {}", slot, slots.active(slot),
          next / 1_000_000, next >= previous ? "+" : "", (next - previous) / 1_000_000, latencyNanos / 1_000_000,
          status);
    }
  }
}
