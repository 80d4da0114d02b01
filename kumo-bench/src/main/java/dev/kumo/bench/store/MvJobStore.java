package dev.kumo.bench.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;

/**
 * H2's MVStore: two maps of byte-array keys (compared unsigned) in one file, a page cache of
 * {@link StoreOptions#cacheBytes()}, auto-commit off so that {@link #commit()} alone writes a new chunk.
 * Changes are visible to reads at once and become persistent at {@code MVStore.commit()}, which writes the
 * chunk with plain writes; a durable commit adds {@code MVStore.sync()} ({@code FileChannel.force}).
 */
final class MvJobStore implements JobStore {
  private static final byte[] EMPTY = new byte[0];

  private final MVStore store;
  private final MVMap<byte[], byte[]> seen;
  private final MVMap<byte[], byte[]> queue;
  private final boolean durable;

  MvJobStore(Path dir, StoreOptions options) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create " + dir, e);
    }
    store = new MVStore.Builder().fileName(dir.resolve("job.mv").toString()).autoCommitDisabled()
        .cacheSize((int) (options.cacheBytes() >> 20)).open();
    seen = store.openMap("seen", builder());
    queue = store.openMap("queue", builder());
    durable = options.durable();
  }

  private static MVMap.Builder<byte[], byte[]> builder() {
    return new MVMap.Builder<byte[], byte[]>().keyType(ByteArrayDataType.INSTANCE)
        .valueType(ByteArrayDataType.INSTANCE);
  }

  @Override
  public void begin() {
    // every change since the last commit belongs to the next one
  }

  @Override
  public boolean isSeen(byte[] fingerprint) {
    return seen.containsKey(fingerprint);
  }

  @Override
  public void addSeen(byte[] fingerprint) {
    seen.put(fingerprint, EMPTY);
  }

  @Override
  public void putQueued(byte[] key, byte[] value) {
    queue.put(key, value);
  }

  @Override
  public byte[] firstQueued(byte[] from, byte[] to) {
    byte[] key = queue.ceilingKey(from);
    return key != null && java.util.Arrays.compareUnsigned(key, to) < 0 ? key : null;
  }

  @Override
  public void deleteQueued(byte[] key) {
    queue.remove(key);
  }

  @Override
  public void commit() {
    store.commit();
    if (durable) {
      store.sync();
    }
  }

  @Override
  public void close() {
    store.rollback();
    store.close();
  }
}
