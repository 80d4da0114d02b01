package dev.kumo.cli;

import dev.kumo.frontier.FrontierException;
import dev.kumo.redis.RedisAddress;
import dev.kumo.redis.RedisCrawl;
import io.lettuce.core.RedisURI;
import picocli.CommandLine.Option;

/** The crawl on Redis that {@code push}, {@code status} and {@code export} work on (a picocli mixin). */
public final class RedisTarget {
  @Option(names = "--redis", required = true, paramLabel = "URL",
      description = "The Redis server: redis://HOST:PORT/DB, or rediss://... for TLS; the password comes from "
          + "KUMO_REDIS_PASSWORD (or the URL).")
  private String redis;

  @Option(names = "--crawl", required = true, paramLabel = "NAME", description = "The crawl's name in Redis.")
  private String crawl;

  /**
   * Connects to the crawl.
   *
   * @throws CliException a usage error for a bad URL or name, a failure when Redis or the crawl is not there
   */
  RedisCrawl open() {
    RedisURI uri;
    try {
      uri = RedisAddress.parse(redis, System.getenv());
      return RedisCrawl.open(uri, crawl);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage(), e);
    } catch (FrontierException e) {
      throw CliException.failed(e.getMessage(), e);
    }
  }
}
