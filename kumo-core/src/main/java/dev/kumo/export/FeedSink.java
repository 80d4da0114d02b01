package dev.kumo.export;

import dev.kumo.Item;
import dev.kumo.pipeline.ItemSink;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FeedExporter} as an item sink that also knows how far its file is written, for a durable crawl's
 * checkpoints: after {@link #flush()}, {@link #position()} bytes of the file hold every item accepted so far.
 * Used from the pipeline's single thread.
 */
public final class FeedSink implements ItemSink {
  private final Feed feed;
  private final FeedExporter exporter;
  private final boolean force;
  private @Nullable FileChannel channel;

  /**
   * A sink writing to {@code exporter}, the exporter of {@code feed}.
   *
   * @param force whether {@link #flush()} also forces the file to the disk (fsync)
   */
  public FeedSink(Feed feed, FeedExporter exporter, boolean force) {
    this.feed = feed;
    this.exporter = exporter;
    this.force = force;
  }

  /** The key of {@code feed} in checkpoints: its absolute, normalised path. */
  public static String key(Feed feed) {
    return feed.path().toAbsolutePath().normalize().toString();
  }

  /** This feed's key in checkpoints. */
  public String key() {
    return key(feed);
  }

  @Override
  public void accept(Item item) throws IOException {
    exporter.export(item);
  }

  @Override
  public void flush() throws IOException {
    exporter.flush();
    if (force) {
      file().force(false);
    }
  }

  /** The file's size: after {@link #flush()}, the bytes holding every item accepted so far. */
  public long position() throws IOException {
    return file().size();
  }

  /** A read-only view of the file for its size and fsync, opened once rather than at every commit. */
  private FileChannel file() throws IOException {
    if (channel == null) {
      channel = FileChannel.open(feed.path(), StandardOpenOption.READ);
    }
    return channel;
  }

  @Override
  public void close() throws IOException {
    try {
      exporter.close();
    } finally {
      if (channel != null) {
        channel.close();
      }
    }
  }

  /** The feed's file. */
  public Path path() {
    return feed.path();
  }
}
