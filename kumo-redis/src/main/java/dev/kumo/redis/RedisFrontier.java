package dev.kumo.redis;

import dev.kumo.Crawler;
import dev.kumo.Request;
import dev.kumo.frontier.Checkpoint;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.Frontier;
import dev.kumo.frontier.FrontierException;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.Lease;
import dev.kumo.frontier.SharedPoliteness;
import dev.kumo.frontier.SlotGate;
import dev.kumo.frontier.SlotRules;
import dev.kumo.pipeline.ItemSink;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Frontier} in Redis, shared by every worker process of one crawl: the queue (a sorted set per download
 * slot), the seen-set, the leases and the crawl's counters, under keys {@code kumo:{CRAWL}:...}
 * ({@link RedisKeys}). Each operation is one Lua script run atomically by the server, so workers on any number
 * of machines never take the same request twice and never lose one.
 *
 * <pre>{@code
 * RedisURI uri = RedisAddress.parse("redis://10.0.0.5:6379/0", System.getenv());
 * try (RedisFrontier f = RedisFrontier.open(uri, "shop", FrontierOrder.FIFO, Duration.ofSeconds(60))) {
 *   new Crawler.Builder(spider).frontier(f).build().run();
 * }
 * }</pre>
 *
 * <p>Leases: a taken request is leased with a deadline on the server's clock; this frontier renews the deadlines
 * of its leases every third of {@code leaseTimeout} ({@link LeaseKeeper}), so only the leases of a worker that
 * died or lost Redis expire, and any worker's {@link #take} then puts their requests back in the queue. A lease
 * that expired while its worker still held it cannot be acknowledged any more: {@link #ack} then drops its group's
 * items, hands back the group's other leases and goes on ({@link ExpiredLeases}). {@link #close} hands back the
 * leases still held.
 *
 * <p>{@link #ack} adds what the checkpoint's counters grew by since the last ack to the crawl's stats hash in the
 * same script ({@code HINCRBY}), so the crawl-wide stats count exactly the acknowledged work of every worker.
 * Feed positions, gauges and spider state are the worker's own and are not stored. {@link #resumedFrom} is
 * always empty: a worker starts its own counters at zero.
 *
 * <p>{@link #queued} counts the crawl's queue plus the leases other workers hold (their pages may still add
 * requests), so that an engine waits while any worker is busy and stops only when the whole crawl is done.
 * {@link #leased} counts this worker's leases, {@link #seen} the crawl's seen-set.
 *
 * <p>Politeness holds for all workers together: {@link #take} applies each slot's limits ({@link SlotGate}: at
 * most that many requests of the slot leased by all workers, the delay since the slot's last start, pauses) in
 * the take script, and {@link #politeness()} shares pauses, AutoThrottle delays and robots.txt.
 *
 * <p>Items: the sink of {@link #items()} holds what the pipeline wrote until the ack of its leases, which appends
 * them to the crawl's stream ({@code kumo export}) in the same script: an item is in the stream once for each
 * acknowledged lease, never for a lease that returned to the queue.
 *
 * <p>Thread-safe. {@link #take}'s {@code slotReady} test runs without a lock.
 */
public final class RedisFrontier implements Frontier {
  /** Format of the keys and values, stored in the crawl's {@code meta} hash. */
  static final String FORMAT = "2";
  private static final Logger LOG = LoggerFactory.getLogger(RedisFrontier.class);
  private static final int HEADS_PAGE = 64;
  private static final int REAP_BATCH = 1000;

  private final RedisLink link;
  private final RedisKeys keys;
  private final byte[] lifo;
  private final byte[] leaseTimeoutMs;
  private final long reapEveryNanos;
  private final AtomicLong nextReap = new AtomicLong(System.nanoTime());
  private final Map<Long, Lease> held = new ConcurrentHashMap<>();
  private final CounterDeltas deltas = new CounterDeltas();
  private final StreamedItems items = new StreamedItems();
  private final RedisPoliteness politeness;
  private final byte[] worker = RedisKeys.bytes(UUID.randomUUID().toString());
  private long acks; // guarded by deltas
  private final boolean keepAlive;
  private final LeaseKeeper keeper;
  private final LeaseReturn returns;
  private final ExpiredLeases expiry;
  private final IdlePolls idle = new IdlePolls(System::nanoTime);
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisFrontier(RedisLink link, RedisKeys keys, CrawlOptions options) {
    this.link = link;
    this.keys = keys;
    this.lifo = RedisKeys.bytes(options.order() == FrontierOrder.LIFO ? "1" : "0");
    Duration leaseTimeout = options.leaseTimeout();
    this.keepAlive = options.keepAlive();
    this.politeness = new RedisPoliteness(link, keys);
    this.leaseTimeoutMs = RedisKeys.bytes(Long.toString(leaseTimeout.toMillis()));
    this.reapEveryNanos = Math.min(Duration.ofSeconds(1).toNanos(), leaseTimeout.toNanos() / 4);
    this.keeper = new LeaseKeeper(link, keys, leaseTimeout, held::keySet);
    this.returns = new LeaseReturn(link, keys);
    this.expiry = new ExpiredLeases(returns, leaseTimeout);
  }

  /**
   * Connects to Redis and joins crawl {@code crawl}, creating it when new; no spider check, no keep-alive.
   *
   * @param leaseTimeout how long a lease outlives a worker that stopped renewing it
   * @throws IllegalArgumentException when the crawl name is not valid or the lease timeout is under a second
   * @throws FrontierException when Redis cannot be reached, refuses the password, or holds this crawl in another
   *     format or order, or for another Kumo version
   */
  public static RedisFrontier open(RedisURI uri, String crawl, FrontierOrder order, Duration leaseTimeout) {
    return open(uri, crawl, CrawlOptions.of(order, leaseTimeout));
  }

  /**
   * Connects to Redis and joins crawl {@code crawl} with {@code options}, creating the crawl when new.
   *
   * @throws IllegalArgumentException when the crawl name is not valid
   * @throws FrontierException when Redis cannot be reached, refuses the password, or holds this crawl in another
   *     format or order, for another spider or another Kumo version
   */
  public static RedisFrontier open(RedisURI uri, String crawl, CrawlOptions options) {
    RedisKeys keys = new RedisKeys(crawl);
    RedisLink link = RedisLink.connect(uri, options.reconnectFor());
    try {
      CrawlIdentity.check(link, keys, options);
      return new RedisFrontier(link, keys, options);
    } catch (RuntimeException e) {
      link.close();
      throw e;
    }
  }

  @Override
  public Offer offer(Request request, Fingerprint fingerprint, String slot) {
    byte[] payload = QueueEntry.payload(request, fingerprint); // refuses what cannot be stored first
    Long queued = link.eval(Script.OFFER, ScriptOutputType.INTEGER,
        new byte[][] {keys.seen(), keys.queue(checkSlot(slot)), keys.heads(), keys.head(), keys.counts(),
            keys.meta()},
        fingerprint.toBytes(), RedisKeys.bytes(request.dontFilter() ? "1" : "0"),
        QueueEntry.priorityKey(request.priority()), lifo, payload, RedisKeys.bytes(slot));
    idle.reset();
    return queued == 1 ? Offer.QUEUED : Offer.DUPLICATE;
  }

  private static String checkSlot(String slot) {
    if (slot.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("slot name with a NUL character: " + slot);
    }
    return slot;
  }

  @Override
  public @Nullable Lease take(Predicate<String> slotReady) {
    if (!idle.due()) {
      return null; // the crawl's queue was empty a moment ago (IdlePolls)
    }
    reapIfDue();
    SlotGate gate = slotReady instanceof SlotGate g ? g : null;
    for (long start = 0; ; start += HEADS_PAGE) {
      long from = start;
      List<byte[]> heads = link.call(c -> c.zrange(keys.heads(), from, from + HEADS_PAGE - 1));
      if (start == 0 && heads.isEmpty()) {
        checkCrawlExists(); // nothing queued: make sure it is not because Redis lost the crawl
        idle.foundNothing();
        return null;
      }
      idle.reset();
      List<byte[]> args = new ArrayList<>();
      args.add(RedisKeys.bytes(keys.queuePrefix()));
      args.add(leaseTimeoutMs);
      for (byte[] head : heads) {
        String slot = QueueEntry.slotOfHead(head);
        if (slotReady.test(slot)) {
          SlotRules rules = gate == null ? UNLIMITED : gate.rules(slot);
          args.add(RedisKeys.bytes(slot));
          args.add(RedisKeys.bytes(Integer.toString(rules.concurrency())));
          args.add(RedisKeys.bytes(Long.toString((rules.delayNanos() + 999_999) / 1_000_000)));
        }
      }
      if (args.size() > 2) {
        Lease lease = takeFrom(args, gate);
        if (lease != null) {
          return lease;
        }
      }
      if (heads.size() < HEADS_PAGE) {
        return null;
      }
    }
  }

  private void checkCrawlExists() {
    if (link.call(c -> c.exists(keys.meta())) == 0) {
      throw new FrontierException("Redis at " + link.where() + ": the crawl is gone from this Redis (restarted "
          + "without persistence, or flushed); its requests and seen-set are lost: start the crawl again under a "
          + "new --crawl name");
    }
  }

  private static final SlotRules UNLIMITED = new SlotRules(Integer.MAX_VALUE, 0);

  private @Nullable Lease takeFrom(List<byte[]> args, @Nullable SlotGate gate) {
    List<Object> taken = link.eval(Script.TAKE, ScriptOutputType.MULTI,
        new byte[][] {keys.heads(), keys.head(), keys.counts(), keys.leases(), keys.deadlines(), keys.busy(),
            keys.next(), keys.paused(), keys.throttle(), keys.meta()},
        args.toArray(byte[][]::new));
    if (taken.size() < 3) {
      long wait = taken.isEmpty() ? -1 : (Long) taken.get(0);
      if (wait >= 0 && gate != null) {
        gate.heldFor("", wait * 1_000_000);
      }
      return null;
    }
    long id = (Long) taken.get(0);
    byte[] member = (byte[]) taken.get(1);
    String slot = new String((byte[]) taken.get(2), StandardCharsets.UTF_8);
    Lease lease = new Lease(id, QueueEntry.request(member, slot), QueueEntry.fingerprint(member), slot);
    held.put(id, lease);
    return lease;
  }

  /** Puts the requests of expired leases back in the queue, at most once per reap interval per worker. */
  private void reapIfDue() {
    long now = System.nanoTime();
    long due = nextReap.get();
    if (now - due >= 0 && nextReap.compareAndSet(due, now + reapEveryNanos)) {
      reap();
    }
  }

  /** Puts the requests of every expired lease of the crawl back in the queue; returns how many expired. */
  long reap() {
    Long reaped = link.eval(Script.REAP, ScriptOutputType.INTEGER,
        new byte[][] {keys.leases(), keys.deadlines(), keys.counts(), keys.heads(), keys.head(), keys.busy()},
        RedisKeys.bytes(keys.queuePrefix()), RedisKeys.bytes(Integer.toString(REAP_BATCH)));
    if (reaped > 0) {
      LOG.info("{} expired leases of crawl '{}' queued again", reaped, keys.crawl());
    }
    return reaped;
  }

  @Override
  public void ack(List<Lease> leases, Checkpoint checkpoint) {
    synchronized (deltas) {
      for (Lease lease : leases) {
        if (!held.containsKey(lease.id())) {
          throw new IllegalStateException("lease " + lease.id() + " is not held");
        }
      }
      Map<String, Long> grown = deltas.since(checkpoint.counters());
      List<byte[]> written = leases.isEmpty() ? List.of() : items.take(); // items travel with their leases only
      if (leases.isEmpty() && grown.isEmpty()) {
        return;
      }
      try {
        commit(leases, written, grown);
      } catch (IllegalStateException expired) { // a lease expired while this worker was stalled
        grown.merge(ExpiredLeases.STAT, expiry.settle(leases, written.size()), Long::sum);
        commit(List.of(), List.of(), grown);
      }
      deltas.committed(checkpoint.counters());
      for (Lease lease : leases) {
        held.remove(lease.id());
      }
      idle.reset();
    }
  }

  /**
   * Runs the ack script: ends {@code leases}, appends {@code written} to the stream and adds {@code grown} to the
   * crawl's stats, or changes nothing. Called under the commit lock ({@code deltas}).
   *
   * @throws IllegalStateException when a lease is not held in Redis any more (nothing changed)
   */
  private void commit(List<Lease> leases, List<byte[]> written, Map<String, Long> grown) {
    List<byte[]> args = new ArrayList<>();
    args.add(worker);
    args.add(RedisKeys.bytes(Long.toString(++acks)));
    args.add(RedisKeys.bytes(Integer.toString(leases.size())));
    for (Lease lease : leases) {
      args.add(RedisKeys.bytes(Long.toString(lease.id())));
    }
    args.add(RedisKeys.bytes(Integer.toString(written.size())));
    args.addAll(written);
    grown.forEach((name, delta) -> {
      args.add(RedisKeys.bytes(name));
      args.add(RedisKeys.bytes(Long.toString(delta)));
    });
    link.<Long>eval(Script.ACK, ScriptOutputType.INTEGER,
        new byte[][] {keys.leases(), keys.deadlines(), keys.counts(), keys.stats(), keys.busy(), keys.items(),
            keys.acks(), keys.meta()},
        args.toArray(byte[][]::new));
  }

  @Override
  public void requeue(Lease lease) {
    if (held.remove(lease.id()) == null) {
      throw new IllegalStateException("lease " + lease.id() + " is not held");
    }
    returns.handBack(lease); // false: the lease expired and was reaped, its request is queued already
    idle.reset();
  }

  /** Stored: the queue is in Redis. */
  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public long queued() {
    List<KeyValue<byte[], byte[]>> counts = link.call(c -> c.hmget(keys.counts(), RedisKeys.bytes("queued"),
        RedisKeys.bytes("leased")));
    long othersLeased = Math.max(0, count(counts.get(1)) - held.size());
    return count(counts.get(0)) + othersLeased;
  }

  private static long count(KeyValue<byte[], byte[]> kv) {
    return kv.hasValue() ? Long.parseLong(new String(kv.getValue(), StandardCharsets.US_ASCII))
        : 0;
  }

  /**
   * False with keep-alive (the worker waits for pushed requests), or when the last take did not look in Redis
   * (an idle worker's wait, {@link IdlePolls}); else: nothing queued, no worker busy.
   */
  @Override
  public boolean exhausted() {
    return !keepAlive && held.isEmpty() && !idle.skippedLast() && queued() == 0;
  }

  @Override
  public SharedPoliteness politeness() {
    return politeness;
  }

  /**
   * The sink to add to the crawl ({@code Crawler.Builder.sink}) for items committed to the crawl's stream with
   * their leases' acks.
   */
  public ItemSink items() {
    return items;
  }

  @Override
  public long leased() {
    return held.size();
  }

  @Override
  public long seen() {
    return link.call(c -> c.scard(keys.seen()));
  }

  /** Pauses, resumes and stops every worker of this crawl at once. */
  public CrawlControl control() {
    return new CrawlControl(link, keys);
  }

  /**
   * Joins {@code crawler} (the one crawling with this frontier) to its crawl on Redis until the heartbeat is
   * closed: it reports {@code figures} and follows the crawl's pause and stop ({@link WorkerHeartbeat}). Close it
   * before this frontier.
   */
  public WorkerHeartbeat join(Crawler crawler, Supplier<WorkerFigures> figures) {
    return WorkerHeartbeat.start(link, keys, crawler, figures);
  }

  /** The crawl's counters summed over every worker's acknowledged work. */
  public Map<String, Long> crawlStats() {
    Map<byte[], byte[]> raw = link.call(c -> c.hgetall(keys.stats()));
    Map<String, Long> stats = new TreeMap<>();
    raw.forEach((k, v) -> stats.put(new String(k, StandardCharsets.UTF_8),
        Long.parseLong(new String(v, StandardCharsets.US_ASCII))));
    return stats;
  }

  /**
   * Hands back the leases still held (so other workers need not wait for them to expire), then disconnects.
   * Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    keeper.close();
    try {
      for (Lease lease : List.copyOf(held.values())) {
        requeue(lease);
      }
    } catch (FrontierException e) {
      LOG.warn("cannot hand back {} leases to {} (they return after the lease timeout): {}", held.size(),
          link.where(), e.getMessage());
    } finally {
      link.close();
    }
  }
}
