package dev.kumo.frontier;

import dev.kumo.Request;
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
   * {@link Request#dontFilter()} is queued anyway).
   */
  Offer offer(Request request, Fingerprint fingerprint, String slot);

  /**
   * The best queued request whose slot passes {@code slotReady}, leased to the caller; null when no slot
   * with queued requests is ready. Order: higher priority first, then FIFO or LIFO as configured.
   */
  @Nullable Lease take(Predicate<String> slotReady);

  /** The lease's work is done; it will not be handed out again. */
  void ack(Lease lease);

  /** Puts the lease's request back in the queue (its work was not done). */
  void requeue(Lease lease);

  /** Requests waiting in the queue. */
  long queued();

  /** Requests leased and not yet acknowledged or requeued. */
  long leased();

  /** Fingerprints in the seen-set. */
  long seen();

  @Override
  void close();
}
