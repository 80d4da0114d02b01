package dev.kumo.engine;

import dev.kumo.frontier.Lease;

/** One request at a time on the crawl's own thread: download, callback, next. Deterministic order. */
final class SequentialModel implements ExecutionModel {
  private final Engine engine;
  private volatile Thread runner;

  SequentialModel(Engine engine) {
    this.engine = engine;
  }

  @Override
  public void launch(Lease lease) {
    runner = Thread.currentThread();
    engine.process(lease);
  }


  @Override
  public void abort() {
    Thread t = runner;
    if (t != null && t != Thread.currentThread()) {
      t.interrupt();
    }
  }

  @Override
  public void close() {}
}
