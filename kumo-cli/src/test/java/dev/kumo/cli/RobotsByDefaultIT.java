package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kumo crawl} obeys robots.txt unless told not to: seen at the site, in a real crawl. */
class RobotsByDefaultIT {
  @TempDir
  Path dir;

  @Test
  void aDisallowedPageIsNeverFetchedUnlessRobotsTxtIsTurnedOff() throws Exception {
    KumoJar.assumeJar();
    try (TestSite site = TestSite.builder().pages(12).robotsTxt("User-agent: *\nDisallow: /page/11\n").start()) {
      Path spider = CrawlIT.spiderFile(dir, "site.yaml", site.startUrl());

      KumoJar.Result obeyed = KumoJar.run(dir, "crawl", spider.toString(), "-O", "obeyed.jsonl", "-q");
      assertThat(obeyed.exitCode()).as(obeyed.err()).isZero();
      assertThat(site.stats().pageFetchCount(11)).isZero();
      assertThat(site.stats().requestCount("/robots.txt")).isEqualTo(1);
      List<Map<String, Object>> items = KumoJar.jsonLines(dir.resolve("obeyed.jsonl"));
      assertThat(items).hasSize(11).extracting(i -> i.get("title")).doesNotContain(site.expectedTitle(11));

      KumoJar.Result ignored = KumoJar.run(dir, "crawl", spider.toString(), "-O", "ignored.jsonl", "-q",
          "--set", "robotstxt_obey=false");
      assertThat(ignored.exitCode()).as(ignored.err()).isZero();
      assertThat(site.stats().pageFetchCount(11)).isEqualTo(1);
      assertThat(KumoJar.jsonLines(dir.resolve("ignored.jsonl"))).hasSize(12);
    }
  }
}
