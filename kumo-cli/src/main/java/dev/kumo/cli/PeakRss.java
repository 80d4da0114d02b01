package dev.kumo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peak resident set size of another process, from Linux's {@code /proc/PID/status} ({@code VmHWM}, the
 * kernel's own high-water mark), read every 10 ms until {@link #close()}: a peak reached in the process's last
 * 10 ms can be missed. Where there is no {@code /proc} the peak is unknown (-1).
 */
final class PeakRss implements AutoCloseable {
  private static final long POLL_MILLIS = 10;

  private final Path status;
  private final AtomicLong peakKb = new AtomicLong(-1);
  private final Thread poller;

  private PeakRss(long pid) {
    this.status = Path.of("/proc", Long.toString(pid), "status");
    this.poller = Thread.ofPlatform().name("kumo-rss-poller").daemon(true).start(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          read();
          Thread.sleep(POLL_MILLIS);
        }
      } catch (InterruptedException e) {
        // closed
      }
    });
  }

  /** Starts watching the process {@code pid}. */
  static PeakRss watch(long pid) {
    return new PeakRss(pid);
  }

  private void read() {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").strip());
          peakKb.accumulateAndGet(kb, Math::max);
          return;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or the process has gone: the peak stays what was last read
    }
  }

  /** The highest peak read, in MiB; -1 if never read. */
  double peakMb() {
    long kb = peakKb.get();
    return kb < 0 ? -1 : kb / 1024.0;
  }

  /** Stops polling, after one more read if the process is still there. */
  @Override
  public void close() {
    poller.interrupt();
    try {
      poller.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    read();
  }
}
