package dev.kumo.engine;

import dev.kumo.Response;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
  public void launch(LeaseTicket ticket) {
    downloads.execute(() -> download(ticket));
  }

  private void download(LeaseTicket ticket) {
    Response response;
    try {
      response = engine.download(ticket);
      if (response != null) {
        parseBacklog.acquire();
      }
    } catch (InterruptedException | CrawlAbortedException e) { // aborting: the request was not done
      engine.downloadDone();
      engine.abandon(ticket);
      return;
    }
    if (response == null) { // nothing to parse: hand the ticket to the pipeline while still counted as a download
      engine.finish(ticket);
      engine.downloadDone();
      return;
    }
    engine.downloadDone();
    try {
      parsers.execute(new ParseTask(ticket, response));
    } catch (RejectedExecutionException e) { // aborting
      parseBacklog.release();
      engine.abandon(ticket);
    }
  }

  /** A response waiting for a parser; its own type so that an abort can requeue what never ran. */
  @Override
  public int waitingToParse() {
    return parsers.getQueue().size();
  }

  private final class ParseTask implements Runnable {
    private final LeaseTicket ticket;
    private final Response response;

    ParseTask(LeaseTicket ticket, Response response) {
      this.ticket = ticket;
      this.response = response;
    }

    @Override
    public void run() {
      try {
        engine.handle(ticket, response);
      } finally {
        parseBacklog.release();
      }
    }
  }

  @Override
  public void abort() {
    downloads.shutdownNow();
    for (Runnable neverRan : parsers.shutdownNow()) {
      if (neverRan instanceof ParseTask task) {
        parseBacklog.release();
        engine.abandon(task.ticket);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    downloads.shutdown();
    downloads.awaitTermination(1, TimeUnit.MINUTES);
    parsers.shutdown();
    parsers.awaitTermination(1, TimeUnit.MINUTES);
  }
}
