package dev.kumo.cli;

import dev.kumo.testsite.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The spider file {@code kumo bench --cold} crawls the test site with, as a user would: start at page 0, follow
 * every page on every host, and scrape url, title and price from each (as {@code examples/testsite.yaml}).
 */
final class BenchSpiderFile {
  private BenchSpiderFile() {}

  /** Writes the spider file for {@code site} into {@code dir} and returns its path. */
  static Path write(Path dir, TestSite site, int concurrency, int perDomain) throws IOException {
    List<String> hostUrls = new ArrayList<>();
    for (int i = 0; i < site.hostCount(); i++) {
      hostUrls.add(site.hostUrl(i));
    }
    return write(dir, site.startUrl(), hostUrls, concurrency, perDomain);
  }

  /**
   * Writes the spider file for a site that starts at {@code startUrl} and spans {@code hostUrls}
   * ({@code http://HOST:PORT}) into {@code dir} and returns its path.
   */
  static Path write(Path dir, String startUrl, List<String> hostUrls, int concurrency, int perDomain)
      throws IOException {
    List<String> hosts = new ArrayList<>();
    for (String url : hostUrls) {
      hosts.add("'" + url.replaceFirst("^http://", "").replaceFirst(":\\d+$", "") + "'");
    }
    String yaml = """
        name: cold-bench
        start_urls: ['%s']
        allowed_domains: [%s]
        settings:
          concurrent_requests: %d
          concurrent_requests_per_domain: %d
        start_callback: page
        rules:
          - allow: ['/page/\\d+$']
            callback: page
            follow: true
        items:
          page:
            fields:
              url:   {value: url}
              title: {css: 'h1.title::text', required: true}
              price: {css: '.price::text', re: '[\\d.]+'}
        """.formatted(startUrl, String.join(", ", hosts), concurrency, perDomain);
    Path file = dir.resolve("cold-bench.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }
}
