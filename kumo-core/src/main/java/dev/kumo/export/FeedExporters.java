package dev.kumo.export;

import dev.kumo.stats.Stats;
import java.io.IOException;
import java.nio.file.Files;

/** Opens the {@link FeedExporter} for a {@link Feed}. */
public final class FeedExporters {
  private FeedExporters() {}

  /**
   * Checks, without touching the file, what would make {@link #open} fail: a directory at the path, or a
   * non-empty JSON file to append to. Check every feed before opening any, so that no {@code -O} file is
   * truncated for a crawl that cannot start.
   *
   * @throws IOException describing the problem
   */
  public static void check(Feed feed) throws IOException {
    if (Files.isDirectory(feed.path())) {
      throw new IOException(feed.path() + " is a directory, not a file");
    }
    if (feed.format() == FeedFormat.JSON) {
      JsonFeedExporter.checkAppendable(feed);
    }
  }

  /**
   * Opens {@code feed}'s file, creating missing parent directories, truncating it when {@link
   * Feed#overwrite()} and appending to it otherwise.
   *
   * @param stats receives the {@code feedexport/...} counters
   * @throws IOException when the file cannot be opened, or cannot be appended to: a non-empty JSON
   *     file (a second array would make it invalid JSON), or a CSV file whose header differs from
   *     {@link Feed#fields()}
   */
  public static FeedExporter open(Feed feed, Stats stats) throws IOException {
    return switch (feed.format()) {
      case JSONL -> new JsonLinesFeedExporter(feed, stats);
      case JSON -> new JsonFeedExporter(feed, stats);
      case CSV -> new CsvFeedExporter(feed, stats);
    };
  }
}
