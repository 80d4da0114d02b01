package dev.kumo.bench.store;

/**
 * How a store is opened.
 *
 * @param durable whether {@link JobStore#commit()} waits for the disk (fsync); if not, a commit survives the
 *     death of the process (it is in the OS page cache) but not of the machine
 * @param cacheBytes the bound on the store's own cache (LMDB has none: it reads through the OS page cache)
 */
public record StoreOptions(boolean durable, long cacheBytes) {
  /** The cache bound used throughout the comparison. */
  public static final long DEFAULT_CACHE_BYTES = 64L << 20;

  /** Options with the default cache bound. */
  public static StoreOptions of(boolean durable) {
    return new StoreOptions(durable, DEFAULT_CACHE_BYTES);
  }
}
