package dev.kumo.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Item;
import dev.kumo.testsite.TestSite;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A declarative spider crawling the whole test site. */
class SpecCrawlIT {

  @Test
  void scrapesEveryPageOfTheTestSite() throws Exception {
    try (TestSite site = TestSite.builder().pages(50).start()) {
      SpecSpider spider = SpiderSpec.parse("""
          name: site
          start_urls:
            - %s
            - 'not a url'
          allowed_domains: [127.0.0.1]
          settings:
            logstats_interval: 0
          start_callback: page
          rules:
            - allow: '/page/\\d+$'
              callback: page
              follow: true
          items:
            page:
              fields:
                title: {css: 'h1.title::text', required: true}
                price: {css: '.price::text'}
                amount: {css: '.price::text', re: '[\\d.]+'}
                url: {value: url}
          """.formatted(site.startUrl()), "site.yaml").toSpider();
      Map<String, Item> byUrl = new ConcurrentHashMap<>();

      CrawlResult result = Crawler.builder(spider).onItem(item -> byUrl.put((String) item.get("url"), item))
          .build().run();

      assertThat(result.items()).isEqualTo(50);
      assertThat(byUrl).hasSize(50);
      for (int n = 0; n < 50; n++) {
        Item item = byUrl.get(site.pageUrl(n));
        assertThat(item).as("page %d", n).isNotNull();
        assertThat(item.get("title")).isEqualTo(site.expectedTitle(n));
        assertThat(item.get("price")).isEqualTo(site.expectedPrice(n));
        assertThat(item.get("amount")).isEqualTo(site.expectedPrice(n).substring(1));
      }
      assertThat(result.stat("invalid_url")).isEqualTo(1);
      assertThat(result.stat("spider_exceptions_count")).isZero();
      assertThat(spider.droppedItemCount()).isZero();
    }
  }
}
