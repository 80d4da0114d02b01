package dev.kumo.pipeline;

import dev.kumo.Item;
import dev.kumo.signal.SignalListener;
import dev.kumo.stats.Stats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries items from callbacks to sinks through a bounded queue and one pipeline thread, in batches: the items
 * of one callback travel together with a token (the engine's lease). The thread writes whatever batches are
 * waiting, flushes the sinks once, then hands the group's tokens to the {@link Committer}: a lease is thus
 * acknowledged only after its items are written, and many leases share one commit.
 *
 * <p>{@link #submit} blocks while the queue is full. {@link #close()} drains what is queued, then closes the
 * sinks; {@link #abort()} drops it and returns the dropped tokens.
 *
 * <p>Internal to the engine; users plug in {@link ItemProcessor}s and sinks through {@link dev.kumo.Crawler}.
 *
 * @param <T> the token type
 */
public final class ItemPipeline<T> {
  private static final Logger log = LoggerFactory.getLogger(ItemPipeline.class);
  private static final int MAX_GROUP = 256;

  /** What the pipeline thread does with a group of tokens once their items are written and flushed. */
  @FunctionalInterface
  public interface Committer<T> {
    /**
     * Called on the pipeline thread.
     *
     * @param tokens the group's tokens, in submission order
     * @param allWritten false when a sink failed on an item or a flush of this group
     */
    void commit(List<T> tokens, boolean allWritten);

    /** The pipeline thread stopped on an unexpected error; nothing more will be written or committed. */
    default void pipelineDied(Throwable cause) {}
  }

  private record Batch<T>(List<Item> items, T token) {}

  private final List<ItemProcessor> processors;
  private final List<ItemSink> sinks;
  private final BlockingQueue<Batch<T>> queue;
  private final Stats stats;
  private final Consumer<Item> onScraped;
  private final Committer<T> committer;
  private final SignalListener signals;
  private final Batch<T> end = new Batch<>(List.of(), null);
  private final Thread thread;
  private final List<Batch<T>> skipped = new ArrayList<>(); // the pipeline thread's own; read after its join
  private volatile boolean aborted;

  /**
   * A pipeline, started at once.
   *
   * @param capacity the queue's bound, in batches
   * @param onScraped called after each item reached every sink (for closing conditions)
   * @param committer told of every group of batches once written
   */
  public ItemPipeline(List<ItemProcessor> processors, List<ItemSink> sinks, int capacity, Stats stats,
      Consumer<Item> onScraped, Committer<T> committer) {
    this(processors, sinks, capacity, stats, onScraped, committer, new SignalListener() {});
  }

  /** A pipeline, started at once, that tells {@code signals} of each item scraped, dropped or failed. */
  public ItemPipeline(List<ItemProcessor> processors, List<ItemSink> sinks, int capacity, Stats stats,
      Consumer<Item> onScraped, Committer<T> committer, SignalListener signals) {
    this.signals = signals;
    this.processors = List.copyOf(processors);
    this.sinks = List.copyOf(sinks);
    this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
    this.stats = stats;
    this.onScraped = onScraped;
    this.committer = committer;
    this.thread = Thread.ofPlatform().name("kumo-pipeline").daemon(true).start(this::run);
  }

  /**
   * Queues {@code items} with {@code token}, waiting while the queue is full; false (the items dropped and
   * counted, the token not committed) once the pipeline is aborted.
   */
  public boolean submit(List<Item> items, T token) throws InterruptedException {
    if (aborted) {
      countDropped(items.size());
      return false;
    }
    queue.put(new Batch<>(List.copyOf(items), token));
    stats.max("pipeline/queue_peak", queue.size());
    return true;
  }

  /** Batches waiting in the queue. */
  public int queued() {
    return queue.size();
  }

  private void run() {
    List<Batch<T>> group = new ArrayList<>();
    try {
      while (true) {
        group.add(queue.take());
        queue.drainTo(group, MAX_GROUP - 1);
        boolean ended = group.remove(end);
        if (aborted) {
          skipped.addAll(group); // taken after the abort began: handed back by abort(), never lost
        } else if (!group.isEmpty()) {
          writeGroup(group);
        }
        group.clear();
        if (ended) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      committer.pipelineDied(e); // the crawl must stop, not wait for commits that will never come
      throw e;
    }
  }

  private void writeGroup(List<Batch<T>> group) {
    boolean allWritten = true;
    List<T> tokens = new ArrayList<>(group.size());
    for (Batch<T> batch : group) {
      for (Item item : batch.items()) {
        allWritten &= handle(item);
      }
      tokens.add(batch.token());
    }
    for (ItemSink sink : sinks) {
      try {
        sink.flush();
      } catch (IOException | RuntimeException e) {
        allWritten = false;
        sinkFailed("Flushing", e);
      }
    }
    try {
      committer.commit(tokens, allWritten);
    } catch (RuntimeException e) { // keep the thread alive, or callbacks would wait forever; an Error aborts
      stats.increment("pipeline_exceptions/" + e.getClass().getSimpleName());
      stats.increment("log_count/ERROR");
      log.error("Committing {} batches failed", tokens.size(), e);
    }
  }

  /** Runs the processors and sinks on one item; false when a sink failed. */
  private boolean handle(Item item) {
    Item current = item;
    for (ItemProcessor p : processors) {
      try {
        current = p.process(current);
      } catch (DropItem drop) {
        stats.increment("item_dropped_count");
        stats.increment("item_dropped_reasons_count/" + drop.reason());
        log.debug("Dropped {}: {}", item, drop.getMessage());
        signals.itemDropped(item, drop.reason());
        return true;
      } catch (Exception | LinkageError | AssertionError e) { // a user's bug, counted like a callback's
        stats.increment("pipeline_exceptions/" + e.getClass().getSimpleName());
        stats.increment("log_count/ERROR");
        log.error("Item processor {} failed on {}", p.getClass().getName(), item, e);
        signals.itemError(item, e instanceof Exception x ? x : new IllegalStateException(e));
        current = null;
      }
      if (current == null) {
        stats.increment("item_dropped_count");
        signals.itemDropped(item, "none");
        return true;
      }
    }
    boolean written = true;
    for (ItemSink sink : sinks) {
      try {
        sink.accept(current);
      } catch (IOException | RuntimeException e) {
        written = false;
        sinkFailed("Writing an item", e);
      }
    }
    stats.increment("item_scraped_count");
    onScraped.accept(current);
    signals.itemScraped(current);
    return written;
  }

  private void sinkFailed(String what, Exception e) {
    stats.increment("item_sink_errors/" + e.getClass().getSimpleName());
    stats.increment("log_count/ERROR");
    log.error("{} failed: {}", what, e.toString());
  }

  /** Drains the queue, stops the thread and closes every sink. */
  public void close() throws InterruptedException {
    stopThread();
    closeSinks();
  }

  /** Ends the thread after what is queued; does not wait on a full queue that a dead thread no longer drains. */
  private void stopThread() throws InterruptedException {
    while (thread.isAlive() && !queue.offer(end, 100, TimeUnit.MILLISECONDS)) {
      // the thread is still draining a full queue
    }
    thread.join();
  }

  /**
   * Drops what is queued (counted), stops the thread and closes every sink; returns the tokens of every batch
   * not committed: those still queued, and those the thread took but had not started to write when the abort
   * began (a group being written is finished and committed).
   */
  public List<T> abort() throws InterruptedException {
    aborted = true;
    List<Batch<T>> dropped = new ArrayList<>();
    queue.drainTo(dropped);
    dropped.remove(end);
    countDropped(dropped);
    stopThread();
    countDropped(skipped);
    dropped.addAll(skipped);
    closeSinks();
    return dropped.stream().map(Batch::token).toList();
  }

  private void countDropped(List<Batch<T>> batches) {
    countDropped(batches.stream().mapToInt(b -> b.items().size()).sum());
  }

  private void countDropped(int items) {
    if (items > 0) {
      stats.add("item_dropped_count", items);
      stats.add("item_dropped_reasons_count/aborted", items);
    }
  }

  private void closeSinks() {
    for (ItemSink sink : sinks) {
      try {
        sink.close();
      } catch (IOException | RuntimeException e) {
        stats.increment("log_count/ERROR");
        log.error("Closing an item sink failed: {}", e.toString());
      }
    }
  }
}
