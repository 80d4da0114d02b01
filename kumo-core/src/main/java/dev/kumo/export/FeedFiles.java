package dev.kumo.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opening feed files: parent directories, append or truncate, and a fresh line to append on. */
final class FeedFiles {
  /** The buffer size of the exporters that do not flush after every item. */
  static final int BUFFER_SIZE = 64 * 1024;

  private FeedFiles() {}

  /** An unbuffered stream to {@code feed}'s file, created with its parent directories if missing. */
  static OutputStream open(Feed feed) throws IOException {
    if (feed.toStdout()) {
      return new StandardOutput();
    }
    Path parent = feed.path().toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    OpenOption mode = feed.overwrite() ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
    return Files.newOutputStream(feed.path(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
  }

  /**
   * Like {@link #open}, for line-based formats: when appending to a file whose last line is
   * incomplete (a crawl killed mid-write), first ends that line so that it does not swallow the
   * next record.
   */
  static OutputStream openLines(Feed feed) throws IOException {
    boolean endLine = !feed.overwrite() && !feed.toStdout() && hasContent(feed.path()) && !endsWithNewline(feed.path());
    OutputStream out = open(feed);
    if (endLine) {
      try {
        out.write('\n');
      } catch (IOException e) {
        closeQuietly(out, e);
        throw e;
      }
    }
    return out;
  }

  /** Whether {@code path} is a file holding at least one byte. */
  static boolean hasContent(Path path) throws IOException {
    try {
      return Files.size(path) > 0;
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** Closes {@code closeable} after {@code failure}, recording a second failure as suppressed. */
  static void closeQuietly(AutoCloseable closeable, Exception failure) {
    try {
      closeable.close();
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }

  private static boolean endsWithNewline(Path path) throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(path, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        return true;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      channel.position(size - 1);
      while (last.hasRemaining() && channel.read(last) >= 0) {
        // read the one byte
      }
      return last.get(0) == '\n';
    }
  }
}
