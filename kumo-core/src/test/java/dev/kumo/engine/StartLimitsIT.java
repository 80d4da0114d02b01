package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.testsite.TestSite;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The global limit and, with robots.txt's probation ending at the first send, each host's limit hold in the async
 * model, as the site counts them.
 */
class StartLimitsIT {

  @Test
  void theGlobalLimitIsReachedAndNeverExceeded() throws Exception {
    try (TestSite site = TestSite.builder().pages(300).latency(Duration.ofMillis(5)).start()) {
      CrawlResult result = PolitenessIT.crawl(new SiteSpider(site.startUrl()), Settings.defaults()
          .with(Setting.EXECUTION_MODEL, "async")
          .with(Setting.CONCURRENT_REQUESTS, 3).with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 64));

      assertThat(result.pages()).isEqualTo(300);
      assertThat(site.stats().maxInFlight()).isEqualTo(3);
      assertThat(site.stats().duplicateFetches()).isZero();
    }
  }

  @Test
  void eachHostsLimitHoldsWithRobotsTxtObeyed() throws Exception {
    try (TestSite site = TestSite.builder().pages(300).hosts(3).latency(Duration.ofMillis(5)).start()) {
      CrawlResult result = PolitenessIT.crawl(new SiteSpider(site.startUrl()), Settings.defaults()
          .with(Setting.EXECUTION_MODEL, "async").with(Setting.ROBOTSTXT_OBEY, true)
          .with(Setting.CONCURRENT_REQUESTS, 64).with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 1));

      assertThat(result.pages()).isEqualTo(300);
      assertThat(site.stats().maxInFlightByHost()).hasSize(3).allSatisfy((host, max) -> assertThat(max).isEqualTo(1));
    }
  }
}
