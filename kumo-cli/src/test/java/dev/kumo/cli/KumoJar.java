package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the packaged {@code kumo.jar} in a child JVM, for integration tests. */
final class KumoJar {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a finished run printed. */
  record Result(int exitCode, String out, String err) {}

  private KumoJar() {}

  /**
   * Skips the calling test class unless the {@code kumo.jar} system property is set: failsafe sets it after
   * packaging; surefire (e.g. with {@code -Dtest=dev.kumo.cli.**}) runs before the jar exists.
   */
  static void assumeJar() {
    Assumptions.assumeTrue(System.getProperty("kumo.jar") != null,
        "integration test: needs the packaged jar (system property kumo.jar, set by failsafe)");
  }

  /** The jar under test, from the {@code kumo.jar} system property that failsafe sets. */
  static Path jar() {
    String path = System.getProperty("kumo.jar");
    assertThat(path).as("system property kumo.jar").isNotNull();
    assertThat(Path.of(path)).exists();
    return Path.of(path);
  }

  /** Starts {@code kumo args} in {@code dir}; stdout and stderr go to files there. */
  static Process start(Path dir, String... args) throws IOException {
    return start(dir, Map.of(), args);
  }

  /** Starts {@code kumo args} in {@code dir} with the environment variables {@code env} added. */
  static Process start(Path dir, Map<String, String> env, String... args) throws IOException {
    return start(dir, env, List.of(), args);
  }

  /** Starts {@code kumo args} in {@code dir} in a JVM with {@code jvmOptions} (e.g. {@code -Xmx256m}). */
  static Process start(Path dir, Map<String, String> env, List<String> jvmOptions, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    return pb.directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
  }

  /** Runs {@code kumo args} in {@code dir} to the end (at most 60 s), its standard input read from {@code stdin}. */
  static Result runWithInput(Path dir, Path stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectInput(stdin.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
    return await(p, dir, Duration.ofSeconds(60));
  }

  /** Runs {@code kumo args} in {@code dir} to the end (at most {@code timeout}). */
  static Result run(Path dir, Duration timeout, String... args) throws Exception {
    Process p = start(dir, args);
    return await(p, dir, timeout);
  }

  /** Runs {@code kumo args} in {@code dir} to the end (at most 60 s). */
  static Result run(Path dir, String... args) throws Exception {
    return run(dir, Duration.ofSeconds(60), args);
  }

  /** Waits for {@code p}, started in {@code dir}, to exit; kills it and fails after {@code timeout}. */
  static Result await(Process p, Path dir, Duration timeout) throws Exception {
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("kumo did not exit within " + timeout + "; stderr:\n" + read(dir.resolve("stderr.txt")));
    }
    return new Result(p.exitValue(), read(dir.resolve("stdout.txt")), read(dir.resolve("stderr.txt")));
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  /** Every line of a JSON Lines file as a map; fails on a partial line. */
  static List<Map<String, Object>> jsonLines(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).as("complete lines only").satisfiesAnyOf(t -> assertThat(t).isEmpty(),
        t -> assertThat(t).endsWith("\n"));
    List<Map<String, Object>> items = new ArrayList<>();
    for (String line : text.lines().toList()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item = JSON.readValue(line, Map.class);
      items.add(item);
    }
    return items;
  }
}
