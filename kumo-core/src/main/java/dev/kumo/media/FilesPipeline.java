package dev.kumo.media;

import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.stats.Stats;
import java.io.IOException;

/**
 * Downloads the files an item names (Scrapy's {@code FilesPipeline}) through the crawl's own engine, so each
 * download is as polite as any page (slots, delays, robots.txt, retries), and stores them under
 * {@code files_store} by content hash ({@code full/<sha256>.<extension of the URL>}). An item whose
 * {@code files_urls_field} lists URLs is held until each of them is downloaded (or failed), then goes on with
 * {@code files_result_field} set to a list of {@code {url, path, checksum}} of the files stored, in the item's
 * order. Each URL is downloaded once per crawl, however many items name it, and not again while its entry in
 * the store's index is younger than {@code files_expires} days; identical content is stored once.
 *
 * <pre>{@code
 * item_pipelines: {dev.kumo.media.FilesPipeline: 1}
 * files_store: downloads/
 * }</pre>
 *
 * <p>With a job directory, items waiting for files survive a stop or a crash (see {@link MediaPipeline}).
 * Counts {@code files/downloaded}, {@code files/uptodate}, {@code files/failed/<why>}.
 */
public final class FilesPipeline extends MediaPipeline {
  /**
   * A pipeline storing under {@code files_store}, counting into {@code stats} (the crawl's, when made from the
   * settings).
   *
   * @throws IllegalArgumentException when {@code files_store} is not set
   */
  public FilesPipeline(Settings settings, Stats stats) {
    super("files", settings, stats, Setting.FILES_STORE, Setting.FILES_URLS_FIELD, Setting.FILES_RESULT_FIELD,
        Setting.FILES_EXPIRES);
  }

  @Override
  FileStore.Stored keep(String url, byte[] body, FileStore store) throws IOException {
    return store.store(body, FileStore.extension(url));
  }
}
