package dev.kumo.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.frontier.Checkpoint;
import dev.kumo.frontier.Frontier;
import dev.kumo.frontier.FrontierContract;
import dev.kumo.frontier.FrontierException;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.Lease;
import dev.kumo.frontier.MemoryFrontier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The frontier contract for {@link DiskFrontier}, and what only a frontier on disk must do. */
class DiskFrontierTest extends FrontierContract {
  @TempDir
  Path dir;

  private final List<JobStore> stores = new ArrayList<>();
  /** Few, so that tests cross from "the whole seen-set in memory" to "look it up on disk". */
  private long fingerprintsInMemory = 3;
  private int opened;

  @Override
  protected Frontier create(FrontierOrder order) {
    return open(dir.resolve("store-" + opened++), order, 1000);
  }

  private DiskFrontier open(Path storeDir, FrontierOrder order, int memory) {
    return open(new RocksJobStore(storeDir), order, memory);
  }

  private DiskFrontier open(JobStore store, FrontierOrder order, int memory) {
    stores.add(store);
    return new DiskFrontier(store, order, false, memory, fingerprintsInMemory);
  }

  private void closeStores() {
    stores.forEach(JobStore::close);
    stores.clear();
  }

  @AfterEach
  void closeStoresAfterTest() {
    closeStores();
  }

  @Test
  void queuedAndSeenSurviveAReopenAndLeasesNotAcknowledgedComeBack() {
    Path storeDir = dir.resolve("s");
    DiskFrontier f = open(storeDir, FrontierOrder.FIFO, 1000);
    for (int i = 0; i < 5; i++) {
      offer(f, "http://a/" + i, 0, "a");
    }
    Lease done = f.take(s -> true);
    Lease inFlight = f.take(s -> true);
    f.ack(List.of(done), new Checkpoint(Map.of("/x.jsonl", 42L), Map.of("pages", 1L), Map.of("peak", 3L),
        Map.of("cursor", "p2")));
    closeStores(); // a crash: the lease in flight was never acknowledged

    DiskFrontier again = open(storeDir, FrontierOrder.FIFO, 1000);
    assertThat(again.queued()).isEqualTo(4);
    assertThat(again.seen()).isEqualTo(5);
    assertThat(offer(again, "http://a/0", 0, "a")).isEqualTo(Frontier.Offer.DUPLICATE);
    assertThat(again.take(s -> true).request().url()).isEqualTo(inFlight.request().url());
    Checkpoint c = again.resumedFrom();
    assertThat(c.feedPositions()).containsEntry("/x.jsonl", 42L);
    assertThat(c.counters()).containsEntry("pages", 1L);
    assertThat(c.gauges()).containsEntry("peak", 3L);
    assertThat(c.spiderState()).containsEntry("cursor", "p2");
  }

  @Test
  void theItemIdsOfACommitSurviveAReopenAndThoseOfAFailedCommitDoNot() {
    Path storeDir = dir.resolve("s");
    DiskFrontier f = open(new FailingStore(new RocksJobStore(storeDir), new AtomicInteger(1), true), FrontierOrder.FIFO,
        1000);
    offer(f, "http://a/0", 0, "a");
    offer(f, "http://a/1", 0, "a");
    Lease first = f.take(s -> true);
    Lease second = f.take(s -> true);
    f.ack(List.of(first), new Checkpoint(Map.of("/x.jsonl", 10L), Map.of(), Map.of(), Map.of(), Set.of("one")));
    assertThat(f.itemWritten("one")).isTrue();
    assertThatThrownBy(() -> f.ack(List.of(second), new Checkpoint(Map.of("/x.jsonl", 20L), Map.of(), Map.of(),
        Map.of(), Set.of("two")))).isInstanceOf(FrontierException.class);
    closeStores(); // a crash after the failed commit

    DiskFrontier again = open(storeDir, FrontierOrder.FIFO, 1000);
    assertThat(again.keepsItemIds()).isTrue();
    assertThat(again.itemWritten("one")).isTrue();
    assertThat(again.itemWritten("two")).isFalse();
    assertThat(again.resumedFrom().feedPositions()).containsEntry("/x.jsonl", 10L);
    assertThat(again.queued()).isEqualTo(1);
  }

