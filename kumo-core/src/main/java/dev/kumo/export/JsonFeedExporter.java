package dev.kumo.export;

import dev.kumo.Item;
import dev.kumo.stats.Stats;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;

/**
 * One JSON array, an item a line: {@code [\n{...},\n{...}\n]\n}, or {@code []\n} when there are no
 * items. The file is valid JSON only once closed, so prefer JSON Lines for long crawls.
 *
 * <p>Unlike Scrapy, which appends a second array and so produces invalid JSON, appending ({@code
 * -o}) to a non-empty file is refused.
 */
final class JsonFeedExporter extends AbstractFeedExporter {
  private static final byte[] FIRST = "\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NEXT = ",\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] END = "\n]\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] EMPTY_END = "]\n".getBytes(StandardCharsets.UTF_8);

  private final JsonEncoder encoder;
  private final OutputStream out;
  private boolean empty = true;

  JsonFeedExporter(Feed feed, Stats stats) throws IOException {
    super(feed, stats);
    checkAppendable(feed);
    this.encoder = new JsonEncoder(feed.fields());
    this.out = new BufferedOutputStream(FeedFiles.open(feed), FeedFiles.BUFFER_SIZE);
    try {
      out.write('[');
    } catch (IOException e) {
      FeedFiles.closeQuietly(out, e);
      throw e;
    }
  }

  /** Refuses to append to a non-empty JSON file, whose result would not be valid JSON. */
  static void checkAppendable(Feed feed) throws IOException {
    if (!feed.overwrite() && !feed.toStdout() && FeedFiles.hasContent(feed.path())) {
      throw new FileAlreadyExistsException(
          feed.path().toString(),
          null,
          "cannot append items to a non-empty JSON file: the result would not be valid JSON;"
              + " overwrite it (-O) or export JSON Lines (.jsonl), which can be appended to");
    }
  }

  @Override
  void write(Item item) throws IOException {
    var json = encoder.encode(item);
    out.write(empty ? FIRST : NEXT);
    json.writeTo(out);
    empty = false;
  }

  @Override
  void flushWrites() throws IOException {
    out.flush();
  }

  @Override
  void finish() throws IOException {
    try (out) {
      out.write(empty ? EMPTY_END : END);
    }
  }
}
