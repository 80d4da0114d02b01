package dev.kumo.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of platform threads, one request per thread at a time: the thread downloads with blocking
 * I/O and then runs the callback itself (the classic crawler4j / WebMagic model). The pool has
 * {@code concurrent_requests} threads, and the engine never launches more than that at once.
 */
final class ThreadsModel implements ExecutionModel {
  private final Engine engine;
  private final ExecutorService pool;

  ThreadsModel(Engine engine, int threads) {
    this.engine = engine;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads,
        r -> Thread.ofPlatform().name("kumo-worker-" + n.incrementAndGet()).daemon(true).unstarted(r));
  }

  @Override
  public void launch(LeaseTicket ticket) {
    pool.execute(() -> engine.process(ticket));
  }


  @Override
  public void abort() {
    pool.shutdownNow(); // never has queued tasks: the engine launches at most as many requests as threads
  }

  @Override
  public void close() throws InterruptedException {
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
  }
}
