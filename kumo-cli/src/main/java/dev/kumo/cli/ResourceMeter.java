package dev.kumo.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures a stretch of work: wall time, process CPU time ({@code com.sun.management.OperatingSystemMXBean}) and
 * peak heap use, sampled every 50 ms by a daemon thread. Start it with {@link #start()}, stop it with
 * {@link #close()}, then read {@link #usage()}.
 */
public final class ResourceMeter implements AutoCloseable {
  private static final long SAMPLE_MILLIS = 50;

  /**
   * What was measured.
   *
   * @param wallNanos wall time
   * @param cpuNanos process CPU time, all threads; -1 if the JVM cannot tell
   * @param peakHeapBytes the most heap in use at any sample
   */
  public record Usage(long wallNanos, long cpuNanos, long peakHeapBytes) {
    /** CPU time over wall time as a percentage of one core; -1 if unknown. */
    public double cpuPercent() {
      return cpuNanos < 0 || wallNanos <= 0 ? -1 : 100.0 * cpuNanos / wallNanos;
    }

    /** The peak heap in MiB. */
    public double peakHeapMb() {
      return peakHeapBytes / (1024.0 * 1024.0);
    }
  }

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peakHeap = new AtomicLong();
  private final long startNanos;
  private final long startCpu;
  private final Thread sampler;
  private Usage usage;

  private ResourceMeter() {
    sample();
    startCpu = processCpuNanos();
    startNanos = System.nanoTime();
    sampler = Thread.ofPlatform().name("kumo-heap-sampler").daemon(true).start(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(SAMPLE_MILLIS);
          sample();
        }
      } catch (InterruptedException e) {
        // closed
      }
    });
  }

  /** Starts measuring now. */
  public static ResourceMeter start() {
    return new ResourceMeter();
  }

  private void sample() {
    peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
  }

  private static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
  }

  /** Stops measuring (once) and returns what was measured. */
  @Override
  public synchronized void close() {
    if (usage != null) {
      return;
    }
    long wall = System.nanoTime() - startNanos;
    long cpu = processCpuNanos();
    sampler.interrupt();
    try {
      sampler.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sample();
    usage = new Usage(wall, startCpu < 0 || cpu < 0 ? -1 : cpu - startCpu, peakHeap.get());
  }

  /** The measurement, after {@link #close()}. */
  public synchronized Usage usage() {
    if (usage == null) {
      throw new IllegalStateException("still measuring: close() first");
    }
    return usage;
  }
}
