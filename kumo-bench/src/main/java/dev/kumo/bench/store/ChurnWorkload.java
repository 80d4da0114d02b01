package dev.kumo.bench.store;

import java.util.SplittableRandom;

/**
 * The disk frontier's steady state on a {@link JobStore}: each cycle offers one new request (seen-set check,
 * fingerprint insert, queue insert of a {@value #VALUE_BYTES}-byte request, one of {@value #PRIORITIES}
 * priorities), takes the first request of the next slot in turn and acknowledges it (delete). Slots keep their
 * size, the seen-set grows. Not thread-safe.
 *
 * <p>A take either looks up the whole slot range ({@link Take#RANGE}) or, for each priority from the highest,
 * the range after the last sequence taken at that priority, which the workload remembers ({@link Take#HINT}):
 * in an LSM tree the deleted head of a queue stays as tombstones that a seek from the range's start must step
 * over until compaction drops them.
 */
public final class ChurnWorkload {
  /** Bytes of a stored request. */
  public static final int VALUE_BYTES = 200;
  /** Priorities of the offered requests. */
  public static final int PRIORITIES = 3;

  /** Where a take starts looking. */
  public enum Take {
    /** At the start of the slot's range. */
    RANGE,
    /** After the last request taken, per priority. */
    HINT
  }

  private final JobStore store;
  private final int slots;
  private final Take take;
  private final long[][] lastTaken;
  private final SplittableRandom random = new SplittableRandom(42);
  private final byte[] value = new byte[VALUE_BYTES];
  private long sequence;
  private long taken;

  /** A workload over {@code slots} download slots of {@code store}. */
  public ChurnWorkload(JobStore store, int slots, Take take) {
    this.store = store;
    this.slots = slots;
    this.take = take;
    this.lastTaken = new long[slots][PRIORITIES];
    for (long[] perPriority : lastTaken) {
      java.util.Arrays.fill(perPriority, -1);
    }
    random.nextBytes(value);
  }

  /** Offers {@code count} requests, committed in groups of {@code group}. */
  public void fill(int count, int group) {
    for (int i = 0; i < count; i += group) {
      store.begin();
      for (int j = i; j < Math.min(count, i + group); j++) {
        offer();
      }
      store.commit();
    }
  }

  /** One transaction of {@code cycles} offer-take-ack cycles, then its commit. */
  public void group(int cycles) {
    store.begin();
    for (int i = 0; i < cycles; i++) {
      offer();
      takeAndAck();
    }
    store.commit();
  }

  /** Requests taken so far. */
  public long taken() {
    return taken;
  }

  private void offer() {
    byte[] fingerprint = new byte[16];
    random.nextBytes(fingerprint);
    if (store.isSeen(fingerprint)) {
      return;
    }
    store.addSeen(fingerprint);
    long n = sequence++;
    value[0] = (byte) n;
    store.putQueued(QueueKeys.key((int) (n % slots), random.nextInt(PRIORITIES), n), value);
  }

  private void takeAndAck() {
    int slot = (int) (taken % slots);
    byte[] head = take == Take.RANGE ? store.firstQueued(QueueKeys.slotStart(slot), QueueKeys.slotEnd(slot))
        : hintedHead(slot);
    if (head != null) {
      store.deleteQueued(head);
      taken++;
    }
  }

  private byte[] hintedHead(int slot) {
    for (int priority = PRIORITIES - 1; priority >= 0; priority--) {
      byte[] from = QueueKeys.key(slot, priority, lastTaken[slot][priority] + 1);
      byte[] head = store.firstQueued(from, QueueKeys.priorityEnd(slot, priority));
      if (head != null) {
        lastTaken[slot][priority] = QueueKeys.sequence(head);
        return head;
      }
    }
    return null;
  }
}
