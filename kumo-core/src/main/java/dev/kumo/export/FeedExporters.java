package dev.kumo.export;

import dev.kumo.stats.Stats;
import java.io.IOException;

/** Opens the {@link FeedExporter} for a {@link Feed}. */
public final class FeedExporters {
  private FeedExporters() {}

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
