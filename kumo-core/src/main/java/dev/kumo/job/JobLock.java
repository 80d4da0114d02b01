package dev.kumo.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The job directory's owner: an operating-system lock on {@code DIR/lock}, which holds the owner's PID. The
 * lock goes with the process, however it ends (even {@code kill -9}), so a stale lock file never blocks.
 */
final class JobLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private JobLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code dir}.
   *
   * @throws IOException when another process (or another crawl in this one) holds it; the message names the
   *     holder's PID
   */
  static JobLock acquire(Path dir) throws IOException {
    Path file = dir.resolve("lock");
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
      ch.close();
      throw new IOException("job directory " + dir + " is in use by process " + (holder.isEmpty() ? "?" : holder)
          + " (it holds " + file + "); stop that crawl first, or use another --job-dir");
    }
    ch.truncate(0);
    ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    return new JobLock(ch, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
