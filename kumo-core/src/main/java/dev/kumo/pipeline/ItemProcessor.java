package dev.kumo.pipeline;

import dev.kumo.Item;
import org.jspecify.annotations.Nullable;

/**
 * One step of the item pipeline (Scrapy's item pipeline component): cleans, validates, enriches or drops
 * items. Runs on the pipeline's single thread, so it need not be thread-safe.
 */
@FunctionalInterface
public interface ItemProcessor {
  /**
   * Processes {@code item}.
   *
   * @return the item to pass on (the same or a changed copy), or null to drop it (counted as
   *     {@code item_dropped_count})
   * @throws Exception a failure, counted as {@code pipeline_exceptions/<Type>}; the item is dropped
   */
  @Nullable Item process(Item item) throws Exception;
}
