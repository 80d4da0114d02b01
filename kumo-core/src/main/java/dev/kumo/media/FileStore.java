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
 * Stores file bodies under a directory by content hash: {@code full/<sha256 hex><extension>}. A body stored
 * before is not written again. Each file is written to a temporary file and moved into place, so a crash never
 * leaves half a file under its final name. Thread-safe.
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

  /** Stores {@code body} as {@code full/<its sha256><extension>}. */
  Stored store(byte[] body, String extension) throws IOException {
    String hash = sha256(body);
    String relative = "full/" + hash + extension;
    return new Stored(relative, hash, !put(relative, body));
  }

  /** Writes {@code body} at {@code relative} unless a file is there already; true when it wrote it. */
  boolean put(String relative, byte[] body) throws IOException {
    Path target = root.resolve(relative);
    if (Files.exists(target)) {
      return false;
    }
    Files.createDirectories(target.getParent());
    Path part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    try {
      Files.write(part, body);
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(part);
    }
    return true;
  }

  /** Whether a file is stored at {@code relative}. */
  boolean has(String relative) {
    return Files.isRegularFile(root.resolve(relative));
  }

  /** The store's directory. */
  Path root() {
    return root;
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