  @Test
  void aSeenSetThatFitsInMemoryIsLoadedOnReopenAndStillFiltersDuplicates() {
    Path storeDir = dir.resolve("s");
    fingerprintsInMemory = 1000;
    DiskFrontier f = open(storeDir, FrontierOrder.FIFO, 1000);
    for (int i = 0; i < 50; i++) {
      offer(f, "http://a/" + i, 0, "a");
    }
    closeStores();
    DiskFrontier again = open(storeDir, FrontierOrder.FIFO, 1000);
    for (int i = 0; i < 50; i++) {
      assertThat(offer(again, "http://a/" + i, 0, "a")).isEqualTo(Frontier.Offer.DUPLICATE);
    }
    assertThat(offer(again, "http://a/50", 0, "a")).isEqualTo(Frontier.Offer.QUEUED);
    assertThat(again.seen()).isEqualTo(51);
  }

  @Test
  void aRequestComesBackAsItWasStored() {
    Path storeDir = dir.resolve("s");
    DiskFrontier f = open(storeDir, FrontierOrder.FIFO, 1000);
    Request r = Request.to("http://a/form").method("POST").body(new byte[] {0, 1, 2, (byte) 255})
        .headers(Headers.of("X-A", "1", "X-A", "2", "Content-Type", "text/plain")).priority(-3).depth(4)
        .callback("parseForm").dontFilter(true)
        .meta("page", 2).meta("big", 1L << 40).meta("ratio", 0.5).meta("tags", List.of("x", "y"))
        .meta("nested", Map.of("k", List.of(1, true))).build();
    f.offer(r, fp(r.url()), "a");
    closeStores();
    Request back = open(storeDir, FrontierOrder.FIFO, 1000).take(s -> true).request();
    assertThat(back).isEqualTo(r);
  }

