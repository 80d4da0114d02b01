package dev.kumo.redis;

import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.Lease;
import java.time.Duration;
import java.util.Map;

/**
 * A worker process for {@link RedisFaultsTest}: joins crawl {@code args[1]} on Redis {@code args[0]} (password in
 * {@code KUMO_REDIS_PASSWORD}), takes one lease, prints its URL, then waits to be killed.
 */
public final class LeaseHolder {
  private LeaseHolder() {}

  public static void main(String[] args) throws InterruptedException {
    RedisFrontier f = RedisFrontier.open(RedisAddress.parse(args[0], System.getenv()), args[1],
        FrontierOrder.FIFO, Duration.ofSeconds(Long.parseLong(args[2])));
    Lease lease = f.take(s -> true);
    System.out.println(lease == null ? "NONE" : lease.request().url());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
