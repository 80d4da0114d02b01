package dev.kumo.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the files {@code startproject} and {@code genspider} generate, never over an existing file; deletes
 * {@code runspider}'s temporary classes.
 */
final class GeneratedFiles {
  private GeneratedFiles() {}

  /**
   * Writes {@code files} (relative path to text) under {@code dir}, creating directories; {@code mvnw} is made
   * executable.
   *
   * @throws CliException (exit 2) when a file exists already, (exit 1) when one cannot be written
   */
  static void write(Path dir, Map<String, String> files) {
    for (String path : files.keySet()) {
      if (Files.exists(dir.resolve(path))) {
        throw CliException.usage(dir.resolve(path) + " exists already: choose another name or directory");
      }
    }
    try {
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path file = dir.resolve(e.getKey());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        if (file.getFileName().toString().equals("mvnw")) {
          file.toFile().setExecutable(true, false);
        }
      }
    } catch (IOException e) {
      throw CliException.failed("cannot write in " + dir + ": " + e, e);
    }
  }

  /** Deletes {@code dir} and everything in it, as far as it can (a temporary directory). */
  static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind: the system cleans it
    }
  }
}
