package dev.kumo.frontier;

import dev.kumo.Request;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The crawl's queue of requests and its seen-set. Implementations: in memory ({@link MemoryFrontier}); a
 * durable job directory and a shared Redis frontier implement the same contract.
 *
 * <p>A request is {@linkplain #offer offered} (deduplicated by fingerprint, then queued under its download
 * slot), {@linkplain #take taken} as a {@link Lease}, and finally {@linkplain #ack acknowledged} when its work
 * is done, or {@linkplain #requeue requeued}. A lease never acknowledged is not lost: requeue it, or (for
 * durable frontiers) it returns to the queue when the process that held it is gone.
 *
 * <p>{@link #take} is slot-aware: it hands out the best request whose slot the caller says can start now,
 * so a slow or delayed slot never blocks the others. Thread-safe.
 */
public interface Frontier extends AutoCloseable {
  /** What became of an offered request. */
  enum Offer {
    /** Queued. */
    QUEUED,
    /** Dropped: its fingerprint was seen before. */
    DUPLICATE
  }

  /**
   * Queues {@code request} under {@code slot} unless its fingerprint was seen before (a request with
   * {@link Request#dontFilter()} is queued anyway). A durable frontier has written it when this returns, and it
   * survives a crash no later than the next {@link #ack} (writes survive in order).
   *
   * @throws IllegalArgumentException when the request cannot be stored (a durable frontier and a meta value
   *     that is not a plain type); the message names the key
   * @throws FrontierException when the storage failed
   */
  Offer offer(Request request, Fingerprint fingerprint, String slot);

  /**
   * The best queued request whose slot passes {@code slotReady}, leased to the caller; null when no slot
   * with queued requests is ready. Order: higher priority first, then FIFO or LIFO as configured.
   * {@code slotReady} is called with the frontier's lock held: it must only read (no locks, no I/O).
   */
  @Nullable Lease take(Predicate<String> slotReady);

  /**
   * The leases' work is done (their items are written): they will not be handed out again, in this process
   * or, for a durable frontier, after a restart. A durable frontier commits {@code checkpoint} in the same
   * atomic step, so that what it says about the feeds matches the leases acknowledged. Must not be called
   * while holding a lock that {@link #offer} or {@link #take} callers need: it may wait for the disk.
   *
   * @throws IllegalStateException when a lease is not held
   * @throws FrontierException when the storage failed; nothing was acknowledged then
   */
  void ack(List<Lease> leases, Checkpoint checkpoint);

  /** Acknowledges one lease with nothing else to commit. */
  default void ack(Lease lease) {
    ack(List.of(lease), Checkpoint.EMPTY);
  }

  /** Whether this frontier keeps its state beyond the process (and so wants {@link Checkpoint}s). */
  default boolean durable() {
    return false;
  }

  /**
   * Whether this frontier keeps the {@linkplain Checkpoint#itemIds() item ids} of what it acknowledges, across
   * restarts, and answers {@link #itemWritten}: the engine then writes an item with an id only once (a job
   * directory does; false by default, and then item ids are ignored).
   */
  default boolean keepsItemIds() {
    return false;
  }

  /**
   * Whether an item with the durable id {@code itemId} was committed by an earlier {@link #ack} (of this run or
   * of one before it). Asked only when {@link #keepsItemIds()}.
   *
   * @throws FrontierException when the storage failed
   */
  default boolean itemWritten(String itemId) {
    return false;
  }

  /**
   * The checkpoint committed last by a previous run of this crawl ({@link Checkpoint#EMPTY} for a new
   * crawl, or for a frontier in memory).
   */
  default Checkpoint resumedFrom() {
    return Checkpoint.EMPTY;
  }

  /** Puts the lease's request back in the queue (its work was not done). */
  void requeue(Lease lease);

  /** Requests waiting in the queue. */
  long queued();

  /** Requests leased and not yet acknowledged or requeued. */
  long leased();

  /** Fingerprints in the seen-set. */
  long seen();

  /**
   * Whether the crawl is over as far as this frontier knows: nothing queued and nothing leased (a frontier
   * shared by many processes counts theirs too, and may keep a crawl open for requests still to come).
   */
  default boolean exhausted() {
    return queued() == 0 && leased() == 0;
  }

  /** The politeness state kept for every process sharing this frontier ({@link SharedPoliteness#LOCAL}: none). */
  default SharedPoliteness politeness() {
    return SharedPoliteness.LOCAL;
  }

  @Override
  void close();
}
