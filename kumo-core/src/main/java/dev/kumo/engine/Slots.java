package dev.kumo.engine;

import dev.kumo.frontier.SharedPoliteness;
import dev.kumo.frontier.SlotRules;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Download slots: per domain (or per IP) concurrency permits and start delays. A slot can start a request
 * when it has fewer than its limit in flight, its delay since the last start has passed, and it is not paused
 * (Retry-After, retry backoff). With a delay, starts are spaced by the jittered delay, so a slot never bursts.
 *
 * <p>A slot's delay is the largest of its policy's delay, the robots.txt {@code Crawl-delay} and the
 * AutoThrottle delay. Thread-safe: changes take one lock (each is a few field updates); {@link #waitNanos}, which
 * the frontier calls while holding its own lock, takes none (it reads volatile fields).
 *
 * <p>With a frontier shared by many processes, pauses, the gap after each send and AutoThrottle's delay are
 * also told to its {@link SharedPoliteness} (after the lock is released), so they hold for every process.
 */
final class Slots {
  private final SlotPolicy defaults;
  private final Map<String, SlotPolicy> overrides;
  private final RandomGenerator random;
  private final long initialThrottleNanos;
  private final boolean probation;
  private final SharedPoliteness shared;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  /** A slot's state. */
  private static final class Slot {
    final SlotPolicy policy;
    volatile int active;
    volatile long nextStartNanos = Long.MIN_VALUE;
    /** The earliest next start that the last request actually sent allows. */
    long sentNextStartNanos = Long.MIN_VALUE;
    volatile long pausedUntilNanos = Long.MIN_VALUE;
    long crawlDelayNanos;
    long throttleNanos;
    long lastDelayNanos;
    long started;
    volatile long finished;
    /** A request of the slot went past the downloader's request steps (robots.txt among them) to the server. */
    volatile boolean sent;
    int maxActive;
    final boolean probation;

    Slot(SlotPolicy policy, long throttleNanos, boolean probation) {
      this.policy = policy;
      this.throttleNanos = throttleNanos;
      this.probation = probation;
    }

    /**
     * One request at a time until the first one is sent (it fetched robots.txt on its way, and its Crawl-delay is
     * applied) or done, then the policy's limit.
     */
    int limit() {
      return onProbation() ? 1 : policy.concurrency();
    }

    boolean onProbation() {
      return probation && !sent && finished == 0;
    }

    long delayNanos() {
      return Math.max(policy.delayNanos(), Math.max(crawlDelayNanos, throttleNanos));
    }

    boolean ready(long now) {
      return active < limit() && now >= nextStartNanos && now >= pausedUntilNanos;
    }
  }

  /**
   * A slot's figures.
   *
   * @param key the slot key
   * @param active requests in flight
   * @param limit its concurrency limit
   * @param started requests started
   * @param maxActive the most in flight at once
   * @param delayNanos its current delay
   */
  record View(String key, int active, int limit, long started, int maxActive, long delayNanos) {}

  /**
   * Slots with {@code defaults}, {@code overrides} by slot key, and an initial AutoThrottle delay
   * ({@code initialThrottleNanos}, 0 without AutoThrottle). With {@code probation}, a new slot runs one request
   * at a time until its first is sent or done: with robots.txt obeyed, that first request fetches robots.txt
   * before it is sent, and the others would only wait for it while holding permits (and would start before a
   * Crawl-delay is known).
   */
  Slots(SlotPolicy defaults, Map<String, SlotPolicy> overrides, long initialThrottleNanos, boolean probation) {
    this(defaults, overrides, initialThrottleNanos, probation, SharedPoliteness.LOCAL);
  }

  /** Slots whose pauses, sends and AutoThrottle delays are also told to {@code shared}; otherwise as above. */
  Slots(SlotPolicy defaults, Map<String, SlotPolicy> overrides, long initialThrottleNanos, boolean probation,
      SharedPoliteness shared) {
    this(defaults, overrides, initialThrottleNanos, probation, () -> ThreadLocalRandom.current().nextLong(), shared);
  }

  /** Slots that draw their jitter from {@code random} (seeded in tests); otherwise as above. */
  Slots(SlotPolicy defaults, Map<String, SlotPolicy> overrides, long initialThrottleNanos, boolean probation,
      RandomGenerator random) {
    this(defaults, overrides, initialThrottleNanos, probation, random, SharedPoliteness.LOCAL);
  }

  private Slots(SlotPolicy defaults, Map<String, SlotPolicy> overrides, long initialThrottleNanos,
      boolean probation, RandomGenerator random, SharedPoliteness shared) {
    this.shared = shared;
    this.random = random;
    this.defaults = defaults;
    this.overrides = Map.copyOf(overrides);
    this.initialThrottleNanos = initialThrottleNanos;
    this.probation = probation;
  }

  private Slot slot(String key) {
    return slots.computeIfAbsent(key,
        k -> new Slot(overrides.getOrDefault(k, defaults), initialThrottleNanos, probation));
  }

  /** Whether {@code key} can start a request at {@code now}. */
  synchronized boolean canStart(String key, long now) {
    Slot s = slots.get(key);
    return s == null || s.ready(now);
  }

  /**
   * Nanoseconds until {@code key} may start, if only time holds it back; 0 when it can start now and
   * {@link Long#MAX_VALUE} when it waits for a request in flight to finish. Takes no lock: only the dispatcher
   * starts requests, so a value read while another thread finishes one or pauses the slot errs on the side of
   * waiting, or starts at the moment the pause was set.
   */
  long waitNanos(String key, long now) {
    Slot s = slots.get(key);
    if (s == null || s.ready(now)) {
      return 0;
    }
    if (s.active >= s.limit()) {
      return Long.MAX_VALUE;
    }
    return Math.max(s.nextStartNanos, s.pausedUntilNanos) - now;
  }

  /**
   * What {@code key} may do by this process's settings: its concurrency now (1 while on probation) and a
   * freshly jittered delay.
   */
  synchronized SlotRules rules(String key) {
    Slot s = slot(key);
    return new SlotRules(s.limit(), jittered(s.delayNanos(), s.policy.jitter()));
  }

  /** Records a start in {@code key} at {@code now}. */
  synchronized void start(String key, long now) {
    Slot s = slot(key);
    s.active++;
    s.started++;
    s.maxActive = Math.max(s.maxActive, s.active);
    s.lastDelayNanos = jittered(s.delayNanos(), s.policy.jitter());
    s.nextStartNanos = now + s.lastDelayNanos;
  }

  /**
   * Records that the request started in {@code key} is being sent at {@code now}: the delay counts from
   * here, so a request that took a while to get its thread does not shorten the gap seen by the server. Ends the
   * slot's probation: true when this raised its limit (the dispatcher may start more in it now).
   */
  boolean sending(String key, long now) {
    long gap;
    boolean opened;
    synchronized (this) {
      Slot s = slots.get(key);
      if (s == null) {
        return false;
      }
      opened = s.onProbation() && s.policy.concurrency() > 1;
      s.sent = true;
      // a Crawl-delay learnt since the start (robots.txt) counts already
      gap = Math.max(s.lastDelayNanos, s.crawlDelayNanos);
      s.nextStartNanos = Math.max(s.nextStartNanos, now + gap);
      s.sentNextStartNanos = s.nextStartNanos;
    }
    if (gap > 0) {
      shared.sending(key, gap);
    }
    return opened;
  }

  /**
   * Records that the request started in {@code key} was answered by the HTTP cache: nothing reached the
   * server, so the next start waits only for the delay of the last request that was sent.
   */
  synchronized void servedFromCache(String key) {
    Slot s = slots.get(key);
    if (s != null) {
      s.nextStartNanos = s.sentNextStartNanos;
    }
  }

  /** Records the end of a download in {@code key}. */
  synchronized void finish(String key) {
    Slot s = slots.get(key);
    if (s == null || s.active == 0) {
      throw new IllegalStateException("no download in flight in slot " + key);
    }
    s.active--;
    s.finished++;
  }

  /**
   * Pauses {@code key} until {@code untilNanos} (Retry-After, backoff; {@link System#nanoTime()}'s clock);
   * never shortens a pause.
   */
  void pauseUntil(String key, long untilNanos) {
    synchronized (this) {
      Slot s = slot(key);
      s.pausedUntilNanos = Math.max(s.pausedUntilNanos, untilNanos);
    }
    shared.pause(key, untilNanos - System.nanoTime());
  }

  /** Raises {@code key}'s delay to at least {@code crawlDelayNanos} (robots.txt Crawl-delay). */
  synchronized void crawlDelay(String key, long crawlDelayNanos) {
    Slot s = slot(key);
    s.crawlDelayNanos = Math.max(s.crawlDelayNanos, crawlDelayNanos);
  }

  /** The AutoThrottle delay of {@code key}: the one another process last shared, else this one's. */
  long throttleNanos(String key) {
    long elsewhere = shared.throttleNanos(key);
    synchronized (this) {
      Slot s = slot(key);
      if (elsewhere >= 0) {
        s.throttleNanos = elsewhere;
      }
      return s.throttleNanos;
    }
  }

  /** Sets the AutoThrottle delay of {@code key} (for every process sharing the frontier). */
  void throttleNanos(String key, long nanos) {
    synchronized (this) {
      slot(key).throttleNanos = nanos;
    }
    shared.throttleNanos(key, nanos);
  }

  /** Requests in flight in {@code key}. */
  synchronized int active(String key) {
    Slot s = slots.get(key);
    return s == null ? 0 : s.active;
  }

  private long jittered(long delay, double jitter) {
    if (delay == 0 || jitter == 0) {
      return delay;
    }
    return (long) (delay * random.nextDouble(1 - jitter, 1 + jitter));
  }

  /** Every slot's figures. */
  synchronized List<View> snapshot() {
    return slots.entrySet().stream()
        .map(e -> new View(e.getKey(), e.getValue().active, e.getValue().policy.concurrency(),
            e.getValue().started, e.getValue().maxActive, e.getValue().delayNanos()))
        .toList();
  }
}
