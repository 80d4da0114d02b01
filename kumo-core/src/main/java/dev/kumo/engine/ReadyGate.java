package dev.kumo.engine;

import dev.kumo.frontier.SlotGate;
import dev.kumo.frontier.SlotRules;

/**
 * The test the frontier applies to each slot during one {@code take}: can the slot start now? It also
 * remembers the shortest wait among slots held back only by their delay, so the dispatcher knows how long it
 * may sleep. A frontier shared by many processes also reads each slot's rules here, and tells how long other
 * processes hold a slot back.
 */
final class ReadyGate implements SlotGate {
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

  @Override
  public SlotRules rules(String slot) {
    return slots.rules(slot);
  }

  @Override
  public void heldFor(String slot, long nanos) {
    minWaitNanos = Math.min(minWaitNanos, Math.max(0, nanos));
  }

  long minWaitNanos() {
    return minWaitNanos;
  }
}
