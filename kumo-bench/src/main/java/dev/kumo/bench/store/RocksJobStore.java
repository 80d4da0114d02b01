package dev.kumo.bench.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.rocksdb.Slice;
import org.rocksdb.WriteBatchWithIndex;
import org.rocksdb.WriteOptions;

/**
 * RocksDB: a column family per table (the seen-set's with a partitioned 10-bit Bloom filter), an LRU block cache
 * of {@link StoreOptions#cacheBytes()} shared by both that also holds the index and filter blocks, 16 MiB
 * memtables. A transaction is a
 * {@link WriteBatchWithIndex} (reads see it) written atomically at commit with {@code WriteOptions.sync} =
 * durable: {@code sync=true} fsyncs (fdatasync) the write-ahead log; {@code sync=false} leaves the log in the
 * page cache.
 */
final class RocksJobStore implements JobStore {
  private static final byte[] EMPTY = new byte[0];

  static {
    RocksDB.loadLibrary();
  }

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final List<ColumnFamilyHandle> handles = new ArrayList<>();
  private final RocksDB db;
  private final ColumnFamilyHandle seen;
  private final ColumnFamilyHandle queue;
  private final WriteOptions writeOptions;
  private final ReadOptions readOptions;
  private final WriteBatchWithIndex batch;

  RocksJobStore(Path dir, StoreOptions options) {
    try {
      Files.createDirectories(dir);
      // Half the cache is reserved for index and filter blocks. Filters are partitioned (4 KiB pieces under a
      // pinned top level): a whole-file filter of an SST of millions of keys is megabytes, and once data blocks
      // push it out of the cache every lookup reads it again (measured: 1,000,000 lookups in 10,000,000 keys
      // had not finished after 10 minutes, reading about 0.6 GB/s of filter blocks).
      LRUCache cache = keep(new LRUCache(options.cacheBytes(), -1, false, 0.5));
      BlockBasedTableConfig seenTable = metadataInCache(cache).setFilterPolicy(keep(new BloomFilter(10)))
          .setPartitionFilters(true);
      BlockBasedTableConfig queueTable = metadataInCache(cache);
      long memtable = 16L << 20;
      ColumnFamilyOptions seenOptions = keep(new ColumnFamilyOptions().setTableFormatConfig(seenTable)
          .setWriteBufferSize(memtable));
      ColumnFamilyOptions queueOptions = keep(new ColumnFamilyOptions().setTableFormatConfig(queueTable)
          .setWriteBufferSize(memtable));
      DBOptions dbOptions = keep(new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
          .setMaxBackgroundJobs(2));
      List<ColumnFamilyDescriptor> families = List.of(
          new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, queueOptions),
          new ColumnFamilyDescriptor("seen".getBytes(), seenOptions),
          new ColumnFamilyDescriptor("queue".getBytes(), queueOptions));
      db = RocksDB.open(dbOptions, dir.toString(), families, handles);
      seen = handles.get(1);
      queue = handles.get(2);
      writeOptions = keep(new WriteOptions().setSync(options.durable()));
      readOptions = keep(new ReadOptions());
      batch = keep(new WriteBatchWithIndex(true));
    } catch (RocksDBException | java.io.IOException e) {
      close();
      throw new StoreException("cannot open RocksDB in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static BlockBasedTableConfig metadataInCache(LRUCache cache) {
    return new BlockBasedTableConfig().setBlockCache(cache).setCacheIndexAndFilterBlocks(true)
        .setCacheIndexAndFilterBlocksWithHighPriority(true).setPinTopLevelIndexAndFilter(true)
        .setPinL0FilterAndIndexBlocksInCache(true).setIndexType(IndexType.kTwoLevelIndexSearch)
        .setMetadataBlockSize(4096);
  }

  private <T extends AutoCloseable> T keep(T resource) {
    resources.add(resource);
    return resource;
  }

  @Override
  public void begin() {
    batch.clear();
  }

  @Override
  public boolean isSeen(byte[] fingerprint) {
    try {
      return batch.getFromBatchAndDB(db, seen, readOptions, fingerprint) != null;
    } catch (RocksDBException e) {
      throw new StoreException("RocksDB get failed", e);
    }
  }

  @Override
  public void addSeen(byte[] fingerprint) {
    try {
      batch.put(seen, fingerprint, EMPTY);
    } catch (RocksDBException e) {
      throw new StoreException("RocksDB put failed", e);
    }
  }

  @Override
  public void putQueued(byte[] key, byte[] value) {
    try {
      batch.put(queue, key, value);
    } catch (RocksDBException e) {
      throw new StoreException("RocksDB put failed", e);
    }
  }

  @Override
  public byte[] firstQueued(byte[] from, byte[] to) {
    try (Slice upper = new Slice(to); ReadOptions bounded = new ReadOptions().setIterateUpperBound(upper);
        RocksIterator base = db.newIterator(queue, bounded);
        RocksIterator it = batch.newIteratorWithBase(queue, base, bounded)) {
      it.seek(from);
      return it.isValid() && java.util.Arrays.compareUnsigned(it.key(), to) < 0 ? it.key() : null;
    }
  }

  @Override
  public void deleteQueued(byte[] key) {
    try {
      batch.delete(queue, key);
    } catch (RocksDBException e) {
      throw new StoreException("RocksDB delete failed", e);
    }
  }

  @Override
  public void commit() {
    try {
      db.write(writeOptions, batch);
      batch.clear();
    } catch (RocksDBException e) {
      throw new StoreException("RocksDB commit failed", e);
    }
  }

  @Override
  public void close() {
    handles.forEach(ColumnFamilyHandle::close);
    handles.clear();
    if (db != null) {
      db.close();
    }
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        throw new StoreException("cannot close RocksDB", e);
      }
    }
    resources.clear();
  }
}
