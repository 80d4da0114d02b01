package dev.kumo.bench.store;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.GetOp;
import org.lmdbjava.Txn;

/**
 * LMDB: two named databases in one memory-mapped file of at most {@value #MAP_SIZE} bytes; no cache of its
 * own (pages are read through the OS page cache, so they count in the process's RSS as file pages). A durable
 * commit is LMDB's default ({@code mdb_txn_commit} fdatasyncs the data file); otherwise the environment is opened
 * with {@code MDB_NOSYNC} (pages are written, not synced).
 */
final class LmdbJobStore implements JobStore {
  static final long MAP_SIZE = 16L << 30;

  private final Env<ByteBuffer> env;
  private final Dbi<ByteBuffer> seen;
  private final Dbi<ByteBuffer> queue;
  private final ByteBuffer key = ByteBuffer.allocateDirect(511);
  private final ByteBuffer value = ByteBuffer.allocateDirect(1 << 16);
  private Txn<ByteBuffer> txn;

  LmdbJobStore(Path dir, StoreOptions options) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create " + dir, e);
    }
    EnvFlags[] flags = options.durable() ? new EnvFlags[0] : new EnvFlags[] {EnvFlags.MDB_NOSYNC};
    env = Env.create().setMapSize(MAP_SIZE).setMaxDbs(2).open(dir.toFile(), flags);
    seen = env.openDbi("seen", DbiFlags.MDB_CREATE);
    queue = env.openDbi("queue", DbiFlags.MDB_CREATE);
  }

  private static ByteBuffer fill(ByteBuffer buffer, byte[] bytes) {
    return buffer.clear().put(bytes).flip();
  }

  @Override
  public void begin() {
    txn = env.txnWrite();
  }

  /** Reads in the write transaction if one is open, else in a read transaction of its own. */
  private <T> T read(java.util.function.Function<Txn<ByteBuffer>, T> reader) {
    if (txn != null) {
      return reader.apply(txn);
    }
    try (Txn<ByteBuffer> read = env.txnRead()) {
      return reader.apply(read);
    }
  }

  @Override
  public boolean isSeen(byte[] fingerprint) {
    return read(t -> seen.get(t, fill(key, fingerprint)) != null);
  }

  @Override
  public void addSeen(byte[] fingerprint) {
    seen.put(txn, fill(key, fingerprint), value.clear().flip());
  }

  @Override
  public void putQueued(byte[] k, byte[] v) {
    queue.put(txn, fill(key, k), fill(value, v));
  }

  @Override
  public byte[] firstQueued(byte[] from, byte[] to) {
    return read(t -> {
      try (Cursor<ByteBuffer> cursor = queue.openCursor(t)) {
        if (!cursor.get(fill(key, from), GetOp.MDB_SET_RANGE)) {
          return null;
        }
        ByteBuffer found = cursor.key();
        byte[] bytes = new byte[found.remaining()];
        found.get(bytes);
        return java.util.Arrays.compareUnsigned(bytes, to) < 0 ? bytes : null;
      }
    });
  }

  @Override
  public void deleteQueued(byte[] k) {
    queue.delete(txn, fill(key, k));
  }

  @Override
  public void commit() {
    txn.commit();
    txn.close();
    txn = null;
  }

  @Override
  public void close() {
    if (txn != null) {
      txn.close();
      txn = null;
    }
    env.close();
  }
}
