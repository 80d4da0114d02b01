package dev.kumo.redis;

import dev.kumo.frontier.FrontierException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a command waits for a Redis server that went away (a restart, a network cut) before the worker gives
 * up: retries back off from {@value #FIRST_MS} ms to {@value #MAX_MS} ms, for at most {@code bound} in all, then
 * the command fails with a {@link FrontierException} that says so. Between retries {@link RedisLink} opens a new
 * connection; a retry on it runs the command again (the scripts are safe to repeat: see {@link RedisFrontier}).
 */
final class Reconnect {
  static final long FIRST_MS = 100;
  static final long MAX_MS = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(Reconnect.class);

  private final Duration bound;
  private final String where;

  Reconnect(Duration bound, String where) {
    this.bound = bound;
    this.where = where;
  }

  /** Whether {@code e} means the server could not be reached (rather than refusing the command). */
  static boolean lostConnection(RedisException e) {
    if (e instanceof RedisConnectionException || e instanceof RedisCommandTimeoutException) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) { // a closed channel, a reset socket
        return true;
      }
      String m = String.valueOf(t.getMessage());
      if (m.contains("Connection closed") || m.contains("Connection is closed")
          || m.contains("Connection disconnected")
          || m.contains("Currently not connected") || m.contains("Connection reset")
          || m.contains("Connection refused") || m.contains("ClosedChannelException")) {
        return true;
      }
    }
    return false;
  }

  /** Whether an error reply is the server's passing state (still loading its data after a restart). */
  static boolean transientReply(String message) {
    return message.startsWith("LOADING") || message.startsWith("MASTERDOWN") || message.startsWith("TRYAGAIN");
  }

  /** The retries of one command. */
  Attempts attempts() {
    return new Attempts();
  }

  /** The retries of one command: each failure waits, until the bound is spent. Not thread-safe. */
  final class Attempts {
    private final long start = System.nanoTime();
    private long backoffMs = FIRST_MS;
    private int failures;

    /**
     * Waits before the next attempt.
     *
     * @throws FrontierException when the bound is spent (or the thread interrupted)
     */
    void failed(RedisException e) {
      long spent = System.nanoTime() - start;
      if (spent >= bound.toNanos()) {
        throw new FrontierException("lost Redis at " + where + " and could not reach it again in "
            + bound.toSeconds() + " s (" + (failures + 1) + " attempts): " + RedisLink.explain(e, where), e);
      }
      if (failures++ == 0) {
        LOG.warn("lost Redis at {} ({}): retrying for up to {} s", where, e.getMessage(), bound.toSeconds());
      }
      long wait = Math.min(backoffMs, Math.max(1, (bound.toNanos() - spent) / 1_000_000));
      backoffMs = Math.min(MAX_MS, backoffMs * 2);
      try {
        Thread.sleep(wait);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new FrontierException("interrupted while waiting for Redis at " + where, e);
      }
    }
  }
}
