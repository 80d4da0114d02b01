package dev.kumo.job;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The key-value store under a job directory: three ordered key spaces ({@link StoreBatch.Space}), atomic
 * batches and counters. Implemented on RocksDB ({@link RocksJobStore}); a small interface so that tests can
 * wrap it (a full disk). Every method may throw {@link dev.kumo.frontier.FrontierException}. Thread-safe.
 */
interface JobStore extends AutoCloseable {
  /** A stored key and its value. */
  record Entry(byte[] key, byte[] value) {}

  /** The value of {@code key}, or null. */
  byte @Nullable [] get(StoreBatch.Space space, byte[] key);

  /**
   * Applies {@code batch} atomically. It survives a crash once {@link #flush} has been called after it; a crash
   * keeps a prefix of the writes, in order.
   */
  void write(StoreBatch batch);

  /** Makes every write so far survive a killed process, and with {@code force} a power cut (fsync). */
  void flush(boolean force);

  /**
   * Up to {@code max} entries of {@code space} whose keys start with {@code prefix} and sort after
   * {@code after} (from the first such key when {@code after} is null), in key order.
   */
  List<Entry> scan(StoreBatch.Space space, byte[] prefix, byte @Nullable [] after, int max);

  /** The first key of {@code space} at or after {@code from}, or null. */
  byte @Nullable [] ceilingKey(StoreBatch.Space space, byte[] from);

  /** The value of the counter {@code key} of {@link StoreBatch.Space#META}; 0 when never added to. */
  long counter(byte[] key);

  /** Reads every stored block and checks its checksum. */
  void verify();

  @Override
  void close();
}
