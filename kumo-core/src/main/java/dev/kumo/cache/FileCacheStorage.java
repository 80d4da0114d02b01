package dev.kumo.cache;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.Headers;
import dev.kumo.Response;
import dev.kumo.frontier.Fingerprint;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The cache on disk: one file per request fingerprint, {@code DIR/ab/abcdef...} (the first two hex digits
 * spread the files over 256 directories). A file is a first line {@value #MAGIC}, a second line of JSON (URL,
 * status, protocol, time stored, headers), then the body's bytes.
 *
 * <p>Why files rather than a storage engine: entries are written once and read many times, bodies are blobs
 * of kilobytes to megabytes (an LSM tree such as the job directory's RocksDB would copy them again at each
 * compaction), and a plain file needs no lock, so {@code kumo parse} or {@code kumo view} can read the cache
 * while a crawl writes it (RocksDB admits one process). A file is written to a temporary name and renamed
 * into place, so a reader sees a whole entry or none. Thread-safe.
 */
final class FileCacheStorage {
  static final String MAGIC = "KUMO-HTTPCACHE 1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final Path dir;

  FileCacheStorage(Path dir) {
    this.dir = dir;
  }

  /** The file of {@code fingerprint}. */
  Path file(Fingerprint fingerprint) {
    String hex = fingerprint.toHex();
    return dir.resolve(hex.substring(0, 2)).resolve(hex);
  }

  /**
   * The entry of {@code fingerprint}, or null when there is none.
   *
   * @throws IOException when it cannot be read, or is not a cache entry (a damaged file)
   */
  @Nullable CachedResponse retrieve(Fingerprint fingerprint) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file(fingerprint));
    } catch (NoSuchFileException e) {
      return null;
    }
    int first = indexOf(bytes, 0);
    int second = first < 0 ? -1 : indexOf(bytes, first + 1);
    if (second < 0 || !new String(bytes, 0, first, StandardCharsets.US_ASCII).equals(MAGIC)) {
      throw new IOException("not a Kumo cache entry: " + file(fingerprint));
    }
    Map<String, Object> meta = JSON.readValue(bytes, first + 1, second - first - 1, MAP);
    try {
      @SuppressWarnings("unchecked")
      Map<String, List<String>> headers = (Map<String, List<String>>) meta.get("headers");
      byte[] body = java.util.Arrays.copyOfRange(bytes, second + 1, bytes.length);
      return new CachedResponse((String) meta.get("url"), ((Number) meta.get("status")).intValue(),
          Headers.of(headers), body, (String) meta.get("protocol"),
          Instant.ofEpochMilli(((Number) meta.get("stored")).longValue()));
    } catch (ClassCastException | NullPointerException e) {
      throw new IOException("damaged cache entry " + file(fingerprint) + ": " + e, e);
    }
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Stores {@code response} under {@code fingerprint}, replacing any entry, as of {@code now}. */
  void store(Fingerprint fingerprint, Response response, Instant now) throws IOException {
    store(fingerprint, new CachedResponse(response.url(), response.status(), response.headers(), response.body(),
        response.protocol(), now));
  }

  /** Stores {@code entry} under {@code fingerprint}, replacing any entry. */
  void store(Fingerprint fingerprint, CachedResponse entry) throws IOException {
    Path target = file(fingerprint);
    Files.createDirectories(target.getParent());
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("url", entry.url());
    meta.put("status", entry.status());
    meta.put("protocol", entry.protocol());
    meta.put("stored", entry.storedAt().toEpochMilli());
    meta.put("headers", entry.headers().toMap());
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        out.write((MAGIC + "\n").getBytes(StandardCharsets.US_ASCII));
        out.write(JSON.writeValueAsBytes(meta));
        out.write('\n');
        out.write(entry.body());
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
