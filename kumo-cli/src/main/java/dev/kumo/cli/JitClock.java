package dev.kumo.cli;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/** Time the JVM's JIT compilers have spent so far, to show when warm-up is over. */
final class JitClock {
  private JitClock() {}

  /** Whether this JVM reports its compilation time. */
  static boolean supported() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported();
  }

  /** Milliseconds of JIT compilation since the JVM started (all compiler threads), or 0 when not reported. */
  static long millis() {
    return supported() ? ManagementFactory.getCompilationMXBean().getTotalCompilationTime() : 0;
  }
}
