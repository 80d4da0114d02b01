package dev.kumo.redis;

import java.util.function.LongSupplier;

/**
 * How often a worker that found nothing queued in the whole crawl looks again. The engine asks for work every
 * 50 ms at most when it has none; on Redis each ask costs commands, so after a look that found the crawl's queue
 * empty, the next looks are spaced from {@value #FIRST_MS} ms, doubling, to {@value #MAX_MS} ms. Anything this
 * worker does that may add or free work (an offer, a hand-back, an ack) ends the wait: its next take looks at
 * once. A crawl with requests queued is never waited on here (its slots' own delays apply). Thread-safe.
 */
final class IdlePolls {
  static final long FIRST_MS = 50;
  static final long MAX_MS = 1_000;

  private final LongSupplier nanoTime;
  private long backoffNanos;
  private long nextLookNanos;
  private volatile boolean skippedLast;

  IdlePolls(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Whether a take should look in Redis now; false while waiting after an empty look. */
  synchronized boolean due() {
    boolean due = backoffNanos == 0 || nanoTime.getAsLong() - nextLookNanos >= 0;
    skippedLast = !due;
    return due;
  }

  /** Whether the last take did not look in Redis (so it does not know whether the crawl is done). */
  boolean skippedLast() {
    return skippedLast;
  }

  /** A look found nothing queued in the crawl: wait longer before the next. */
  synchronized void foundNothing() {
    backoffNanos = backoffNanos == 0 ? FIRST_MS * 1_000_000 : Math.min(MAX_MS * 1_000_000, backoffNanos * 2);
    nextLookNanos = nanoTime.getAsLong() + backoffNanos;
  }

  /** Work may be there (found, or added or freed by this worker): look at once from now on. */
  synchronized void reset() {
    backoffNanos = 0;
    skippedLast = false;
  }

  /** The current wait between looks, in ms (0: not waiting). */
  synchronized long backoffMs() {
    return backoffNanos / 1_000_000;
  }
}
