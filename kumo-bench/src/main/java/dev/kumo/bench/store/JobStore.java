package dev.kumo.bench.store;

/**
 * The few operations a durable frontier needs from an embedded store: a seen-set of fingerprints and an ordered
 * queue of requests, changed in write transactions.
 *
 * <p>Every change between {@link #begin()} and {@link #commit()} is one atomic transaction, and reads inside it
 * see its own changes. Keys compare as unsigned bytes. Not thread-safe: one thread drives a store.
 */
public interface JobStore extends AutoCloseable {
  /** Starts a write transaction. */
  void begin();

  /** Whether the seen-set holds this fingerprint. */
  boolean isSeen(byte[] fingerprint);

  /** Adds a fingerprint to the seen-set. */
  void addSeen(byte[] fingerprint);

  /** Stores a queued request under its key. */
  void putQueued(byte[] key, byte[] value);

  /** The smallest queued key in {@code [from, to)}, or {@code null} if there is none. */
  byte[] firstQueued(byte[] from, byte[] to);

  /** Removes a queued request. */
  void deleteQueued(byte[] key);

  /** Ends the transaction: durable on disk, or only in the OS page cache, as the store was opened. */
  void commit();

  /** Closes the store; an open transaction is lost. */
  @Override
  void close();
}
