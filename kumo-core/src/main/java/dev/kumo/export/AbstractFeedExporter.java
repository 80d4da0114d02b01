package dev.kumo.export;

import dev.kumo.Item;
import dev.kumo.stats.Stats;
import java.io.IOException;
import java.nio.file.Path;

/** Counting, stats and the closed state shared by every exporter; subclasses only write. */
abstract class AbstractFeedExporter implements FeedExporter {
  private final Path path;
  private final Stats stats;
  private final String successKey;
  private final String failedKey;
  private long count;
  private boolean closed;

  AbstractFeedExporter(Feed feed, Stats stats) {
    this.path = feed.path();
    this.stats = stats;
    this.successKey = "feedexport/success_count/" + feed.format().key();
    this.failedKey = "feedexport/failed_count/" + feed.format().key();
  }

  @Override
  public final void export(Item item) throws IOException {
    if (closed) {
      throw new IllegalStateException("the feed exporter for " + path + " is closed");
    }
    try {
      write(item);
    } catch (IOException | RuntimeException e) {
      stats.increment(failedKey);
      throw e;
    }
    count++;
    stats.increment(successKey);
  }

  @Override
  public final void close() throws IOException {
    if (!closed) {
      closed = true;
      finish();
    }
  }

  @Override
  public final void flush() throws IOException {
    if (!closed) {
      flushWrites();
    }
  }

  @Override
  public final long count() {
    return count;
  }

  final Stats stats() {
    return stats;
  }

  /** Writes one item; called only while open. */
  abstract void write(Item item) throws IOException;

  /** Hands buffered bytes to the operating system; called only while open. */
  abstract void flushWrites() throws IOException;

  /** Completes and closes the file; called once. */
  abstract void finish() throws IOException;
}
