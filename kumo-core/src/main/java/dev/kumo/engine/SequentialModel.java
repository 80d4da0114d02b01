package dev.kumo.engine;

import org.jspecify.annotations.Nullable;

/** One request at a time on the crawl's own thread: download, callback, next. Deterministic order. */
final class SequentialModel implements ExecutionModel {
  private final Engine engine;
  private @Nullable Thread runner;

  SequentialModel(Engine engine) {
    this.engine = engine;
  }

  @Override
  public void launch(LeaseTicket ticket) {
    synchronized (this) {
      runner = Thread.currentThread();
    }
    try {
      engine.process(ticket);
    } finally {
      synchronized (this) {
        runner = null;
      }
    }
  }

  /** Interrupts the request being processed, if any; never the crawl's thread between requests. */
  @Override
  public synchronized void abort() {
    Thread t = runner;
    if (t != null && t != Thread.currentThread()) {
      t.interrupt();
    }
  }

  @Override
  public void close() {}
}
