package dev.kumo.download;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket when its exchange's deadline passes, for the steps a socket timeout cannot bound: a write
 * to a server that does not read, and a TLS handshake that a server trickles. One daemon thread for the JVM.
 */
final class Watchdog implements AutoCloseable {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private final ScheduledFuture<?> task;
  private volatile boolean fired;

  private Watchdog(Closeable target, long deadlineNanos) {
    this.task = TIMER.schedule(() -> {
      fired = true;
      try {
        target.close();
      } catch (IOException ignored) {
        // closed is all we wanted
      }
    }, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /** Closes {@code target} at {@code deadlineNanos} ({@link System#nanoTime}) unless closed first. */
  static Watchdog arm(Closeable target, long deadlineNanos) {
    return new Watchdog(target, deadlineNanos);
  }

  /** Whether the deadline passed and the target was closed. */
  boolean fired() {
    return fired;
  }

  /** Disarms the watchdog. */
  @Override
  public void close() {
    task.cancel(false);
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1,
        r -> Thread.ofPlatform().name("kumo-http-watchdog").daemon(true).unstarted(r));
    t.setRemoveOnCancelPolicy(true);
    return t;
  }
}
