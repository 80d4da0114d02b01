package dev.kumo.testsite;

import java.time.Duration;
import java.util.function.IntFunction;

/** The validated settings of one site, as given to {@link TestSite.Builder}. */
record SiteConfig(
    int pages,
    int hosts,
    Duration latency,
    Duration jitter,
    long seed,
    int linksPerPage,
    int port,
    boolean brokenLinks,
    IntFunction<String> robotsTxt) {

  /** The largest number of hosts: 127.0.0.1 to 127.0.0.254. */
  static final int MAX_HOSTS = 254;

  SiteConfig {
    require(pages >= 1, "pages must be >= 1: " + pages);
    require(hosts >= 1 && hosts <= MAX_HOSTS, "hosts must be in [1, " + MAX_HOSTS + "]: " + hosts);
    require(!latency.isNegative(), "latency must not be negative: " + latency);
    require(!jitter.isNegative(), "jitter must not be negative: " + jitter);
    require(linksPerPage >= 0, "linksPerPage must be >= 0: " + linksPerPage);
    require(port >= 0 && port <= 65_535, "port must be in [0, 65535]: " + port);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
