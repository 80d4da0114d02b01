package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -q}: the summary table still ends the crawl; the full counter dump, a log message, does not show. */
class QuietCrawlTest {
  @AutoClose
  private final TestSite site = TestSite.builder().pages(3).start();

  @TempDir
  Path dir;

  @Test
  void quietKeepsTheSummaryTableButNotTheCounterDump() throws Exception {
    Path spider = Files.writeString(dir.resolve("s.yaml"), """
        name: s
        start_urls: ['%s']
        """.formatted(site.startUrl()));

    Cli quiet = Cli.run("crawl", spider.toString(), "-O", dir.resolve("items.jsonl").toString(), "-q");

    assertThat(quiet.exitCode()).as(quiet.err()).isZero();
    assertThat(quiet.err()).contains("Crawl finished in").containsPattern("(?m)^  pages +1 ")
        .doesNotContain("downloader/request_count", "item_scraped_count");
  }
}
