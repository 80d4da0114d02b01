package dev.kumo.redis;

import dev.kumo.frontier.FrontierOrder;
import dev.kumo.internal.Canonicalization;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a worker joins a crawl on Redis.
 *
 * @param order the queue order; a crawl keeps the order of its first worker and refuses another
 * @param leaseTimeout how long a lease outlives a worker that stopped renewing it (at least 1 s)
 * @param spider the spider's name, recorded by the first worker; a worker of another spider is refused (null:
 *     not checked)
 * @param keepAlive whether the worker waits for more requests ({@code kumo push}) when the crawl has none
 * @param reconnectFor how long a worker keeps retrying when Redis is unreachable before it gives up
 * @param fingerprinter the {@code request_fingerprinter_class}, recorded by the first worker; a worker with another
 *     is refused (null: not checked)
 * @param canonicalization the {@code canonicalize_*} and {@code session_id_params} settings, recorded by the first
 *     worker; a worker with others is refused (null: not checked)
 */
public record CrawlOptions(FrontierOrder order, Duration leaseTimeout, @Nullable String spider, boolean keepAlive,
    Duration reconnectFor, @Nullable String fingerprinter, @Nullable Canonicalization canonicalization) {
  /** Default: how long a worker retries a lost Redis. */
  public static final Duration RECONNECT_FOR = Duration.ofSeconds(30);

  /** Checks the durations. */
  public CrawlOptions {
    if (leaseTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("a lease timeout of at least 1 s: " + leaseTimeout);
    }
    if (reconnectFor.isNegative()) {
      throw new IllegalArgumentException("a negative reconnection time: " + reconnectFor);
    }
  }

  /** Options with {@code order} and {@code leaseTimeout}, no spider check, no keep-alive, default reconnection. */
  public static CrawlOptions of(FrontierOrder order, Duration leaseTimeout) {
    return new CrawlOptions(order, leaseTimeout, null, false, RECONNECT_FOR, null, null);
  }

  /** These options for spider {@code name}. */
  public CrawlOptions spider(String name) {
    return new CrawlOptions(order, leaseTimeout, name, keepAlive, reconnectFor, fingerprinter, canonicalization);
  }

  /** These options with keep-alive on or off. */
  public CrawlOptions keepAlive(boolean on) {
    return new CrawlOptions(order, leaseTimeout, spider, on, reconnectFor, fingerprinter, canonicalization);
  }

  /** These options retrying a lost Redis for {@code d}. */
  public CrawlOptions reconnectFor(Duration d) {
    return new CrawlOptions(order, leaseTimeout, spider, keepAlive, d, fingerprinter, canonicalization);
  }

  /** These options for a crawl that fingerprints requests with {@code className}. */
  public CrawlOptions fingerprinter(String className) {
    return new CrawlOptions(order, leaseTimeout, spider, keepAlive, reconnectFor, className, canonicalization);
  }

  /** These options for a crawl that canonicalises URLs with {@code c} ({@link Canonicalization#of}). */
  public CrawlOptions canonicalization(Canonicalization c) {
    return new CrawlOptions(order, leaseTimeout, spider, keepAlive, reconnectFor, fingerprinter, c);
  }
}
