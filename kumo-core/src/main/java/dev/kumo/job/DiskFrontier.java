package dev.kumo.job;

import dev.kumo.Request;
import dev.kumo.frontier.Checkpoint;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.FingerprintSet;
import dev.kumo.frontier.Frontier;
import dev.kumo.frontier.FrontierException;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.Lease;
import dev.kumo.internal.RequestCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Frontier} in a job directory's store. Every queued request and every fingerprint is on disk as soon
 * as {@link #offer} returns; memory holds only a window of each slot's best requests
 * ({@code job_dir_memory_requests} in all, or one per slot when there are more slots than that), refilled from
 * the store as it drains.
 *
 * <p>A lease is not written anywhere: a taken request stays stored until {@link #ack} deletes it, in the same
 * atomic write as the {@link Checkpoint} and the ids of the items written with it ({@code item/<id>} keys, which
 * {@link #itemWritten} looks up). After a crash, whatever was leased is therefore simply queued again.
 *
 * <p>Thread-safe: one lock, held for in-memory work and non-forced store writes only (a write goes to RocksDB's
 * log and memtable, no disk wait); forcing to the disk happens outside it. The {@code slotReady} test of
 * {@link #take} is called under the lock and must only read.
 */
final class DiskFrontier implements Frontier {
  private static final int REFILL = 256;
  private static final long SEQ_BLOCK = 1 << 16;
  static final byte[] STORED = key("counter/stored");
  static final byte[] SEEN = key("counter/seen");
  static final byte[] SEQ = key("seq");
  static final byte[] CHECKPOINT = key("checkpoint");
  private static final String ITEM_PREFIX = "item/";

  private final JobStore store;
  private final boolean lifo;
  private final boolean fsync;
  private final int memoryBudget;
  private final Map<String, Window> windows = new HashMap<>();
  private final TreeSet<Window> byHead;
  private final Map<Long, Entry> leases = new HashMap<>();
  private final Set<QueueKey> leasedKeys = new HashSet<>();
  private final Checkpoint resumedFrom;
  /** Fingerprints also in memory: a hit is a duplicate; while {@link #seenComplete}, a miss is a new URL. */
  private final FingerprintSet seenInMemory = new FingerprintSet();
  private final long seenInMemoryCap;
  private boolean seenComplete;
  private long inMemory;
  private long stored;
  private long seen;
  private long seq;
  private long seqReserved;
  private long leaseIds;
  private volatile @Nullable FrontierException failure;

  private record Entry(QueueKey key, Request request, Fingerprint fingerprint, String slot) {}

  /** A slot's best stored requests; every stored, unleased request of the slot up to {@code bound} is here. */
  private static final class Window {
    final String slot;
    final byte[] prefix;
    final TreeMap<QueueKey, Entry> entries = new TreeMap<>();
    /** Null when every stored request of the slot is in memory. */
    @Nullable QueueKey bound;

    Window(String slot) {
      this.slot = slot;
      this.prefix = QueueKey.prefix(slot);
    }
  }

  /**
   * The frontier of {@code store}, reloading what a previous run left in it.
   *
   * @param memoryBudget queued requests kept in memory
   * @param fingerprintsInMemory fingerprints of the seen-set kept in memory as well
   */
  DiskFrontier(JobStore store, FrontierOrder order, boolean fsync, int memoryBudget, long fingerprintsInMemory) {
    this.store = store;
    this.lifo = order == FrontierOrder.LIFO;
    this.fsync = fsync;
    this.memoryBudget = memoryBudget;
    Comparator<Window> headOrder = (a, b) -> a.entries.firstKey().compareOrder(b.entries.firstKey());
    this.byHead = new TreeSet<>(headOrder.thenComparing(w -> w.slot));
    this.stored = store.counter(STORED);
    this.seen = store.counter(SEEN);
    byte[] s = store.get(StoreBatch.Space.META, SEQ);
    this.seq = s == null ? 0 : ByteBuffer.wrap(s).getLong();
    this.seqReserved = seq;
    byte[] cp = store.get(StoreBatch.Space.META, CHECKPOINT);
    this.resumedFrom = cp == null ? Checkpoint.EMPTY : CheckpointCodec.decode(cp);
    this.seenInMemoryCap = fingerprintsInMemory;
    loadSeen();
    loadWindows();
  }

  /** Loads the whole seen-set into memory when it fits the cap, so that new URLs need no disk look-up. */
  private void loadSeen() {
    if (seen > seenInMemoryCap) {
      return;
    }
    byte @Nullable [] after = null;
    List<JobStore.Entry> page;
    do {
      page = store.scan(StoreBatch.Space.SEEN, new byte[0], after, 10_000);
      for (JobStore.Entry e : page) {
        Fingerprint f = Fingerprint.fromBytes(e.key());
        seenInMemory.add(f.high(), f.low());
      }
      after = page.isEmpty() ? null : page.get(page.size() - 1).key();
    } while (page.size() == 10_000);
    seenComplete = seenInMemory.size() == seen;
  }

  /** Whether {@code f} was offered before: memory first, the store only when memory cannot tell. */
  private boolean known(Fingerprint f, byte[] key) {
    if (seenInMemory.contains(f.high(), f.low())) {
      return true;
    }
    return !seenComplete && get(StoreBatch.Space.SEEN, key) != null;
  }

  private void remember(Fingerprint f) {
    if (seenInMemory.size() < seenInMemoryCap) {
      seenInMemory.add(f.high(), f.low());
    } else {
      seenComplete = false;
    }
  }

  private static byte[] key(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }

  private void loadWindows() {
    byte[] from = new byte[0];
    byte[] k;
    while ((k = store.ceilingKey(StoreBatch.Space.QUEUE, from)) != null) {
      Window w = new Window(QueueKey.slotOf(k));
      refill(w, null, room(16));
      if (!w.entries.isEmpty()) {
        windows.put(w.slot, w);
        byHead.add(w);
      }
      from = QueueKey.afterSlot(k);
    }
  }

  @Override
  public Offer offer(Request request, Fingerprint fingerprint, String slot) {
    RequestCodec.checkStorable(request); // refuses what cannot be stored, duplicate or not, before anything changes
    byte[] fp = fingerprint.toBytes();
    synchronized (this) {
      checkHealthy();
      boolean known = known(fingerprint, fp);
      if (known && !request.dontFilter()) {
        return Offer.DUPLICATE; // most offers: links seen before, never encoded
      }
      byte[] value = entryValue(request, fingerprint);
      StoreBatch batch = new StoreBatch();
      if (seq == seqReserved) {
        seqReserved += SEQ_BLOCK;
        batch.put(StoreBatch.Space.META, SEQ, ByteBuffer.allocate(8).putLong(seqReserved).array());
      }
      QueueKey key = QueueKey.of(slot, request.priority(), seq++, lifo);
      if (!known) {
        batch.put(StoreBatch.Space.SEEN, fp, new byte[0]).add(SEEN, 1);
      }
      batch.put(StoreBatch.Space.QUEUE, key.bytes(), value).add(STORED, 1);
      write(batch);
      if (!known) {
        seen++;
        remember(fingerprint);
      }
      stored++;
      place(windows.computeIfAbsent(slot, Window::new), new Entry(key, request, fingerprint, slot));
      return Offer.QUEUED;
    }
  }

  /** Puts {@code e} in its slot's window if it falls inside it; otherwise it waits on disk only. */
  private void place(Window w, Entry e) {
    if (w.bound != null && e.key().compareTo(w.bound) > 0) {
      return;
    }
    boolean newHead = w.entries.isEmpty() || e.key().compareTo(w.entries.firstKey()) < 0;
    if (newHead && !w.entries.isEmpty()) {
      byHead.remove(w); // its place in the index changes
    }
    w.entries.put(e.key(), e);
    inMemory++;
    while (inMemory > memoryBudget && w.entries.size() > 1) {
      w.entries.pollLastEntry();
      inMemory--;
      w.bound = w.entries.lastKey();
    }
    if (newHead) {
      byHead.add(w);
    }
  }

  @Override
  public synchronized @Nullable Lease take(Predicate<String> slotReady) {
    checkHealthy();
    for (Iterator<Window> it = byHead.iterator(); it.hasNext(); ) {
      Window w = it.next();
      if (!slotReady.test(w.slot)) {
        continue;
      }
      it.remove();
      Entry e = w.entries.pollFirstEntry().getValue();
      inMemory--;
      leasedKeys.add(e.key());
      if (w.entries.isEmpty() && w.bound != null) {
        refill(w, w.bound, room(REFILL));
      }
      if (w.entries.isEmpty()) {
        windows.remove(w.slot);
      } else {
        byHead.add(w);
      }
      long id = ++leaseIds;
      leases.put(id, e);
      return new Lease(id, e.request(), e.fingerprint(), e.slot());
    }
    return null;
  }

  /** How many requests a refill loads: the slot's share of the budget, at most {@code max}, at least one. */
  private int room(int max) {
    return Math.max(1, Math.min(max, memoryBudget / Math.max(1, windows.size())));
  }

  /** Loads up to {@code max} stored requests of {@code w}'s slot after {@code after}, skipping leased ones. */
  private void refill(Window w, @Nullable QueueKey after, int max) {
    byte @Nullable [] cursor = after == null ? null : after.bytes();
    while (true) {
      List<JobStore.Entry> found = scan(w.prefix, cursor, max);
      for (JobStore.Entry s : found) {
        QueueKey key = QueueKey.wrap(s.key());
        if (!leasedKeys.contains(key)) {
          w.entries.put(key, decodeEntry(key, w.slot, s.value()));
          inMemory++;
        }
      }
      if (found.size() < max) {
        w.bound = null;
        return;
      }
      cursor = found.get(found.size() - 1).key();
      w.bound = QueueKey.wrap(cursor);
      if (!w.entries.isEmpty()) {
        return;
      }
    }
  }

  @Override
  public void ack(List<Lease> acked, Checkpoint checkpoint) {
    synchronized (this) {
      checkHealthy();
      for (Lease lease : acked) {
        if (!leases.containsKey(lease.id())) {
          throw new IllegalStateException("lease " + lease.id() + " is not held");
        }
      }
      StoreBatch batch = new StoreBatch();
      for (Lease lease : acked) {
        Entry e = leases.remove(lease.id());
        leasedKeys.remove(e.key());
        batch.delete(StoreBatch.Space.QUEUE, e.key().bytes());
      }
      if (!acked.isEmpty()) {
        batch.add(STORED, -acked.size());
      }
      if (!checkpoint.equals(Checkpoint.EMPTY)) {
        batch.put(StoreBatch.Space.META, CHECKPOINT, CheckpointCodec.encode(checkpoint));
      }
      for (String id : checkpoint.itemIds()) { // in the same batch as the feed positions that hold the items
        batch.put(StoreBatch.Space.META, itemKey(id), new byte[0]);
      }
      write(batch);
      stored -= acked.size();
    }
    try {
      store.flush(fsync); // this ack, and every offer before it, now survive a crash
    } catch (FrontierException e) {
      throw failed(e);
    }
  }

  @Override
  public synchronized void requeue(Lease lease) {
    Entry e = leases.remove(lease.id());
    if (e == null) {
      throw new IllegalStateException("lease " + lease.id() + " is not held");
    }
    leasedKeys.remove(e.key());
    place(windows.computeIfAbsent(e.slot(), Window::new), e);
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public boolean keepsItemIds() {
    return true;
  }

  @Override
  public boolean itemWritten(String itemId) {
    return get(StoreBatch.Space.META, itemKey(itemId)) != null;
  }

  /** The key of a written item's id: {@code item/} and the id. */
  private static byte[] itemKey(String id) {
    return key(ITEM_PREFIX + id);
  }

  @Override
  public Checkpoint resumedFrom() {
    return resumedFrom;
  }

  @Override
  public synchronized long queued() {
    return stored - leases.size();
  }

  @Override
  public synchronized long leased() {
    return leases.size();
  }

  @Override
  public synchronized long seen() {
    return seen;
  }

  /** Whether a store operation failed (the frontier refuses every call since). */
  boolean hasFailed() {
    return failure != null;
  }

  /** Queued requests held in memory now (the rest wait on disk). */
  synchronized long inMemory() {
    return inMemory;
  }

  /** Leaves the store open: the job directory closes it. */
  @Override
  public void close() {}

  private static byte[] entryValue(Request request, Fingerprint fingerprint) {
    byte[] encoded = RequestCodec.encode(request);
    byte[] value = Arrays.copyOf(fingerprint.toBytes(), Fingerprint.BYTES + encoded.length);
    System.arraycopy(encoded, 0, value, Fingerprint.BYTES, encoded.length);
    return value;
  }

  private Entry decodeEntry(QueueKey key, String slot, byte[] value) {
    try {
      Request r = RequestCodec.decode(Arrays.copyOfRange(value, Fingerprint.BYTES, value.length));
      return new Entry(key, r, Fingerprint.fromBytes(Arrays.copyOf(value, Fingerprint.BYTES)), slot);
    } catch (IOException | RuntimeException e) {
      throw failed(new FrontierException("corrupted request in the job store (slot " + slot + "): "
          + e.getMessage(), e));
    }
  }

  private void checkHealthy() {
    FrontierException f = failure;
    if (f != null) {
      throw new FrontierException("the job store failed earlier: " + f.getMessage(), f);
    }
  }

  private FrontierException failed(FrontierException e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }

  private byte @Nullable [] get(StoreBatch.Space space, byte[] key) {
    try {
      return store.get(space, key);
    } catch (FrontierException e) {
      throw failed(e);
    }
  }

  private List<JobStore.Entry> scan(byte[] prefix, byte @Nullable [] after, int max) {
    try {
      return store.scan(StoreBatch.Space.QUEUE, prefix, after, max);
    } catch (FrontierException e) {
      throw failed(e);
    }
  }

  private void write(StoreBatch batch) {
    try {
      store.write(batch);
    } catch (FrontierException e) {
      throw failed(e);
    }
  }
}
