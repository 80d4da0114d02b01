package dev.kumo.redis;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StaticCredentialsProvider;
import java.time.Duration;

/**
 * A Redis URI whose password Lettuce's connection handshake can send at once, on the connection's own I/O thread.
 *
 * <p>Why: {@link RedisURI#setAuthentication} (and a password in the URL) installs a credentials provider that is
 * not "immediate", and for such a provider Lettuce sends the handshake ({@code HELLO 3 AUTH ...}) from a task on
 * {@link java.util.concurrent.ForkJoinPool#commonPool()}. When every thread of that pool is blocked (one thread on
 * a 2-core machine; the thread that runs a crawl through {@code CompletableFuture.supplyAsync}, waiting for
 * the connection that another thread is opening), the handshake is never sent and the new connection times out
 * after the URI's timeout (10 s). After a Redis restart, a worker's reconnection then failed two or three times in
 * a row and spent its whole 30 s bound (issue 9). With the password resolved once here, no handshake waits for
 * that pool.
 */
final class ImmediateCredentials {
  private static final Duration RESOLVE = Duration.ofSeconds(5);

  private ImmediateCredentials() {}

  /** {@code uri} itself when its credentials are immediate already, else a copy whose credentials are. */
  static RedisURI of(RedisURI uri) {
    RedisCredentialsProvider provider = uri.getCredentialsProvider();
    if (provider instanceof RedisCredentialsProvider.ImmediateRedisCredentialsProvider) {
      return uri;
    }
    RedisCredentials credentials = provider.resolveCredentials().block(RESOLVE);
    RedisURI copy = RedisURI.builder(uri).build();
    copy.setCredentialsProvider(credentials == null ? new StaticCredentialsProvider(null, null)
        : new StaticCredentialsProvider(credentials));
    return copy;
  }
}
