package dev.kumo.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the project's shell scripts ({@code kumo}, {@code mvnw}) in a controlled environment, for tests. */
final class Scripts {
  /** What a finished script printed. */
  record Result(int exitCode, String out, String err) {}

  private Scripts() {}

  /** The repository's root: the parent of the module directory surefire runs in. */
  static Path root() {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("mvnw")).as("the repository root holds mvnw").exists();
    return root;
  }

  /**
   * Runs {@code command} in {@code dir} with only {@code env} (plus HOME) as its environment, at most 120 s.
   */
  static Result run(Path dir, Map<String, String> env, List<String> command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().put("HOME", System.getProperty("user.home"));
    pb.environment().putAll(env);
    Path out = Files.createTempFile("kumo-script-out", ".txt");
    Path err = Files.createTempFile("kumo-script-err", ".txt");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError(command + " did not exit within 120 s");
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Writes an executable script. */
  static Path script(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  /** A PATH with the system's basic tools after {@code first} (a directory, or null for none). */
  static String path(Path first) {
    String system = "/usr/bin:/bin";
    return first == null ? system : first + ":" + system;
  }
}
