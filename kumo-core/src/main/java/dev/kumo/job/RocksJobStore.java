package dev.kumo.job;

import dev.kumo.frontier.FrontierException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.IndexType;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Status;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A {@link JobStore} on RocksDB: one column family per key space, a write-ahead log recovered to the last
 * consistent write after a crash, counters through RocksDB's {@code uint64add} merge operator, Bloom filters
 * (in the memtables too) for the seen-set's point look-ups, and a bounded block cache and memtables, so that
 * memory does not grow with the data.
 *
 * <p>The log is flushed by hand ({@code manual_wal_flush}): writes append to RocksDB's log buffer, and
 * {@link #flush} hands the buffer to the operating system (and forces it to the disk). Since the log is
 * replayed in order, a crash keeps a prefix of the writes: whatever was written before the last flush.
 */
final class RocksJobStore implements JobStore {
  private static final long CACHE_BYTES = 32L << 20;
  private static final long MEMTABLE_BYTES = 16L << 20;

  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final RocksDB db;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions cfOptions;
  private final LRUCache cache;
  private final BloomFilter bloom;
  private final List<ColumnFamilyHandle> handles = new ArrayList<>();
  private final WriteOptions writeOptions = new WriteOptions();

  /**
   * Opens (or creates) the store in {@code dir}.
   *
   * @throws FrontierException when RocksDB cannot open it (corruption, permissions, a full disk)
   */
  RocksJobStore(Path dir) {
    this.dir = dir;
    this.cache = new LRUCache(CACHE_BYTES);
    this.bloom = new BloomFilter(10);
    // Partitioned filters and indexes with their top level pinned: a small cache never evicts the one block every
    // look-up needs (whole-file filters of a ten-million-key seen-set thrash a 32 MB cache).
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(cache)
        .setFilterPolicy(bloom)
        .setIndexType(IndexType.kTwoLevelIndexSearch)
        .setPartitionFilters(true)
        .setMetadataBlockSize(4096)
        .setCacheIndexAndFilterBlocks(true)
        .setCacheIndexAndFilterBlocksWithHighPriority(true)
        .setPinTopLevelIndexAndFilter(true)
        .setPinL0FilterAndIndexBlocksInCache(true);
    this.cfOptions = new ColumnFamilyOptions()
        .setTableFormatConfig(table)
        .setWriteBufferSize(MEMTABLE_BYTES)
        .setMaxWriteBufferNumber(3)
        .setMemtablePrefixBloomSizeRatio(0.05)
        .setMemtableWholeKeyFiltering(true)
        .setMergeOperatorName("uint64add");
    this.dbOptions = new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setParanoidChecks(true)
        .setWalRecoveryMode(WALRecoveryMode.PointInTimeRecovery)
        .setManualWalFlush(true)
        .setMaxOpenFiles(256)
        .setKeepLogFileNum(2)
        .setMaxBackgroundJobs(2);
    List<ColumnFamilyDescriptor> families = new ArrayList<>();
    families.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
    for (StoreBatch.Space space : StoreBatch.Space.values()) {
      families.add(new ColumnFamilyDescriptor(space.name().toLowerCase(java.util.Locale.ROOT).getBytes(), cfOptions));
    }
    try {
      this.db = RocksDB.open(dbOptions, dir.toString(), families, handles);
    } catch (RocksDBException e) {
      closeOptions();
      throw failure("cannot open the job store", e);
    }
  }

  private ColumnFamilyHandle handle(StoreBatch.Space space) {
    return handles.get(space.ordinal() + 1);
  }

  @Override
  public byte @Nullable [] get(StoreBatch.Space space, byte[] key) {
    try {
      return db.get(handle(space), key);
    } catch (RocksDBException e) {
      throw failure("cannot read the job store", e);
    }
  }

  @Override
  public void write(StoreBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    try (WriteBatch wb = new WriteBatch()) {
      for (StoreBatch.Op op : batch.ops()) {
        ColumnFamilyHandle h = handle(op.space());
        if (op.delta() != 0) {
          wb.merge(h, op.key(), fixed64(op.delta()));
        } else if (op.value() == null) {
          wb.delete(h, op.key());
        } else {
          wb.put(h, op.key(), op.value());
        }
      }
      db.write(writeOptions, wb);
    } catch (RocksDBException e) {
      throw failure("cannot write the job store", e);
    }
  }

  @Override
  public void flush(boolean force) {
    try {
      db.flushWal(force);
    } catch (RocksDBException e) {
      throw failure("cannot write the job store's log", e);
    }
  }

  @Override
  public List<Entry> scan(StoreBatch.Space space, byte[] prefix, byte @Nullable [] after, int max) {
    List<Entry> out = new ArrayList<>();
    try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.newIterator(handle(space), ro)) {
      it.seek(after == null ? prefix : after);
      if (after != null && it.isValid() && Arrays.equals(it.key(), after)) {
        it.next();
      }
      while (it.isValid() && out.size() < max) {
        byte[] key = it.key();
        if (!startsWith(key, prefix)) {
          break;
        }
        out.add(new Entry(key, it.value()));
        it.next();
      }
      it.status();
    } catch (RocksDBException e) {
      throw failure("cannot read the job store", e);
    }
    return out;
  }

  @Override
  public byte @Nullable [] ceilingKey(StoreBatch.Space space, byte[] from) {
    try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.newIterator(handle(space), ro)) {
      it.seek(from);
      if (it.isValid()) {
        return it.key();
      }
      it.status();
      return null;
    } catch (RocksDBException e) {
      throw failure("cannot read the job store", e);
    }
  }

  @Override
  public long counter(byte[] key) {
    byte[] v = get(StoreBatch.Space.META, key);
    return v == null ? 0 : ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  @Override
  public void verify() {
    try {
      db.verifyChecksum();
    } catch (RocksDBException e) {
      throw failure("the job store failed its checksum check", e);
    }
  }

  /** Flushes the log (a clean stop keeps every write), then releases RocksDB. */
  @Override
  public void close() {
    try {
      db.flushWal(true);
    } catch (RocksDBException e) {
      // the writes since the last flush are lost, as after a crash; the job directory stays consistent
    }
    for (ColumnFamilyHandle h : handles) {
      h.close();
    }
    db.close();
    writeOptions.close();
    closeOptions();
  }

  private void closeOptions() {
    dbOptions.close();
    cfOptions.close();
    cache.close();
    bloom.close();
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** RocksDB's {@code uint64add} operands: 8 bytes, little-endian; a negative delta wraps around as wanted. */
  private static byte[] fixed64(long v) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
  }

  private FrontierException failure(String what, RocksDBException e) {
    Status s = e.getStatus();
    String code = s == null ? "" : " [" + s.getCode() + (s.getSubCode() == null ? "" : "/" + s.getSubCode()) + "]";
    return new FrontierException(what + " in " + dir + code + ": " + e.getMessage(), e);
  }
}
