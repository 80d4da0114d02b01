package dev.kumo.testsite;

import java.util.Arrays;
import java.util.List;

/**
 * A bounded list of the times of one kind of event (request starts, or ends), in increasing order: the first
 * {@code capacity - 1} times and the latest one, so that the span from the first to the last stays exact however
 * many events there were. Thread-safe.
 */
final class EventTimes {
  private final long origin;
  private final int capacity;
  private long[] values = new long[64];
  private int size;

  EventTimes(long origin, int capacity) {
    this.origin = origin;
    this.capacity = capacity;
  }

  /** Records now (nanoseconds since {@code origin}); taken under the lock so the list stays sorted. */
  synchronized void recordNow() {
    if (size == capacity) {
      values[size - 1] = System.nanoTime() - origin; // full: the last slot follows the latest event
      return;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.min(capacity, size * 2));
    }
    values[size++] = System.nanoTime() - origin;
  }

  synchronized List<Long> snapshot() {
    return Arrays.stream(values, 0, size).boxed().toList();
  }
}
