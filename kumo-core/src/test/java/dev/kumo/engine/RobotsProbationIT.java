package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.testsite.SiteStats;
import dev.kumo.testsite.TestSite;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A new slot runs one request until robots.txt is known: its second request starts once the first has been
 * sent past the robots.txt step, while the first is still on the wire, and the slot's limit still holds.
 */
class RobotsProbationIT {

  @Test
  void theSecondRequestStartsOnceTheFirstIsSentNotOnceItIsAnswered() throws Exception {
    try (TestSite site = TestSite.builder().pages(20).latency(Duration.ofMillis(1000)).start()) {
      List<String> starts = IntStream.rangeClosed(1, 4).mapToObj(site::pageUrl).toList();
      Spider spider = new SiteSpider(site.startUrl()) {
        @Override
        public List<String> startUrls() {
          return starts;
        }

        @Override
        public void parse(dev.kumo.Response response, dev.kumo.Output out) {
          // the start pages only
        }
      };
      CrawlResult result = PolitenessIT.crawl(spider, Settings.defaults()
          .with(Setting.ROBOTSTXT_OBEY, true)
          .with(Setting.CONCURRENT_REQUESTS, 16).with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 2));

      assertThat(result.pages()).isEqualTo(4);
      SiteStats stats = site.stats();
      assertThat(stats.requestCount("/robots.txt")).isEqualTo(1);
      assertThat(stats.maxInFlightByHost()).containsEntry("127.0.0.1", 2);
      List<Long> begun = stats.requestStartNanos("127.0.0.1"); // robots.txt, then the pages
      List<Long> ended = stats.requestEndNanos("127.0.0.1");
      assertThat(begun).hasSize(5);
      assertThat(begun.get(2)).as("the second page starts before the first page's response ends")
          .isLessThan(ended.get(1));
    }
  }
}
