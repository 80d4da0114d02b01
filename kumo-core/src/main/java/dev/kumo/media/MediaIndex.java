package dev.kumo.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Which URL was stored where: a JSON-lines file in the store ({@code <kind>-index.jsonl}), read when the
 * pipeline starts and appended to after each file stored, so a later crawl, or the same crawl resumed from a
 * job directory, does not fetch a stored URL again until its entry is older than the expiry (Scrapy's
 * {@code FILES_EXPIRES}). A torn last line (a crash while writing it) is skipped; a later line for a URL wins.
 * Each line is appended with the file opened for it, so nothing stays open after the crawl. Thread-safe.
 */
final class MediaIndex {
  /**
   * Where one URL's file is.
   *
   * @param url the URL downloaded
   * @param path the file's path under the store
   * @param checksum the SHA-256 of the file, in hex
   * @param storedAt when it was stored, in milliseconds since the epoch
   */
  record Entry(String url, String path, String checksum, long storedAt) {
    /** The entry as an item's result: {url, path, checksum}. */
    Map<String, Object> result() {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("url", url);
      r.put("path", path);
      r.put("checksum", checksum);
      return r;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final FileStore store;
  private final Duration expires;
  private final Clock clock;
  private final Path file;

  /** Reads {@code file} (if any) and opens it for appending. */
  MediaIndex(FileStore store, Path file, Duration expires, Clock clock) throws IOException {
    this.store = store;
    this.expires = expires;
    this.clock = clock;
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        read(line);
      }
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    this.file = file;
  }

  private void read(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      if (n != null && n.path("url").isTextual() && n.path("path").isTextual() && n.path("checksum").isTextual()
          && n.path("storedAt").canConvertToLong()) {
        Entry e = new Entry(n.get("url").asText(), n.get("path").asText(), n.get("checksum").asText(),
            n.get("storedAt").asLong());
        entries.put(e.url(), e);
      }
    } catch (JsonProcessingException e) {
      // a torn line: that URL is fetched again
    }
  }

  /** The entry of {@code url} when its file is still in the store and has not expired, else null. */
  @Nullable Entry fresh(String url) {
    Entry e = entries.get(url);
    if (e == null || clock.millis() - e.storedAt() > expires.toMillis() || !store.has(e.path())) {
      return null;
    }
    return e;
  }

  /** Records that {@code url}'s file is at {@code path} now; written out before it returns. */
  Entry put(String url, String path, String checksum) throws IOException {
    Entry e = new Entry(url, path, checksum, clock.millis());
    Map<String, Object> fields = e.result();
    fields.put("storedAt", e.storedAt());
    String line = JSON.writeValueAsString(fields);
    synchronized (this) { // whole lines: the file is opened for each one, so no handle outlives the crawl
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    entries.put(url, e);
    return e;
  }

  /** The results of the fresh entries of {@code urls}, in their order; URLs without one are left out. */
  List<Map<String, Object>> results(List<String> urls) {
    return urls.stream().map(this::fresh).filter(e -> e != null).map(Entry::result).toList();
  }
}
