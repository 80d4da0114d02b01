package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.testsite.TestSite;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code download_slots} in a crawl: an overridden slot keeps its own limit while the others keep theirs. */
class SlotOverridesIT {

  @Test
  void aDownloadSlotOverrideLimitsItsHostOnly() throws Exception {
    try (TestSite site = TestSite.builder().pages(120).hosts(2).latency(Duration.ofMillis(40)).start()) {
      CrawlResult result = Crawler.builder(new SiteSpider(site.startUrl())).overrides(Settings.defaults()
          .with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 4)
          .with(Setting.DOWNLOAD_SLOTS, Map.of("127.0.0.2", Map.of("concurrency", 1)))).build().run();
      assertThat(result.pages()).isEqualTo(120);
      assertThat(site.stats().maxInFlightByHost()).containsEntry("127.0.0.1", 4).containsEntry("127.0.0.2", 1);
      assertThat(result.stat("slots/127.0.0.2/max_in_flight")).isEqualTo(1);
    }
  }
}
