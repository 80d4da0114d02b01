package dev.kumo.media;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stores file bodies under a directory by content hash: {@code full/<sha256 hex>.<extension of the URL>}. A
 * body stored before is not written again. Each file is written to a temporary file and moved into place, so a
 * crash never leaves half a file under its final name. Thread-safe.
 */
final class FileStore {
  /**
   * A stored file.
   *
   * @param path its path under the store, with '/' separators
   * @param checksum the SHA-256 of its content, in hex
   * @param existed whether the same content was stored before
   */
  record Stored(String path, String checksum, boolean existed) {}

  private final Path root;

  FileStore(Path root) {
    this.root = root;
  }

  /** Stores {@code body}, downloaded from {@code url}. */
  Stored store(String url, byte[] body) throws IOException {
    String hash = sha256(body);
    String relative = "full/" + hash + extension(url);
    Path target = root.resolve(relative);
    if (Files.exists(target)) {
      return new Stored(relative, hash, true);
    }
    Files.createDirectories(target.getParent());
    Path part = Files.createTempFile(target.getParent(), hash, ".part");
    try {
      Files.write(part, body);
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(part);
    }
    return new Stored(relative, hash, false);
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The URL path's extension ({@code .png}) if it is short and plain, else "". */
  static String extension(String url) {
    String path;
    try {
      path = URI.create(url).getPath();
    } catch (IllegalArgumentException e) {
      return "";
    }
    if (path == null) {
      return "";
    }
    int dot = path.lastIndexOf('.');
    String ext = dot < 0 || dot < path.lastIndexOf('/') ? "" : path.substring(dot).toLowerCase(Locale.ROOT);
    return ext.matches("\\.[a-z0-9]{1,5}") ? ext : "";
  }
}
