package dev.kumo.cli;

import dev.kumo.testsite.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A spider file for the integration tests: follows every {@code /page/N} of a test site, one item per page. */
final class PageSpider {
  private PageSpider() {}

  /** Writes {@code spider.yaml} (spider {@code name}, items with url and title) into {@code dir}. */
  static Path write(Path dir, String name, TestSite site) throws IOException {
    return Files.writeString(dir.resolve("spider.yaml"), """
        name: %s
        start_urls: [%s]
        start_callback: page
        rules:
          - allow: '/page/\\d+$'
            callback: page
            follow: true
        items:
          page:
            fields:
              url: {value: url}
              title: {css: 'h1.title::text'}
        """.formatted(name, site.startUrl()));
  }
}
