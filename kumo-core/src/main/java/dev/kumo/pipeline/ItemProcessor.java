package dev.kumo.pipeline;

import dev.kumo.Item;
import dev.kumo.Spider;
import org.jspecify.annotations.Nullable;

/**
 * One step of the item pipeline (Scrapy's item pipeline component): cleans, validates, enriches or drops
 * items. Runs on the pipeline's single thread, so it need not be thread-safe.
 *
 * <p>Listed in the setting {@code item_pipelines} ({@code {"com.example.Dedup": 300}}), a processor needs a
 * public constructor taking {@link dev.kumo.Settings} or none; {@link #open} and {@link #close} are called
 * once, before the crawl's first request and after its last item.
 */
@FunctionalInterface
public interface ItemProcessor {
  /**
   * Processes {@code item}.
   *
   * @return the item to pass on (the same or a changed copy), or null to drop it (counted as
   *     {@code item_dropped_count})
   * @throws DropItem to drop it with a reason (counted per reason)
   * @throws Exception a failure, counted as {@code pipeline_exceptions/<Type>}; the item is dropped
   */
  @Nullable Item process(Item item) throws Exception;

  /**
   * Called once before the crawl starts (Scrapy's {@code open_spider}).
   *
   * @throws Exception a failure, which stops the crawl before it starts
   */
  default void open(Spider spider) throws Exception {}

  /** Called once after the last item (Scrapy's {@code close_spider}); a failure is logged and counted. */
  default void close(Spider spider) throws Exception {}
}
