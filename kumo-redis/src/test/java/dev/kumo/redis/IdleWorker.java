package dev.kumo.redis;

import dev.kumo.frontier.Lease;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Takes for a worker that found the crawl's queue empty before, and so looks again only after its idle wait. */
final class IdleWorker {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private IdleWorker() {}

  /** The next lease {@code f} takes within {@link #PATIENCE} (null: none), looking every 20 ms. */
  static @Nullable Lease takeSoon(RedisFrontier f) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      Lease lease = f.take(s -> true);
      if (lease != null || System.nanoTime() - deadline > 0) {
        return lease;
      }
      Thread.sleep(20);
    }
  }
}
