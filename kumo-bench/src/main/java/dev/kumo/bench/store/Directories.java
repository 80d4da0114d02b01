package dev.kumo.bench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Sizes and removal of a store's directory. */
final class Directories {
  private Directories() {}

  /** The total size of the files under {@code dir}. */
  static long bytes(Path dir) throws IOException {
    long total = 0;
    for (Path p : files(dir)) {
      if (Files.isRegularFile(p)) {
        total += Files.size(p);
      }
    }
    return total;
  }

  /** Deletes {@code dir} and everything under it. */
  static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      for (Path p : files(dir).reversed()) {
        Files.delete(p);
      }
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.sorted(Comparator.naturalOrder()).toList();
    }
  }
}
