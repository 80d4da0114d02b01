package dev.kumo.pipeline;

import dev.kumo.Item;
import java.io.IOException;

/**
 * Where processed items end: a feed exporter, or a consumer of the library user. Called from the pipeline's
 * single thread.
 */
public interface ItemSink extends AutoCloseable {
  /** Takes one item. */
  void accept(Item item) throws IOException;

  /**
   * Hands what {@link #accept} buffered to its destination: the pipeline calls it after each group of items and
   * before their requests are acknowledged, so a durable crawl never acknowledges an item still in a buffer.
   */
  default void flush() throws IOException {}

  /** Flushes and releases; called once at the end of the crawl. */
  @Override
  void close() throws IOException;
}
