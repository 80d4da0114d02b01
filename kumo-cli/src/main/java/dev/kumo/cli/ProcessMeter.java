package dev.kumo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peak resident set size and the CPU time of another process, from Linux's {@code /proc/PID/status}
 * ({@code VmHWM}, the kernel's own high-water mark) and {@code /proc/PID/stat} (user + system time), read every
 * 10 ms until {@link #close()}: what the process does in its last 10 ms can be missed. Where there is no
 * {@code /proc} both are unknown (-1).
 */
final class ProcessMeter implements AutoCloseable {
  private static final long POLL_MILLIS = 10;
  /** Linux's USER_HZ, the unit of the times in {@code /proc/PID/stat}: 100 on every mainstream architecture. */
  private static final double TICKS_PER_SECOND = 100;

  private final Path status;
  private final Path stat;
  private final AtomicLong peakKb = new AtomicLong(-1);
  private final AtomicLong cpuTicks = new AtomicLong(-1);
  private final Thread poller;

  private ProcessMeter(long pid) {
    this.status = Path.of("/proc", Long.toString(pid), "status");
    this.stat = Path.of("/proc", Long.toString(pid), "stat");
    this.poller = Thread.ofPlatform().name("kumo-process-meter").daemon(true).start(() -> {
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
  static ProcessMeter watch(long pid) {
    return new ProcessMeter(pid);
  }

  private void read() {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          peakKb.accumulateAndGet(Long.parseLong(line.substring(6).replace("kB", "").strip()), Math::max);
          break;
        }
      }
      String text = Files.readString(stat);
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      cpuTicks.accumulateAndGet(Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Math::max);
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process has gone: the figures stay what was last read
    }
  }

  /** The highest peak read, in MiB; -1 if never read. */
  double peakMb() {
    long kb = peakKb.get();
    return kb < 0 ? -1 : kb / 1024.0;
  }

  /** User plus system CPU time, in seconds, as last read; -1 if never read. */
  double cpuSeconds() {
    long ticks = cpuTicks.get();
    return ticks < 0 ? -1 : ticks / TICKS_PER_SECOND;
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
