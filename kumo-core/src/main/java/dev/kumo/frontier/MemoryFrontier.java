package dev.kumo.frontier;

import dev.kumo.Request;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Frontier} in memory: one priority queue per download slot, and an index of the slots ordered by
 * their best request, so {@link #take} finds the best ready request without scanning every request.
 * Thread-safe (one lock; every operation is O(log n) but for {@code take}, which skips the slots that are not
 * ready).
 */
public final class MemoryFrontier implements Frontier {
  private final FingerprintSet seen = new FingerprintSet();
  private final Map<String, SlotQueue> slots = new HashMap<>();
  private final TreeSet<SlotQueue> bySlotHead;
  private final Map<Long, Entry> leases = new HashMap<>();
  private final Comparator<Entry> entryOrder;
  private long sequence;
  private long leaseIds;
  private long queued;

  private record Entry(Request request, Fingerprint fingerprint, String slot, long seq) {}

  private final class SlotQueue {
    final String slot;
    final PriorityQueue<Entry> entries = new PriorityQueue<>(entryOrder);

    SlotQueue(String slot) {
      this.slot = slot;
    }
  }

  /** An empty frontier with {@code order} among requests of equal priority. */
  public MemoryFrontier(FrontierOrder order) {
    Comparator<Entry> byPriority = Comparator.comparingInt((Entry e) -> e.request().priority()).reversed();
    Comparator<Entry> bySeq = Comparator.comparingLong(Entry::seq);
    this.entryOrder = byPriority.thenComparing(order == FrontierOrder.FIFO ? bySeq : bySeq.reversed());
    Comparator<SlotQueue> byHead = (a, b) -> entryOrder.compare(a.entries.peek(), b.entries.peek());
    this.bySlotHead = new TreeSet<>(byHead.thenComparing(q -> q.slot));
  }

  @Override
  public synchronized Offer offer(Request request, Fingerprint fingerprint, String slot) {
    if (!seen.add(fingerprint.high(), fingerprint.low()) && !request.dontFilter()) {
      return Offer.DUPLICATE;
    }
    enqueue(new Entry(request, fingerprint, slot, sequence++));
    return Offer.QUEUED;
  }

  private void enqueue(Entry entry) {
    SlotQueue q = slots.computeIfAbsent(entry.slot(), SlotQueue::new);
    boolean wasEmpty = q.entries.isEmpty();
    if (!wasEmpty) {
      bySlotHead.remove(q); // its head may change
    }
    q.entries.add(entry);
    bySlotHead.add(q);
    queued++;
  }

  @Override
  public synchronized @Nullable Lease take(Predicate<String> slotReady) {
    for (Iterator<SlotQueue> it = bySlotHead.iterator(); it.hasNext(); ) {
      SlotQueue q = it.next();
      if (!slotReady.test(q.slot)) {
        continue;
      }
      it.remove();
      Entry e = q.entries.poll();
      if (q.entries.isEmpty()) {
        slots.remove(q.slot);
      } else {
        bySlotHead.add(q);
      }
      queued--;
      long id = ++leaseIds;
      leases.put(id, e);
      return new Lease(id, e.request(), e.fingerprint(), e.slot());
    }
    return null;
  }

  @Override
  public synchronized void ack(List<Lease> acked, Checkpoint checkpoint) {
    for (Lease lease : acked) {
      if (!leases.containsKey(lease.id())) {
        throw new IllegalStateException("lease " + lease.id() + " is not held");
      }
    }
    for (Lease lease : acked) {
      leases.remove(lease.id());
    }
  }

  @Override
  public synchronized void requeue(Lease lease) {
    Entry e = leases.remove(lease.id());
    if (e == null) {
      throw new IllegalStateException("lease " + lease.id() + " is not held");
    }
    enqueue(e);
  }

  @Override
  public synchronized long queued() {
    return queued;
  }

  @Override
  public synchronized long leased() {
    return leases.size();
  }

  @Override
  public synchronized long seen() {
    return seen.size();
  }

  @Override
  public void close() {
    // nothing to release
  }
}
