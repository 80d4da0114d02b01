package dev.kumo.pipeline;

import dev.kumo.Item;
import dev.kumo.stats.Stats;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries items from callbacks to sinks through a bounded queue and one pipeline thread. {@link #submit}
 * blocks while the queue is full. {@link #close()} drains what is queued, then closes the sinks.
 *
 * <p>Internal to the engine; users plug in {@link ItemProcessor}s and sinks through {@link dev.kumo.Crawler}.
 */
public final class ItemPipeline {
  private static final Logger log = LoggerFactory.getLogger(ItemPipeline.class);
  private static final Item END = Item.of("__end__", true);

  private final List<ItemProcessor> processors;
  private final List<ItemSink> sinks;
  private final BlockingQueue<Item> queue;
  private final Stats stats;
  private final Consumer<Item> onScraped;
  private final Thread thread;
  private volatile boolean aborted;

  /**
   * A pipeline, started at once.
   *
   * @param capacity the queue's bound
   * @param onScraped called after each item reached every sink (for closing conditions)
   */
  public ItemPipeline(List<ItemProcessor> processors, List<ItemSink> sinks, int capacity, Stats stats,
      Consumer<Item> onScraped) {
    this.processors = List.copyOf(processors);
    this.sinks = List.copyOf(sinks);
    this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
    this.stats = stats;
    this.onScraped = onScraped;
    this.thread = Thread.ofPlatform().name("kumo-pipeline").daemon(true).start(this::run);
  }

  /** Queues {@code item}, waiting while the queue is full. */
  public void submit(Item item) throws InterruptedException {
    if (aborted) {
      stats.increment("item_dropped_count");
      stats.increment("item_dropped_reasons_count/aborted");
      return;
    }
    queue.put(item);
    stats.max("pipeline/queue_peak", queue.size());
  }

  /** Items waiting in the queue. */
  public int queued() {
    return queue.size();
  }

  private void run() {
    try {
      while (true) {
        Item item = queue.take();
        if (item == END) {
          return;
        }
        if (!aborted) {
          try {
            handle(item);
          } catch (RuntimeException | Error e) { // keep the thread alive, or callbacks would wait forever
            stats.increment("pipeline_exceptions/" + e.getClass().getSimpleName());
            stats.increment("log_count/ERROR");
            log.error("Item pipeline failed on {}", item, e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(Item item) {
    Item current = item;
    for (ItemProcessor p : processors) {
      try {
        current = p.process(current);
      } catch (Exception e) {
        stats.increment("pipeline_exceptions/" + e.getClass().getSimpleName());
        stats.increment("log_count/ERROR");
        log.error("Item processor {} failed on {}", p.getClass().getName(), item, e);
        current = null;
      }
      if (current == null) {
        stats.increment("item_dropped_count");
        return;
      }
    }
    for (ItemSink sink : sinks) {
      try {
        sink.accept(current);
      } catch (IOException | RuntimeException e) {
        stats.increment("item_sink_errors/" + e.getClass().getSimpleName());
        stats.increment("log_count/ERROR");
        log.error("Writing an item failed: {}", e.toString());
      }
    }
    stats.increment("item_scraped_count");
    onScraped.accept(current);
  }

  /** Drains the queue, stops the thread and closes every sink. */
  public void close() throws InterruptedException {
    queue.put(END);
    thread.join();
    closeSinks();
  }

  /** Drops what is queued, stops the thread and closes every sink. */
  public void abort() throws InterruptedException {
    aborted = true;
    int dropped = queue.size();
    queue.clear();
    if (dropped > 0) {
      stats.add("item_dropped_count", dropped);
      stats.add("item_dropped_reasons_count/aborted", dropped);
    }
    queue.put(END);
    thread.join();
    closeSinks();
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
