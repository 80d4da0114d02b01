package dev.kumo.download;

import dev.kumo.stats.Stats;
import java.io.InterruptedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The crawl-wide budget of bytes held in response bodies ({@code download_memory_budget}): every array a
 * transport allocates for a body (raw, decoded, or the exact copy of either) is reserved here before it is
 * allocated, and given back when the array is dropped or when the engine is done with the response. The sum
 * of reserved bytes never exceeds {@link #limit()}, whatever the concurrency.
 *
 * <p>A download that needs more room than is free waits until another body is given back. It is cut (a
 * {@link DownloadException} with reason {@value DownloadException#MEMORY}) when it needs more than the whole
 * budget, when its download deadline passes while it waits, or when every download holding a share is itself
 * waiting (nothing could free memory: a deadlock). Thread-safe.
 */
public final class BodyBudget {
  private final long limit;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition freed = lock.newCondition();
  private long used;
  private long peak;
  private int holders;
  private int waitingHolders;
  private long waits;
  private long cuts;

  private BodyBudget(long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a body budget must be at least 1 byte, not " + limit);
    }
    this.limit = limit;
  }

  /** A budget of {@code bytes}. */
  public static BodyBudget of(long bytes) {
    return new BodyBudget(bytes);
  }

  /** The budget {@code download_memory_budget} sets: {@code bytes}, or a quarter of the max heap when 0. */
  public static BodyBudget forSetting(long bytes) {
    return of(bytes > 0 ? bytes : Runtime.getRuntime().maxMemory() / 4);
  }

  /** The most bytes held at once. */
  public long limit() {
    return limit;
  }

  /** Bytes held now. */
  public long used() {
    return read(() -> used);
  }

  /** The most bytes ever held at once. */
  public long peak() {
    return read(() -> peak);
  }

  /** How many times a download waited for room. */
  public long waits() {
    return read(() -> waits);
  }

  /** How many downloads were cut for want of room. */
  public long cuts() {
    return read(() -> cuts);
  }

  private long read(LongSupplier field) {
    lock.lock();
    try {
      return field.getAsLong();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Adds this budget's figures to a crawl's stats: {@code memory/body_budget_bytes} (the limit),
   * {@code memory/body_budget_peak_bytes} (the most held at once) and {@code memory/body_budget_waits}.
   */
  public void report(Stats stats) {
    stats.set("memory/body_budget_bytes", limit);
    stats.max("memory/body_budget_peak_bytes", peak());
    stats.add("memory/body_budget_waits", waits());
  }

  /** A new, empty share for one download of {@code url}, which may wait for room until {@code deadlineNanos}. */
  BodyHold hold(String url, long deadlineNanos) {
    return new BodyHold(this, url, deadlineNanos);
  }

  /** Reserves {@code bytes} more for {@code hold}, waiting for room when needed. */
  void acquire(BodyHold hold, long bytes) throws DownloadException, InterruptedIOException {
    lock.lock();
    try {
      if (hold.ended) {
        throw new DownloadException(DownloadException.IO, "the download of " + hold.url + " has already ended");
      }
      if (bytes > limit - hold.held) {
        throw cut(hold, bytes, "more than the whole download_memory_budget (" + limit + " bytes)");
      }
      boolean counted = false;
      while (used + bytes > limit) {
        boolean holder = hold.held > 0;
        if (waitingHolders + (holder ? 1 : 0) >= holders) {
          throw cut(hold, bytes, "download_memory_budget (" + limit + " bytes) is full and every body in it is "
              + "waiting for room too");
        }
        long left = hold.deadlineNanos - System.nanoTime();
        if (left <= 0) {
          throw cut(hold, bytes, "download_memory_budget (" + limit + " bytes) stayed full until download_timeout");
        }
        if (!counted) {
          waits++;
          counted = true;
        }
        waitingHolders += holder ? 1 : 0;
        try {
          freed.awaitNanos(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for room for the body of " + hold.url);
        } finally {
          waitingHolders -= holder ? 1 : 0;
        }
      }
      if (hold.held == 0 && bytes > 0) {
        holders++;
      }
      hold.held += bytes;
      used += bytes;
      peak = Math.max(peak, used);
    } finally {
      lock.unlock();
    }
  }

  /** Gives back all that {@code hold} has, and refuses it anything more. */
  void end(BodyHold hold) {
    lock.lock();
    try {
      hold.ended = true;
      release(hold, hold.held);
    } finally {
      lock.unlock();
    }
  }

  /** Gives back {@code bytes} (at most what {@code hold} has). */
  void release(BodyHold hold, long bytes) {
    lock.lock();
    try {
      long n = Math.min(bytes, hold.held);
      if (n <= 0) {
        return;
      }
      hold.held -= n;
      used -= n;
      if (hold.held == 0) {
        holders--;
      }
      freed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private DownloadException cut(BodyHold hold, long bytes, String why) {
    cuts++;
    return new DownloadException(DownloadException.MEMORY, "body of " + hold.url + " cut: " + bytes
        + " more bytes would pass " + why);
  }
}
