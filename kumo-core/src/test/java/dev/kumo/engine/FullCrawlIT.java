package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Item;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.testsite.TestSite;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A whole 1000-page site, crawled in each execution model: every page once, the expected items. */
class FullCrawlIT {
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.builder().pages(1000).hosts(2).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"async", "threads", "sequential"})
  void everyPageExactlyOnceWithExpectedItems(String model) throws Exception {
    site.resetStats();
    ConcurrentLinkedQueue<Item> items = new ConcurrentLinkedQueue<>();
    CrawlResult result = Crawler.builder(new SiteSpider(site.startUrl()))
        .overrides(Settings.defaults().with(Setting.EXECUTION_MODEL, model).with(Setting.CONCURRENT_REQUESTS, 32))
        .onItem(items::add)
        .build()
        .run();

    Set<Item> expected = new HashSet<>();
    IntStream.range(0, 1000).forEach(n -> expected.add(Item.of("url", site.pageUrl(n),
        "title", site.expectedTitle(n), "price", site.expectedPrice(n))));
    assertThat(result.finishReason()).isEqualTo("finished");
    assertThat(new HashSet<>(items)).isEqualTo(expected);
    assertThat(items).hasSize(1000);
    assertThat(result.pages()).isEqualTo(1000);
    assertThat(result.stat("dupefilter/filtered")).isPositive();
    assertThat(result.stat("invalid_url/unsupported_scheme")).isPositive();
    assertThat(site.stats().duplicateFetches()).isZero();
    assertThat(site.stats().totalRequests()).isEqualTo(1000);
    assertThat(result.stat("downloader/max_in_flight")).isLessThanOrEqualTo(32);
    assertThat(List.of(result.items())).containsExactly(1000L);
  }
}
