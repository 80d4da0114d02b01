package dev.kumo.download;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Cancels a library client's call when the thread waiting on it is interrupted (an abort). A platform thread
 * blocked in {@code java.net.Socket} I/O does not notice an interrupt, so one daemon thread for the JVM looks
 * at the watched threads every {@value #PERIOD_MS} ms and cancels the calls of the interrupted ones.
 */
final class InterruptWatch implements AutoCloseable {
  private static final long PERIOD_MS = 20;
  private static final Set<InterruptWatch> WATCHED = ConcurrentHashMap.newKeySet();

  static {
    Thread.ofPlatform().name("kumo-http-interrupt-watch").daemon(true).start(InterruptWatch::loop);
  }

  private final Thread thread = Thread.currentThread();
  private final Runnable cancel;

  private InterruptWatch(Runnable cancel) {
    this.cancel = cancel;
  }

  /** Runs {@code cancel} once if the current thread is interrupted before {@link #close}. */
  static InterruptWatch cancelOnInterrupt(Runnable cancel) {
    InterruptWatch watch = new InterruptWatch(cancel);
    WATCHED.add(watch);
    return watch;
  }

  @Override
  public void close() {
    WATCHED.remove(this);
  }

  private static void loop() {
    while (true) {
      for (InterruptWatch w : WATCHED) {
        if (w.thread.isInterrupted() && WATCHED.remove(w)) {
          w.cancel.run();
        }
      }
      try {
        TimeUnit.MILLISECONDS.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return; // only at JVM exit
      }
    }
  }
}
