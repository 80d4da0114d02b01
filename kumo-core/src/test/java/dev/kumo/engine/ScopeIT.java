package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** A crawl's scope, seen at the site: offsite links to a second loopback host, and the depth limit. */
class ScopeIT {

  @Test
  void linksToAHostOutsideTheAllowedDomainsAreFilteredAndCounted() throws Exception {
    try (TestSite site = TestSite.builder().pages(40).hosts(2).start()) {
      SiteSpider spider = new SiteSpider(site.startUrl()) {
        @Override
        public List<String> allowedDomains() {
          return List.of("127.0.0.1");
        }
      };
      CrawlResult result = Crawler.builder(spider).build().run();
      assertThat(site.stats().requestsForHost("127.0.0.2")).isZero();
      assertThat(site.stats().requestsForHost("127.0.0.1")).isPositive();
      assertThat(result.stat("offsite/filtered")).isPositive();
      assertThat(result.stat("offsite/domains")).isEqualTo(1);
      assertThat(spider.visited).allMatch(url -> url.startsWith("http://127.0.0.1:"));
    }
  }

  @Test
  void depthLimitFetchesRequestsAtTheLimitAndNoDeeper() throws Exception {
    try (TestSite site = TestSite.builder().pages(60).start()) {
      Queue<Integer> depths = new ConcurrentLinkedQueue<>();
      SiteSpider spider = new SiteSpider(site.pageUrl(0)) {
        @Override
        public void parse(Response response, Output out) {
          depths.add(response.depth());
          super.parse(response, out);
        }
      };
      CrawlResult result = Crawler.builder(spider)
          .overrides(Settings.defaults().with(Setting.DEPTH_LIMIT, 2)).build().run();
      assertThat(depths).contains(0, 1, 2).allMatch(d -> d <= 2);
      assertThat(result.stat("depth/filtered")).isPositive();
      assertThat(result.stat("request_depth_max")).isEqualTo(2);
      assertThat(result.pages()).isLessThan(60);
    }
  }
}
