package dev.kumo.export;

import dev.kumo.Item;
import dev.kumo.stats.Stats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON Lines: one JSON object and a {@code \n} per item, UTF-8, handed to the operating system in a
 * single unbuffered write per item. A crawl killed at any moment (even {@code kill -9}) thus leaves
 * complete lines, except perhaps one partial last line from a write it interrupted; appending to
 * such a file first ends that line. Nothing is forced to the disk (no fsync): a power cut may lose
 * the last items.
 */
final class JsonLinesFeedExporter extends AbstractFeedExporter {
  private final JsonEncoder encoder;
  private final OutputStream out;

  JsonLinesFeedExporter(Feed feed, Stats stats) throws IOException {
    super(feed, stats);
    this.encoder = new JsonEncoder(feed.fields());
    this.out = FeedFiles.openLines(feed);
  }

  @Override
  void write(Item item) throws IOException {
    ByteArrayOutputStream line = encoder.encode(item);
    line.write('\n');
    line.writeTo(out);
  }

  @Override
  void flushWrites() {
    // every item is one unbuffered write already
  }

  @Override
  void finish() throws IOException {
    out.close();
  }
}
