package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.testsite.TestSite;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A crawl paused before it starts sends nothing until it is resumed, then crawls every page once. Checked at the
 * site by counts, not times (the short wait only gives a broken pause the chance to show).
 */
class PausedStartIT {
  @Test
  void aCrawlPausedBeforeItStartsSendsNothingUntilResumed() throws Exception {
    try (TestSite site = TestSite.builder().pages(5).start()) {
      Crawler crawler = Crawler.builder(new SiteSpider(site.startUrl())).build();
      crawler.pause();
      AtomicReference<CrawlResult> result = new AtomicReference<>();
      Thread crawl = Thread.ofPlatform().start(() -> {
        try {
          result.set(crawler.run());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      while (crawler.progress().elapsed().isZero()) { // the engine has not started yet
        Thread.sleep(5);
      }
      Thread.sleep(300);
      assertThat(site.stats().totalRequests()).as("requests while paused").isZero();
      assertThat(crawler.progress().queued()).as("the start request waits").isEqualTo(1);
      crawler.resume();
      crawl.join();
      assertThat(result.get().pages()).isEqualTo(site.stats().totalRequests()).isPositive();
      assertThat(site.stats().duplicateFetches()).isZero();
      assertThat(result.get().stat("engine/pause_count")).isEqualTo(1);
    }
  }
}
