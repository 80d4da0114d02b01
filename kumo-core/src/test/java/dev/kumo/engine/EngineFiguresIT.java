package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Progress;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figures a crawl reports about itself (per slot, in flight, the frontier at the end), checked exactly on
 * crawls whose figures do not depend on timing; and the global {@code concurrent_requests} limit, held at the
 * site with requests that answer only when the test releases them.
 */
class EngineFiguresIT {
  static final String HOST = "127.0.0.1";

  @AutoClose
  static TestSite site;

  @BeforeAll
  static void startTheSite() { // not a static final: PIT runs the class again in one JVM, after the close
    site = TestSite.builder().pages(12).start();
  }

  static Settings sequential() {
    return Settings.defaults().with(Setting.EXECUTION_MODEL, "sequential");
  }

  @Test
  void aSequentialCrawlReportsItsSlotAndOneRequestInFlightAtATime() throws Exception {
    Crawler crawler = Crawler.builder(new SiteSpider(site.startUrl())).overrides(sequential()
        .with(Setting.DOWNLOAD_DELAY, 0.02).with(Setting.DOWNLOAD_DELAY_JITTER, 0.0)
        .with(Setting.CLOSESPIDER_TIMEOUT, 600.0)).build(); // a time-out far away changes nothing
    CrawlResult result = crawler.run();
    long pages = result.pages();
    assertThat(result.finishReason()).isEqualTo("finished");
    assertThat(pages).isGreaterThan(3);
    assertThat(result.stat("downloader/request_count")).isEqualTo(pages);
    assertThat(result.stat("downloader/request_method_count/GET")).isEqualTo(pages);
    assertThat(result.stat("frontier/seen")).isEqualTo(pages);
    assertThat(result.stats()).containsEntry("frontier/left_queued", 0L);
    assertThat(result.stat("slots/" + HOST + "/requests")).isEqualTo(pages);
    assertThat(result.stat("slots/" + HOST + "/max_in_flight")).isEqualTo(1);
    assertThat(result.stat("slots/" + HOST + "/delay_ms")).isEqualTo(20);
    for (String oneAtATime : List.of("downloader/max_active", "downloader/max_in_flight")) {
      assertThat(result.stat(oneAtATime)).as(oneAtATime).isEqualTo(1);
    }
    assertThat(result.stat("engine/max_leased")).as("leases end when their items are written").isPositive();
    assertThat(crawler.slots()).containsExactly(new Progress.SlotView(HOST, 0, 8, pages, 0.02));
    assertThat(result.stats()).as("the transport's counters are added only when not zero")
        .doesNotContainKeys("cookies/refused_domain", "cookies/refused_malformed");
  }

  @Test
  void aCrawlClosedEarlyReportsWhatItLeftQueued() throws Exception {
    CrawlResult result = Crawler.builder(new SiteSpider(site.startUrl()))
        .overrides(sequential().with(Setting.CLOSESPIDER_PAGECOUNT, 2)).build().run();
    assertThat(result.finishReason()).isEqualTo("closespider_pagecount");
    assertThat(result.pages()).isEqualTo(2);
    assertThat(result.stat("frontier/left_queued")).isPositive()
        .isEqualTo(result.stat("frontier/seen") - 2);
  }

  @Test
  void theGlobalLimitHoldsBelowTheSlotsOwn() throws Exception {
    String key = "global-limit";
    List<String> held = IntStream.range(0, 6).mapToObj(i -> site.url("/hold?key=" + key + "&n=" + i)).toList();
    Spider spider = new FetchingSpider(held);
    Crawler crawler = Crawler.builder(spider).overrides(Settings.defaults()
        .with(Setting.CONCURRENT_REQUESTS, 2).with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 8)).build();
    AtomicInteger inFlightWhileHeld = new AtomicInteger();
    Thread releaser = Thread.ofPlatform().start(() -> {
      try {
        while (site.stats().inFlight() < 2) {
          Thread.sleep(5);
        }
        Thread.sleep(300); // room for a third request, were the limit broken; the assertions do not time anything
        inFlightWhileHeld.set(crawler.progress().inFlight());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        site.release(key);
      }
    });
    CrawlResult result = crawler.run();
    releaser.join();
    assertThat(result.pages()).isEqualTo(held.size());
    assertThat(site.stats().maxInFlightByHost()).containsEntry(HOST, 2);
    assertThat(result.stat("downloader/max_in_flight")).isEqualTo(2);
    assertThat(result.stat("downloader/max_active")).isEqualTo(2);
    assertThat(inFlightWhileHeld).hasValue(2);
  }
}
