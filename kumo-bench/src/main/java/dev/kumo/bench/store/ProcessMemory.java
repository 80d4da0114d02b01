package dev.kumo.bench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This process's memory from {@code /proc/self/status} (Linux): peak and current resident set, split into
 * anonymous memory (heap, native allocations) and file pages (memory-mapped files such as LMDB's).
 */
record ProcessMemory(long peakKib, long residentKib, long anonymousKib, long fileKib) {
  /** Reads the figures now. */
  static ProcessMemory now() throws IOException {
    Map<String, Long> kib = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      String[] parts = line.split(":\\s+");
      if (parts.length == 2 && parts[1].endsWith(" kB")) {
        kib.put(parts[0], Long.parseLong(parts[1].substring(0, parts[1].length() - 3).trim()));
      }
    }
    return new ProcessMemory(kib.getOrDefault("VmHWM", -1L), kib.getOrDefault("VmRSS", -1L),
        kib.getOrDefault("RssAnon", -1L), kib.getOrDefault("RssFile", -1L));
  }

  @Override
  public String toString() {
    return "peakRSS=" + peakKib / 1024 + "MiB RSS=" + residentKib / 1024 + "MiB (anon " + anonymousKib / 1024
        + ", file " + fileKib / 1024 + ")";
  }
}
