package dev.kumo.redis;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a live worker's leases from expiring: every third of the lease timeout it pushes back the deadlines of
 * the leases it holds. Only a worker that stopped (killed, frozen, cut off from Redis) lets its leases expire,
 * and the reaper then queues their requests again. One daemon thread per frontier.
 */
final class LeaseKeeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

  private final RedisLink link;
  private final RedisKeys keys;
  private final Duration timeout;
  private final Supplier<Collection<Long>> held;
  private final ScheduledExecutorService timer;

  LeaseKeeper(RedisLink link, RedisKeys keys, Duration timeout, Supplier<Collection<Long>> held) {
    this.link = link;
    this.keys = keys;
    this.timeout = timeout;
    this.held = held;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "kumo-redis-leases-" + keys.crawl());
      t.setDaemon(true);
      return t;
    });
    long period = Math.max(1, timeout.toMillis() / 3);
    timer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
  }

  /** Renews every held lease now. */
  void renew() {
    List<byte[]> args = new ArrayList<>();
    args.add(RedisKeys.bytes(Long.toString(timeout.toMillis())));
    for (long id : held.get()) {
      args.add(RedisKeys.bytes(Long.toString(id)));
    }
    if (args.size() == 1) {
      return;
    }
    try {
      link.<Long>eval(Script.RENEW, ScriptOutputType.INTEGER, new byte[][] {keys.deadlines()},
          args.toArray(byte[][]::new));
    } catch (RuntimeException e) {
      LOG.warn("cannot renew {} leases on {}: {}", args.size() - 1, link.where(), e.getMessage());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
