package dev.kumo.download;

import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Idle keep-alive connections by origin. The most recently used connection is reused first; a connection idle
 * for longer than the keep-alive time is closed instead of reused. The engine's concurrency limits bound how
 * many connections an origin can have, so the pool does not. Thread-safe.
 */
final class ConnectionPool implements AutoCloseable {
  /** How long an idle connection is kept (the JDK client's default too). */
  static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(30);

  /** How often idle connections of all origins are checked for expiry. */
  private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final Map<Origin, Deque<HttpConnection>> idle = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());
  private volatile boolean closed;

  /** An idle connection to {@code origin}, or null when there is none. */
  @Nullable HttpConnection take(Origin origin) {
    Deque<HttpConnection> queue = idle.get(origin);
    if (queue == null) {
      return null;
    }
    for (HttpConnection c = queue.pollLast(); c != null; c = queue.pollLast()) {
      if (!c.idleLongerThan(KEEP_ALIVE_NANOS) && c.reusable()) {
        return c;
      }
      c.close();
    }
    return null;
  }

  /** Keeps {@code connection} for reuse; closes it when the pool is closed. */
  void release(HttpConnection connection) {
    if (closed) {
      connection.close();
      return;
    }
    connection.markIdle();
    idle.compute(connection.origin(), (origin, queue) -> { // atomic with sweep()'s removal of empty queues
      Deque<HttpConnection> q = queue != null ? queue : new ConcurrentLinkedDeque<>();
      q.offerLast(connection);
      return q;
    });
    if (closed) { // closed meanwhile: this connection may have been added after the drain
      drain();
    }
    long last = lastSweep.get();
    if (System.nanoTime() - last > SWEEP_NANOS && lastSweep.compareAndSet(last, System.nanoTime())) {
      sweep();
    }
  }

  /**
   * Closes the connections idle for too long, and forgets origins left without any, so that origins the crawl
   * is done with keep neither sockets nor an entry.
   */
  private void sweep() {
    for (Origin origin : idle.keySet()) {
      Deque<HttpConnection> queue = idle.get(origin);
      if (queue == null) {
        continue;
      }
      for (HttpConnection c = queue.pollFirst(); c != null; c = queue.pollFirst()) {
        if (!c.idleLongerThan(KEEP_ALIVE_NANOS)) {
          queue.offerFirst(c);
          break;
        }
        c.close();
      }
      idle.computeIfPresent(origin, (o, q) -> q.isEmpty() ? null : q);
    }
  }

  @Override
  public void close() {
    closed = true;
    drain();
  }

  private void drain() {
    for (Deque<HttpConnection> queue : idle.values()) {
      for (HttpConnection c = queue.pollFirst(); c != null; c = queue.pollFirst()) {
        c.close();
      }
    }
  }
}
