package dev.kumo.engine;

import dev.kumo.Response;
import dev.kumo.frontier.Lease;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Downloads on virtual threads, callbacks on a pool of {@code parse_threads} platform threads. Parsing is
 * CPU-bound and the JVM has no global lock, so the pool is sized to the cores; a slow callback never holds a
 * connection, and a slow download never holds a parser.
 *
 * <p>The hand-off is bounded: at most {@code queue_capacity} responses wait for a parser. When they do, the
 * downloading virtual thread waits to hand its response over, still counting as in flight, so the engine
 * starts no new download (back-pressure).
 */
final class AsyncModel implements ExecutionModel {
  private final Engine engine;
  private final ExecutorService downloads;
  private final ThreadPoolExecutor parsers;
  private final Semaphore parseBacklog;

  AsyncModel(Engine engine, int parseThreads, int capacity) {
    this.engine = engine;
    this.downloads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kumo-download-", 1).factory());
    AtomicInteger n = new AtomicInteger();
    int backlog = Math.max(1, capacity);
    this.parsers = new ThreadPoolExecutor(parseThreads, parseThreads, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(backlog + parseThreads),
        r -> Thread.ofPlatform().name("kumo-parse-" + n.incrementAndGet()).daemon(true).unstarted(r));
    this.parseBacklog = new Semaphore(backlog + parseThreads);
  }

  @Override
  public void launch(Lease lease) {
    downloads.execute(() -> {
      Response response = engine.download(lease);
      if (response == null) {
        engine.downloadDone(lease);
        engine.finish(lease);
        return;
      }
      try {
        parseBacklog.acquire();
      } catch (InterruptedException e) {
        engine.downloadDone(lease);
        engine.abandon(lease);
        return;
      }
      engine.downloadDone(lease);
      parsers.execute(() -> {
        try {
          engine.handle(lease, response);
        } finally {
          parseBacklog.release();
        }
      });
    });
  }


  @Override
  public void abort() {
    downloads.shutdownNow();
    parsers.shutdownNow();
  }

  @Override
  public void close() throws InterruptedException {
    downloads.shutdown();
    downloads.awaitTermination(1, TimeUnit.MINUTES);
    parsers.shutdown();
    parsers.awaitTermination(1, TimeUnit.MINUTES);
  }
}
