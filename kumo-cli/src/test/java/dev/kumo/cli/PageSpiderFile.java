package dev.kumo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The spider file most integration tests crawl the test site with: follow every page, export url and title. */
final class PageSpiderFile {
  private PageSpiderFile() {}

  /** Writes {@code dir/NAME.yaml} for a spider {@code name} starting at {@code startUrl}; returns its path. */
  static Path write(Path dir, String name, String startUrl) throws IOException {
    return Files.writeString(dir.resolve(name + ".yaml"), """
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
        """.formatted(name, startUrl));
  }
}
