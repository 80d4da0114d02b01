package dev.kumo.download;

import java.io.InterruptedIOException;

/**
 * One download's share of the {@link BodyBudget}: it grows before each body array is allocated and shrinks when
 * one is dropped. Closed on failure (all of it given back at once), or handed over to the {@link
 * dev.kumo.Response}, whose {@code release()} gives it back when the engine is done with the response; a share that
 * ended never grows again (a late write of a cancelled download is refused). The budget's lock guards the fields;
 * growing is for the downloading thread, the release may come from any thread.
 */
final class BodyHold implements AutoCloseable {
  private final BodyBudget budget;
  final String url;
  final long deadlineNanos;
  /** Bytes held; guarded by the budget's lock. */
  long held;
  /** Whether everything was given back for good; guarded by the budget's lock. */
  boolean ended;
  private boolean handedOver;

  BodyHold(BodyBudget budget, String url, long deadlineNanos) {
    this.budget = budget;
    this.url = url;
    this.deadlineNanos = deadlineNanos;
  }

  /** Reserves {@code bytes} more, waiting for room if needed. */
  void grow(long bytes) throws DownloadException, InterruptedIOException {
    budget.acquire(this, bytes);
  }

  /** Gives back {@code bytes} of an array that is no longer referenced. */
  void shrink(long bytes) {
    budget.release(this, bytes);
  }

  /** Gives everything back and refuses to grow again; idempotent. */
  void releaseAll() {
    budget.end(this);
  }

  /** The response owns the share from now on: {@link #close()} no longer gives it back. */
  Runnable handOver() {
    handedOver = true;
    return this::releaseAll;
  }

  /** Gives everything back unless the share was handed over to a response. */
  @Override
  public void close() {
    if (!handedOver) {
      releaseAll();
    }
  }
}
