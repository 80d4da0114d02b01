package dev.kumo;

import dev.kumo.pipeline.ItemProcessor;
import dev.kumo.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The item processors of a crawl, opened before it and closed after it (Scrapy's open/close_spider). */
final class ItemProcessors {
  private static final Logger log = LoggerFactory.getLogger(ItemProcessors.class);

  private final List<ItemProcessor> opened;
  private final Spider spider;
  private final Stats stats;

  private ItemProcessors(List<ItemProcessor> opened, Spider spider, Stats stats) {
    this.opened = opened;
    this.spider = spider;
    this.stats = stats;
  }

  /**
   * Opens each processor in order.
   *
   * @throws IllegalStateException when one fails to open (those opened before it are closed again)
   */
  static ItemProcessors open(List<ItemProcessor> processors, Spider spider, Stats stats) {
    ItemProcessors done = new ItemProcessors(new ArrayList<>(), spider, stats);
    for (ItemProcessor p : processors) {
      try {
        p.open(spider);
      } catch (Exception e) {
        done.close();
        throw new IllegalStateException("item processor " + p.getClass().getName() + " failed to open: " + e, e);
      }
      done.opened.add(p);
    }
    return done;
  }

  /** Closes every opened processor, last opened first; a failure is logged and counted. */
  void close() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      ItemProcessor p = opened.get(i);
      try {
        p.close(spider);
      } catch (Exception e) {
        stats.increment("pipeline_exceptions/" + e.getClass().getSimpleName());
        stats.increment("log_count/ERROR");
        log.error("Item processor {} failed to close", p.getClass().getName(), e);
      }
    }
  }
}
