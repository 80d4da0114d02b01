package dev.kumo.cache;

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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second crawl of the same spider is served from the cache: the same items, no request at the site. */
class CachedCrawlIT {
  @TempDir
  Path dir;

  static final class PagesSpider extends Spider {
    private final String start;

    PagesSpider(String start) {
      this.start = start;
    }

    @Override
    public List<String> startUrls() {
      return List.of(start);
    }

    @Override
    public void parse(Response response, Output out) {
      out.add(Item.of("url", response.url(), "title", response.css("h1.title::text").get(),
          "cached", response.flags().contains(Response.CACHED)));
      out.addAll(response.css("a::attr(href)").getAll().stream().map(response::follow).toList());
    }
  }

  CrawlResult crawl(TestSite site, Queue<Item> items) throws Exception {
    Settings settings = Settings.defaults().with(Setting.HTTPCACHE_ENABLED, true)
        .with(Setting.HTTPCACHE_DIR, dir.toString()).with(Setting.ROBOTSTXT_OBEY, true);
    return Crawler.builder(new PagesSpider(site.startUrl())).overrides(settings).onItem(items::add).build().run();
  }

  @Test
  void theSecondRunAsksTheSiteNothingAndRunsTheSameCallbacks() throws Exception {
    try (TestSite site = TestSite.builder().pages(60).start()) {
      Queue<Item> first = new ConcurrentLinkedQueue<>();
      CrawlResult one = crawl(site, first);
      assertThat(site.stats().totalRequests()).isEqualTo(61); // the pages and robots.txt
      assertThat(one.stat("httpcache/store")).isEqualTo(61);
      assertThat(one.stat("httpcache/hit")).isZero();

      site.resetStats();
      Queue<Item> second = new ConcurrentLinkedQueue<>();
      CrawlResult two = crawl(site, second);
      assertThat(site.stats().totalRequests()).isZero();
      assertThat(two.stat("httpcache/hit")).isEqualTo(61);
      assertThat(two.stat("httpcache/miss")).isZero();
      assertThat(two.stat("httpcache/store")).isZero();
      assertThat(two.pages()).isEqualTo(60);
      assertThat(first).extracting(i -> i.get("cached")).containsOnly(false);
      assertThat(second).extracting(i -> i.get("cached")).containsOnly(true);
      assertThat(second).extracting(i -> Map.of("url", i.get("url"), "title", i.get("title")))
          .containsExactlyInAnyOrderElementsOf(first.stream()
              .map(i -> Map.of("url", i.get("url"), "title", i.get("title"))).toList());
    }
  }
}
