package dev.kumo.job;

import java.util.ArrayList;
import java.util.List;

/**
 * Changes to a {@link JobStore} applied atomically: all or none survive a crash. Not thread-safe; build one,
 * hand it to {@link JobStore#write}.
 */
final class StoreBatch {
  /** The key spaces of a job store. */
  enum Space {
    /** Queued and leased requests, keyed by slot and order. */
    QUEUE,
    /** Fingerprints of every request ever offered. */
    SEEN,
    /** Identity, counters and the last checkpoint. */
    META
  }

  /** One change; a null value deletes the key. */
  record Op(Space space, byte[] key, byte @org.jspecify.annotations.Nullable [] value, long delta) {}

  private final List<Op> ops = new ArrayList<>();

  StoreBatch put(Space space, byte[] key, byte[] value) {
    ops.add(new Op(space, key, value, 0));
    return this;
  }

  StoreBatch delete(Space space, byte[] key) {
    ops.add(new Op(space, key, null, 0));
    return this;
  }

  /** Adds {@code delta} to the counter {@code key} of {@link Space#META}. */
  StoreBatch add(byte[] key, long delta) {
    ops.add(new Op(Space.META, key, null, delta));
    return this;
  }

  List<Op> ops() {
    return ops;
  }

  boolean isEmpty() {
    return ops.isEmpty();
  }
}
