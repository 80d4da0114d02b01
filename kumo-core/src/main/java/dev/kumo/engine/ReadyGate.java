package dev.kumo.engine;

import java.util.function.Predicate;

/**
 * The test the frontier applies to each slot during one {@code take}: can the slot start now? It also
 * remembers the shortest wait among slots held back only by their delay, so the dispatcher knows how long it
 * may sleep.
 */
final class ReadyGate implements Predicate<String> {
  private final Slots slots;
  private final long now;
  private long minWaitNanos = Long.MAX_VALUE;

  ReadyGate(Slots slots, long now) {
    this.slots = slots;
    this.now = now;
  }

  @Override
  public boolean test(String slot) {
    long wait = slots.waitNanos(slot, now);
    if (wait == 0) {
      return true;
    }
    minWaitNanos = Math.min(minWaitNanos, wait);
    return false;
  }

  long minWaitNanos() {
    return minWaitNanos;
  }
}
