package dev.kumo.redis;

import dev.kumo.frontier.RobotsFile;
import dev.kumo.frontier.SharedPoliteness;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The politeness state of one crawl in Redis, for all its workers: slot pauses and next-start times (server
 * time, raised atomically, never lowered), AutoThrottle delays, and robots.txt outcomes, which one worker fetches
 * per origin while the others wait for it. The take script reads the same hashes ({@link RedisFrontier}).
 * Thread-safe.
 */
final class RedisPoliteness implements SharedPoliteness {
  /** How long a worker's claim to fetch an origin's robots.txt holds (others fetch it themselves after that). */
  static final Duration ROBOTS_CLAIM = Duration.ofSeconds(30);
  private static final long POLL_MS = 50;

  private final RedisLink link;
  private final RedisKeys keys;

  RedisPoliteness(RedisLink link, RedisKeys keys) {
    this.link = link;
    this.keys = keys;
  }

  @Override
  public void pause(String slot, long nanos) {
    raise(keys.paused(), slot, nanos);
  }

  @Override
  public void sending(String slot, long delayNanos) {
    raise(keys.next(), slot, delayNanos);
  }

  private void raise(byte[] hash, String slot, long nanos) {
    long ms = Math.max(0, (nanos + 999_999) / 1_000_000);
    link.<Long>eval(Script.RAISE, ScriptOutputType.INTEGER, new byte[][] {hash}, RedisKeys.bytes(slot),
        RedisKeys.bytes(Long.toString(ms)));
  }

  @Override
  public long throttleNanos(String slot) {
    byte[] ms = link.call(c -> c.hget(keys.throttle(), RedisKeys.bytes(slot)));
    return ms == null ? -1 : Long.parseLong(new String(ms, StandardCharsets.US_ASCII)) * 1_000_000;
  }

  @Override
  public void throttleNanos(String slot, long nanos) {
    link.call(c -> c.hset(keys.throttle(), RedisKeys.bytes(slot), RedisKeys.bytes(Long.toString(nanos / 1_000_000))));
  }

  /**
   * The stored outcome for {@code origin}; else claims the fetch ({@code SET NX} with {@link #ROBOTS_CLAIM}),
   * fetches and stores it; else waits for the worker that claimed it (or for its claim to lapse).
   */
  @Override
  public RobotsFile robots(String origin, RobotsFetch fetch) throws InterruptedException {
    byte[] field = RedisKeys.bytes(origin);
    byte[] claim = keys.robotsFetch(origin);
    while (true) {
      byte[] stored = link.call(c -> c.hget(keys.robots(), field));
      if (stored != null) {
        return RobotsFile.fromBytes(stored);
      }
      String won = link.call(c -> c.set(claim, RedisKeys.bytes("1"),
          SetArgs.Builder.nx().px(ROBOTS_CLAIM.toMillis())));
      if ("OK".equals(won)) {
        RobotsFile file;
        try {
          file = fetch.fetch();
        } catch (InterruptedException | RuntimeException e) { // let another worker fetch it now
          link.call(c -> c.del(claim));
          throw e;
        }
        link.call(c -> {
          c.hset(keys.robots(), field, file.toBytes());
          return c.del(claim);
        });
        return file;
      }
      Thread.sleep(POLL_MS);
    }
  }
}
