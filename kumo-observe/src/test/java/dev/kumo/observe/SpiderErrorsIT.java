package dev.kumo.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.testsite.TestSite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A callback's exception in a real crawl reaches the dashboard's recent errors, with its page's URL. */
class SpiderErrorsIT {
  @Test
  void aCallbackExceptionIsARecentErrorWithItsUrl() throws Exception {
    try (TestSite site = TestSite.builder().pages(3).start()) {
      Spider spider = new Spider() {
        @Override
        public List<String> startUrls() {
          return List.of(site.pageUrl(0), site.pageUrl(1), site.pageUrl(2));
        }

        @Override
        public void parse(Response response, Output out) {
          if (response.url().equals(site.pageUrl(1))) {
            throw new IllegalStateException("no title on this page");
          }
          out.add(Item.of("url", response.url()));
        }
      };
      RecentErrors errors = new RecentErrors(10);
      CrawlResult result = Crawler.builder(spider).observer(errors)
          .overrides(Settings.defaults().with(Setting.ROBOTSTXT_OBEY, false)).build().run();
      assertThat(result.items()).isEqualTo(2);
      assertThat(errors.newestFirst()).singleElement().satisfies(e -> {
        assertThat(e.url()).isEqualTo(site.pageUrl(1));
        assertThat(e.reason()).isEqualTo("spider IllegalStateException: no title on this page");
        assertThat(e.slot()).isEqualTo("127.0.0.1");
      });
    }
  }
}
