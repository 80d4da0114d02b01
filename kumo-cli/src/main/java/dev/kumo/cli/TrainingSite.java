package dev.kumo.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test site of {@code kumo aot-training}, served by {@code kumo site} in a child JVM, so that the JVM whose
 * ahead-of-time cache is being recorded loads, links and profiles only what a user's crawl runs: none of the
 * site's classes (nor the JDK's HTTP server) go into the cache, and the JDK methods both share are profiled as
 * the crawl uses them.
 */
final class TrainingSite implements AutoCloseable {
  private static final Pattern STARTED = Pattern.compile("^Test site: (http://\\S+) \\(");

  private final Process process;
  private final String startUrl;

  private TrainingSite(Process process, String startUrl) {
    this.process = process;
    this.startUrl = startUrl;
  }

  /**
   * Starts a site of {@code pages} pages on one loopback host and waits until it serves.
   *
   * @throws IOException when the child cannot start or exits before it says where it listens
   */
  static TrainingSite start(int pages) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = List.of(java.toString(), "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "site", "--pages", Integer.toString(pages));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    Matcher m = line == null ? null : STARTED.matcher(line);
    if (m == null || !m.find()) {
      process.destroyForcibly();
      throw new IOException("the training site did not start: " + (line == null ? "no output" : line));
    }
    return new TrainingSite(process, m.group(1));
  }

  /** The URL of page 0. */
  String startUrl() {
    return startUrl;
  }

  /** The site's one host, as {@code http://HOST:PORT}. */
  String hostUrl() {
    return startUrl.substring(0, startUrl.indexOf('/', "http://".length()));
  }

  /** Stops the site (SIGTERM, then a kill after 10 s) and waits for it to exit. */
  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the training site", e);
    }
  }
}
