package dev.kumo;

import dev.kumo.export.Feed;
import dev.kumo.export.FeedFormat;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds of a crawl with a job directory: a feed the directory knows continues from its last committed
 * position (whatever {@code -o}/{@code -O} says: the job's first run decided that), cut back first so that
 * items of requests that were not acknowledged are not exported twice.
 */
final class ResumedFeeds {
  private static final Logger log = LoggerFactory.getLogger(ResumedFeeds.class);

  private ResumedFeeds() {}

  /**
   * The feed to open for {@code feed} in a job whose last commit left it at {@code committed} bytes (null when
   * the job does not know it).
   *
   * @throws IOException when the feed cannot be resumed: a JSON array, or a file shorter than committed
   */
  static Feed prepare(Feed feed, @Nullable Long committed, Path jobDir) throws IOException {
    if (feed.format() == FeedFormat.JSON) {
      throw new IOException("feed " + feed.path() + ": a JSON array cannot be resumed (it is valid only once "
          + "closed); with --job-dir, export JSON Lines (.jsonl) or CSV");
    }
    if (committed == null) {
      return feed;
    }
    long size = Files.exists(feed.path()) ? Files.size(feed.path()) : 0;
    if (size < committed) {
      throw new IOException("feed " + feed.path() + " has " + size + " bytes, but job directory " + jobDir
          + " committed " + committed + ": it was changed outside the crawl; restore it, or start over with "
          + "--job-dir-reset");
    }
    return new Feed(feed.path(), feed.format(), false, feed.fields());
  }

  /** Cuts {@code feed} back to {@code committed} bytes, dropping items of leases never acknowledged. */
  static void cutBack(Feed feed, @Nullable Long committed) throws IOException {
    if (committed == null) {
      return;
    }
    try (FileChannel ch = FileChannel.open(feed.path(), StandardOpenOption.WRITE)) {
      long size = ch.size();
      if (size > committed) {
        ch.truncate(committed);
        ch.force(true);
        log.info("Feed {}: cut back from {} to {} bytes, the last committed position (items of requests in "
            + "flight at the stop are exported again when they are crawled)", feed.path(), size, committed);
      }
    } catch (NoSuchFileException e) {
      // committed is 0 then (prepare checked the size): nothing to cut
    }
  }
}
