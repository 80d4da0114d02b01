package dev.kumo.export;

import dev.kumo.Item;
import java.io.IOException;

/**
 * Writes items to one {@link Feed}; get one from {@link FeedExporters#open}.
 *
 * <p>Not thread-safe: the item pipeline calls an exporter from a single thread. Each exported item
 * adds one to the stat {@code feedexport/success_count/<format>}; an item that fails adds one to
 * {@code feedexport/failed_count/<format>} and the exception is rethrown.
 */
public interface FeedExporter extends AutoCloseable {

  /**
   * Writes {@code item}.
   *
   * @throws IOException when the file cannot be written; the file may then be incomplete
   * @throws IllegalStateException when the exporter is closed
   */
  void export(Item item) throws IOException;

  /**
   * Hands every item written so far to the operating system (a killed process then loses none of them); the
   * file may still lack its ending (a JSON array's {@code ]}) until {@link #close()}.
   */
  void flush() throws IOException;

  /** Finishes the file (e.g. the closing {@code ]} of a JSON array) and closes it; idempotent. */
  @Override
  void close() throws IOException;

  /** How many items this exporter wrote (not counting what the file held before). */
  long count();
}