  @Test
  void aMetaValueThatCannotBeStoredIsRefusedNamingItsKeyAndLeavesNoTrace() {
    DiskFrontier f = open(dir.resolve("s"), FrontierOrder.FIFO, 1000);
    Request bad = Request.to("http://a/1").meta("ok", "x").meta("when", Instant.EPOCH).build();
    assertThatThrownBy(() -> f.offer(bad, fp(bad.url()), "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("meta key 'when'").hasMessageContaining("java.time.Instant");
    assertThat(f.seen()).isZero();
    assertThat(offer(f, "http://a/1", 0, "a")).isEqualTo(Frontier.Offer.QUEUED);
  }

  /**
   * With a memory budget far below the queue, every operation gives what a {@link MemoryFrontier} gives:
   * windows refilled from disk keep the exact order, whatever the mix of offers, takes, acks and requeues.
   */
  @ParameterizedTest
  @EnumSource(FrontierOrder.class)
  void aSmallMemoryWindowKeepsTheExactOrderOfAFrontierInMemory(FrontierOrder order) {
    Random random = new Random(order.ordinal() * 31L + 7);
    DiskFrontier disk = open(dir.resolve("s"), order, 7);
    MemoryFrontier memory = new MemoryFrontier(order);
    List<Lease[]> held = new ArrayList<>();
    List<String> slots = List.of("a", "b", "c", "d");
    int url = 0;
    for (int step = 0; step < 6000; step++) {
      int op = random.nextInt(10);
      if (op < 5) {
        String u = "http://h/" + (url++ % 2500); // some duplicates
        String slot = slots.get(random.nextInt(slots.size()));
        int priority = random.nextInt(3) - 1;
        assertThat(offer(disk, u, priority, slot)).isEqualTo(offer(memory, u, priority, slot));
      } else if (op < 8) {
        Set<String> ready = new java.util.HashSet<>(List.of(slots.get(random.nextInt(4)), slots.get(random.nextInt(4))));
        Lease d = disk.take(ready::contains);
        Lease m = memory.take(ready::contains);
        assertThat(d == null ? null : d.request().url()).as("step %d", step)
            .isEqualTo(m == null ? null : m.request().url());
        if (d != null) {
          held.add(new Lease[] {d, m});
        }
      } else if (!held.isEmpty()) {
        Lease[] pair = held.remove(random.nextInt(held.size()));
        if (op == 8) {
          disk.ack(pair[0]);
          memory.ack(pair[1]);
        } else {
          disk.requeue(pair[0]);
          memory.requeue(pair[1]);
        }
      }
      assertThat(disk.inMemory()).isLessThanOrEqualTo(7 + slots.size());
      assertThat(disk.queued()).isEqualTo(memory.queued());
    }
    assertThat(disk.seen()).isEqualTo(memory.seen());
  }

  @Test
  void memoryHoldsAWindowNotTheWholeQueue() {
    DiskFrontier f = open(dir.resolve("s"), FrontierOrder.FIFO, 100);
    for (int i = 0; i < 20_000; i++) {
      offer(f, "http://h/" + i, 0, "slot" + (i % 10));
    }
    assertThat(f.queued()).isEqualTo(20_000);
    assertThat(f.inMemory()).isLessThanOrEqualTo(100 + 10);
    int taken = 0;
    while (f.take(s -> true) instanceof Lease l) {
      f.ack(l);
      taken++;
      assertThat(f.inMemory()).isLessThanOrEqualTo(100 + 10);
    }
    assertThat(taken).isEqualTo(20_000);
  }

  @Test
  void aFailingStoreStopsTheFrontierAndLeavesTheLastCommittedState() {
    Path storeDir = dir.resolve("s");
    AtomicInteger writesLeft = new AtomicInteger(6);
    DiskFrontier f = open(new FailingStore(new RocksJobStore(storeDir), writesLeft), FrontierOrder.FIFO, 1000);
    for (int i = 0; i < 5; i++) {
      offer(f, "http://a/" + i, 0, "a");
    }
    Lease l = f.take(s -> true);
    f.ack(l);
    assertThatThrownBy(() -> offer(f, "http://a/5", 0, "a")).isInstanceOf(FrontierException.class)
        .hasMessageContaining("No space left on device");
    assertThatThrownBy(() -> f.take(s -> true)).isInstanceOf(FrontierException.class)
        .hasMessageContaining("failed earlier");
    closeStores();

    DiskFrontier again = open(storeDir, FrontierOrder.FIFO, 1000);
    assertThat(again.queued()).isEqualTo(4);
    assertThat(again.seen()).isEqualTo(5);
  }

  /**
   * A store whose writes fail like a full disk once {@code writesLeft} reaches zero; with {@code commitsOnly},
   * only commits (writes of a checkpoint) count and fail, so that a crawl fails after writing items to a feed.
   * {@link #afterAnItemCommit} fails every commit after the first that commits an item to a feed instead.
   */
  static final class FailingStore implements JobStore {
    private final JobStore delegate;
    private final Predicate<StoreBatch> fails;
    private final AtomicBoolean itemCommitted;
    private final Semaphore itemCommits = new Semaphore(0);

    FailingStore(JobStore delegate, AtomicInteger writesLeft) {
      this(delegate, writesLeft, false);
    }

    FailingStore(JobStore delegate, AtomicInteger writesLeft, boolean commitsOnly) {
      this(delegate, b -> (!commitsOnly || isCommit(b)) && writesLeft.getAndDecrement() <= 0, new AtomicBoolean());
    }

    private FailingStore(JobStore delegate, Predicate<StoreBatch> fails, AtomicBoolean itemCommitted) {
      this.delegate = delegate;
      this.fails = fails;
      this.itemCommitted = itemCommitted;
    }

    /** A store whose commits fail once one has committed an item to a feed (the next lease's commit fails). */
    static FailingStore afterAnItemCommit(JobStore delegate) {
      AtomicBoolean committed = new AtomicBoolean();
      return new FailingStore(delegate, b -> isCommit(b) && committed.get(), committed);
    }

    @Override
    public byte[] get(StoreBatch.Space space, byte[] key) {
      return delegate.get(space, key);
    }

    private static boolean isCommit(StoreBatch batch) {
      return batch.ops().stream().anyMatch(op -> java.util.Arrays.equals(op.key(), DiskFrontier.CHECKPOINT));
    }

    /** Whether {@code batch} commits a feed position past 0: an item (of a crawl that started with empty feeds). */
    private static boolean commitsAnItem(StoreBatch batch) {
      return batch.ops().stream().anyMatch(op -> java.util.Arrays.equals(op.key(), DiskFrontier.CHECKPOINT)
          && CheckpointCodec.decode(op.value()).feedPositions().values().stream().anyMatch(p -> p > 0));
    }

    @Override
    public void write(StoreBatch batch) {
      if (fails.test(batch)) {
        throw new FrontierException("cannot write the job store [IOError/NoSpace]: No space left on device");
      }
      delegate.write(batch);
      if (commitsAnItem(batch)) {
        itemCommitted.set(true);
        itemCommits.release();
      }
    }

    /** Waits (at most 30 s) until a commit has committed an item to a feed; false when none came. */
    boolean awaitItemCommit() throws InterruptedException {
      return itemCommits.tryAcquire(30, TimeUnit.SECONDS);
    }

    @Override
    public void flush(boolean force) {
      delegate.flush(force);
    }

    @Override
    public List<Entry> scan(StoreBatch.Space space, byte[] prefix, byte[] after, int max) {
      return delegate.scan(space, prefix, after, max);
    }

    @Override
    public byte[] ceilingKey(StoreBatch.Space space, byte[] from) {
      return delegate.ceilingKey(space, from);
    }

    @Override
    public long counter(byte[] key) {
      return delegate.counter(key);
    }

    @Override
    public void verify() {
      delegate.verify();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
