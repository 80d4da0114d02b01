package dev.kumo.engine;

import dev.kumo.Item;
import dev.kumo.Request;
import dev.kumo.frontier.Lease;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one owner of a lease while the engine works on it: created when the request is taken, it collects the
 * items of the request's callback and is ended exactly once, by {@link Engine#finish} (its items go to the
 * pipeline, and the lease is acknowledged once they are written) or {@link Engine#abandon} (back to the
 * frontier). Ending twice is a no-op, so no path can acknowledge a lease twice or lose it.
 */
final class LeaseTicket {
  private final Lease lease;
  private final List<Item> items = new ArrayList<>();
  private final AtomicBoolean ended = new AtomicBoolean();

  LeaseTicket(Lease lease) {
    this.lease = lease;
  }

  Lease lease() {
    return lease;
  }

  Request request() {
    return lease.request();
  }

  String slot() {
    return lease.slot();
  }

  /** Adds an item of the callback; called from the thread running the callback only. */
  void add(Item item) {
    items.add(item);
  }

  /** The callback's items so far. */
  List<Item> items() {
    return items;
  }

  /** Marks the ticket ended; true only the first time. */
  boolean end() {
    return ended.compareAndSet(false, true);
  }
}
