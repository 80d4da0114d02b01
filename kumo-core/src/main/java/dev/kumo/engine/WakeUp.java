package dev.kumo.engine;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the dispatching thread when something it waits for may have changed: a request queued, a download
 * finished, a lease acknowledged, the crawl closing. The waiter always re-checks the state after waking, so a
 * spurious wake-up is harmless and no signal is lost.
 */
final class WakeUp {
  private final AtomicBoolean signalled = new AtomicBoolean();
  private volatile Thread waiter;

  /** Wakes the waiter, or makes its next wait return at once. */
  void signal() {
    if (signalled.compareAndSet(false, true)) {
      Thread t = waiter;
      if (t != null) {
        LockSupport.unpark(t);
      }
    }
  }

  /** Waits until signalled or {@code nanos} pass. */
  void await(long nanos) {
    waiter = Thread.currentThread();
    if (!signalled.getAndSet(false) && nanos > 0) {
      LockSupport.parkNanos(this, nanos);
      signalled.set(false);
    }
  }
}
