package dev.kumo.redis;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Map;

/**
 * Where a worker's Redis is: {@code redis://HOST:PORT/DB} or {@code rediss://...} for TLS. The password comes
 * from the environment variable {@value #PASSWORD_VARIABLE} (preferred: a command line is visible to other
 * users) or from the URL ({@code redis://:PASSWORD@HOST:PORT/DB}); the variable wins when both are given.
 */
public final class RedisAddress {
  /** The environment variable holding the Redis password. */
  public static final String PASSWORD_VARIABLE = "KUMO_REDIS_PASSWORD";
  /** How long a command may wait for Redis before it fails. */
  public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

  private RedisAddress() {}

  /**
   * The URI of {@code url} with the password of {@code env} applied.
   *
   * @throws IllegalArgumentException when {@code url} is not a {@code redis://} or {@code rediss://} URL
   */
  public static RedisURI parse(String url, Map<String, String> env) {
    if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
      throw new IllegalArgumentException("not a Redis URL (redis://HOST:PORT/DB or rediss://...): " + url);
    }
    RedisURI uri;
    try {
      uri = RedisURI.create(url);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a Redis URL (redis://HOST:PORT/DB or rediss://...): " + url
          + " (" + e.getMessage() + ")", e);
    }
    String password = env.get(PASSWORD_VARIABLE);
    if (password != null && !password.isEmpty()) {
      uri.setAuthentication(password);
    }
    uri.setTimeout(COMMAND_TIMEOUT);
    return uri;
  }

  /** {@code host:port/db}, for messages: never the password. */
  public static String describe(RedisURI uri) {
    return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
  }
}
