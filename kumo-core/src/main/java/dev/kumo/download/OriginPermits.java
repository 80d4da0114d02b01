package dev.kumo.download;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * At most {@code max} exchanges at once per origin, so that a client that opens a connection per exchange in
 * flight keeps at most {@code max} connections to one origin ({@code download_pool_max_per_origin}). Origins
 * with no exchange in flight hold no memory. Thread-safe.
 */
final class OriginPermits {
  private final int max;
  private final ConcurrentMap<String, Counted> byOrigin = new ConcurrentHashMap<>();

  OriginPermits(int max) {
    this.max = max;
  }

  /** Waits for a permit for {@code origin}. */
  void acquire(String origin) throws InterruptedException {
    Counted c = byOrigin.compute(origin, (k, v) -> {
      Counted counted = v == null ? new Counted(max) : v;
      counted.users++;
      return counted;
    });
    try {
      c.permits.acquire();
    } catch (InterruptedException e) {
      leave(origin);
      throw e;
    }
  }

  /** Returns the permit that {@link #acquire} took. */
  void release(String origin) {
    Counted c = byOrigin.get(origin);
    if (c != null) {
      c.permits.release();
      leave(origin);
    }
  }

  private void leave(String origin) {
    byOrigin.computeIfPresent(origin, (k, v) -> --v.users == 0 ? null : v);
  }

  /** A semaphore and how many exchanges hold or wait for it (changed only inside the map's compute). */
  private static final class Counted {
    final Semaphore permits;
    int users;

    Counted(int max) {
      this.permits = new Semaphore(max);
    }
  }
}
