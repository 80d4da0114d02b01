package dev.kumo.engine;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The setting {@code max_requests_per_domain}: how many requests each host may still have scheduled. A request
 * takes one before it is offered, and gives it back when the frontier finds it a duplicate. Thread-safe.
 */
final class DomainBudget {
  private final int limit;
  private final ConcurrentHashMap<String, AtomicInteger> scheduled = new ConcurrentHashMap<>();

  /** A budget of {@code limit} requests per host; 0 for none. */
  DomainBudget(int limit) {
    this.limit = limit;
  }

  /** Takes one of {@code host}'s requests; false when its budget is spent (or true with no limit). */
  boolean take(String host) {
    if (limit <= 0) {
      return true;
    }
    AtomicInteger n = scheduled.computeIfAbsent(host, h -> new AtomicInteger());
    while (true) {
      int now = n.get();
      if (now >= limit) {
        return false;
      }
      if (n.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Gives back a request taken by {@link #take} that was not scheduled after all. */
  void giveBack(String host) {
    if (limit > 0) {
      scheduled.get(host).decrementAndGet();
    }
  }
}
