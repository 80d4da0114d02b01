package dev.kumo.testsite;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** The delay before every response: {@code base} plus a uniform random part in [0, {@code jitter}]. */
final class Latency {
  private final long baseNanos;
  private final long jitterNanos;

  Latency(Duration base, Duration jitter) {
    this.baseNanos = base.toNanos();
    this.jitterNanos = jitter.toNanos();
  }

  /** Sleeps for one delay (on a virtual thread, so no platform thread is held). */
  void await() throws InterruptedException {
    long nanos = baseNanos + (jitterNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(jitterNanos + 1));
    if (nanos > 0) {
      Thread.sleep(Duration.ofNanos(nanos));
    }
  }
}
