package dev.kumo.cli;

import dev.kumo.testsite.TestSite;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Starts the built-in test site for {@code demo} and {@code bench}, turning bad sizes into usage errors. */
final class TestSites {
  private TestSites() {}

  /**
   * A started site of {@code pages} pages on {@code hosts} loopback hosts, answering after {@code latencyMs}.
   *
   * @throws ParameterException (exit 2) for a size the site does not accept
   */
  static TestSite start(CommandLine command, int pages, int hosts, int latencyMs) {
    return start(command, pages, hosts, latencyMs, 0);
  }

  /** As {@link #start(CommandLine, int, int, int)}, on {@code port} (0: a free one). */
  static TestSite start(CommandLine command, int pages, int hosts, int latencyMs, int port) {
    if (latencyMs < 0) {
      throw new ParameterException(command, "--latency-ms must not be negative: " + latencyMs);
    }
    try {
      return TestSite.builder().pages(pages).hosts(hosts).latency(Duration.ofMillis(latencyMs)).port(port).start();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command, "cannot start the test site: " + e.getMessage(), e);
    }
  }
}
