package dev.kumo.bench.store;

import java.nio.file.Path;

/** The four candidates, each opened in a directory of its own. */
public enum StoreKind {
  /** RocksDB through rocksdbjni: an LSM tree with a write-ahead log. */
  ROCKSDB,
  /** SQLite through sqlite-jdbc, in WAL mode: a B-tree with a write-ahead log. */
  SQLITE,
  /** H2's MVStore: an append-only copy-on-write B-tree in one file. */
  MVSTORE,
  /** LMDB through lmdbjava: a memory-mapped copy-on-write B-tree. */
  LMDB;

  /** Opens (creating if needed) this kind of store in {@code dir}. */
  public JobStore open(Path dir, StoreOptions options) {
    return switch (this) {
      case ROCKSDB -> new RocksJobStore(dir, options);
      case SQLITE -> new SqliteJobStore(dir, options);
      case MVSTORE -> new MvJobStore(dir, options);
      case LMDB -> new LmdbJobStore(dir, options);
    };
  }

  /** The kind named {@code name}, ignoring case. */
  public static StoreKind of(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }
}
