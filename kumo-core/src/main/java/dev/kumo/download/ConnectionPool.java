package dev.kumo.download;

import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Idle keep-alive connections by {@link Route} (origin and proxy, so that two proxies never share one). The
 * most recently used connection is reused first; a connection idle for longer than
 * {@code download_pool_idle_timeout}, or than the server's {@code Keep-Alive: timeout}, is closed instead of
 * reused, and so is one that {@link HttpConnection#reusable} finds closed by the server. At most
 * {@code download_pool_max_connections} idle connections are kept in all, and
 * {@code download_pool_max_per_origin} per route: a connection released beyond either is closed. Thread-safe.
 */
final class ConnectionPool implements AutoCloseable {
  private final long keepAliveNanos;
  private final int maxIdle;
  private final int maxIdlePerOrigin;
  private final AtomicInteger idleCount = new AtomicInteger();

  /** How often idle connections of all origins are checked for expiry. */
  private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final Map<Route, Deque<HttpConnection>> idle = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());
  private volatile boolean closed;

  ConnectionPool(TransportConfig.PoolLimits limits) {
    this.keepAliveNanos = limits.idleTimeout().toNanos();
    this.maxIdle = limits.maxConnections();
    this.maxIdlePerOrigin = limits.maxPerOrigin();
  }

  /** An idle connection along {@code route}, or null when there is none. */
  @Nullable HttpConnection take(Route route) {
    Deque<HttpConnection> queue = idle.get(route);
    if (queue == null) {
      return null;
    }
    for (HttpConnection c = queue.pollLast(); c != null; c = queue.pollLast()) {
      idleCount.decrementAndGet();
      if (!c.expired() && c.reusable()) {
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
    connection.markIdle(Math.min(keepAliveNanos, connection.serverIdleNanos()));
    if (idleCount.incrementAndGet() > maxIdle) {
      idleCount.decrementAndGet();
      connection.close();
      return;
    }
    boolean[] kept = {false};
    idle.compute(connection.route(), (route, queue) -> { // atomic with sweep()'s removal of empty queues
      Deque<HttpConnection> q = queue != null ? queue : new ConcurrentLinkedDeque<>();
      if (q.size() < maxIdlePerOrigin) {
        q.offerLast(connection);
        kept[0] = true;
      }
      return q;
    });
    if (!kept[0]) {
      idleCount.decrementAndGet();
      connection.close();
    }
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
    for (Route route : idle.keySet()) {
      Deque<HttpConnection> queue = idle.get(route);
      if (queue == null) {
        continue;
      }
      for (HttpConnection c = queue.pollFirst(); c != null; c = queue.pollFirst()) {
        if (!c.expired()) {
          queue.offerFirst(c);
          break;
        }
        idleCount.decrementAndGet();
        c.close();
      }
      idle.computeIfPresent(route, (r, q) -> q.isEmpty() ? null : q);
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
        idleCount.decrementAndGet();
        c.close();
      }
    }
  }
}
