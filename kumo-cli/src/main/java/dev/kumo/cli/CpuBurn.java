package dev.kumo.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Burns CPU for a given time with a deterministic computation (not a sleep), to stand for the parsing cost of a
 * heavier spider. Measures the calling thread's CPU time where the JVM supports it, else wall time.
 */
public final class CpuBurn {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int ROUNDS_PER_CHECK = 4096;

  private CpuBurn() {}

  /** Computes for about {@code millis} ms of CPU time and returns the result (so it cannot be optimised away). */
  public static long burn(long millis) {
    if (millis <= 0) {
      return 0;
    }
    long budget = millis * 1_000_000L;
    boolean cpuClock = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.getCurrentThreadCpuTime() >= 0;
    long start = cpuClock ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    long x = millis;
    while (true) {
      x = rounds(x, ROUNDS_PER_CHECK);
      long now = cpuClock ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
      if (now - start >= budget) {
        return x;
      }
    }
  }

  /** {@code n} rounds of a 64-bit mixing function (SplitMix64) from {@code seed}. */
  static long rounds(long seed, int n) {
    long x = seed;
    for (int i = 0; i < n; i++) {
      x += 0x9E3779B97F4A7C15L;
      long z = x;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      x = z ^ (z >>> 31);
    }
    return x;
  }
}
