package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.testsite.TestSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Politeness, proved with the test site's own instrumentation: concurrency per host and per IP, delays,
 * AutoThrottle, and a slow host that does not hold the others back.
 */
class PolitenessIT {

  static CrawlResult crawl(Spider spider, Settings settings) throws Exception {
    return Crawler.builder(spider).overrides(settings).build().run();
  }

  @Test
  void perDomainLimitIsReachedAndNeverExceeded() throws Exception {
    try (TestSite site = TestSite.builder().pages(400).hosts(4).latency(Duration.ofMillis(50)).start()) {
      CrawlResult result = crawl(new SiteSpider(site.startUrl()), Settings.defaults()
          .with(Setting.CONCURRENT_REQUESTS, 64).with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 2));
      assertThat(result.pages()).isEqualTo(400);
      Map<String, Integer> perHost = site.stats().maxInFlightByHost();
      assertThat(perHost).hasSize(4);
      assertThat(perHost.values()).allMatch(n -> n == 2);
      assertThat(site.stats().maxInFlight()).isGreaterThan(2); // hosts were crawled in parallel
    }
  }

  @Test
  void perIpLimitHoldsAcrossHostNamesOnOneAddress() throws Exception {
    try (TestSite site = TestSite.builder().pages(60).latency(Duration.ofMillis(60)).start()) {
      String a = "http://a.test:" + site.port();
      String b = "http://b.test:" + site.port();
      Spider spider = new SiteSpider(a + "/page/0") {
        @Override
        public List<String> startUrls() {
          return List.of(a + "/page/0", b + "/page/0");
        }

        @Override
        public List<String> allowedDomains() {
          return List.of("a.test", "b.test");
        }
      };
      CrawlResult result = crawl(spider, Settings.defaults()
          .with(Setting.CONCURRENT_REQUESTS_PER_IP, 3)
          .with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 8) // the per-IP limit wins, not the larger per-domain one
          .with("dns_resolve", Map.of("a.test", "127.0.0.1", "b.test", "127.0.0.1")));
      assertThat(result.pages()).isEqualTo(120);
      assertThat(site.stats().maxInFlightByHost()).containsOnlyKeys("a.test", "b.test");
      assertThat(site.stats().maxInFlight()).isEqualTo(3);
    }
  }

  @Test
  void downloadDelaySpacesStartsInOneSlot() throws Exception {
    for (double jitter : new double[] {0.5, 0.0}) {
      try (TestSite site = TestSite.builder().pages(12).start()) {
        crawl(new SiteSpider(site.startUrl()), Settings.defaults()
            .with(Setting.DOWNLOAD_DELAY, 0.2).with(Setting.DOWNLOAD_DELAY_JITTER, jitter)
            .with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 4));
        List<Long> starts = new ArrayList<>(site.stats().requestStartNanosByHost().get("127.0.0.1"));
        assertThat(starts).hasSize(12);
        starts.sort(null);
        // The site stamps a request when its handler runs, after accept and dispatch to a virtual thread: on a
        // loaded 2-core machine that adds tens of ms of noise to a stamp, most to the first (a new connection,
        // the server's cold path). A late stamp shortens the gap after it as much as it lengthens the one before,
        // so the bound is on each start's distance from the first: request i starts no sooner than i shortest
        // delays after it, less one stamp's noise (well under one delay, so a start that skipped its delay fails).
        long tolerance = 60_000_000L;
        long shortestDelay = jitter > 0 ? 100_000_000L : 200_000_000L;
        for (int i = 1; i < starts.size(); i++) {
          assertThat(starts.get(i) - starts.getFirst()).as("start %d with jitter %s", i, jitter)
              .isGreaterThanOrEqualTo(i * shortestDelay - tolerance);
        }
        long meanGap = (starts.getLast() - starts.getFirst()) / (starts.size() - 1);
        assertThat(meanGap).as("mean gap with jitter %s", jitter).isGreaterThanOrEqualTo(jitter > 0
            ? 120_000_000L : 199_000_000L);
      }
    }
  }

  @Test
  void autoThrottleConvergesToLatencyOverTargetAndRespectsDownloadDelay() throws Exception {
    try (TestSite site = TestSite.builder().pages(25).latency(Duration.ofMillis(200)).start()) {
      CrawlResult result = crawl(new SiteSpider(site.startUrl()), Settings.defaults()
          .with(Setting.AUTOTHROTTLE_ENABLED, true).with(Setting.AUTOTHROTTLE_START_DELAY, 0.4)
          .with(Setting.AUTOTHROTTLE_TARGET_CONCURRENCY, 2.0));
      // target = 200 ms / 2 = 100 ms; the measured latency adds a few ms of local overhead.
      assertThat(result.stat("slots/127.0.0.1/delay_ms")).isBetween(98L, 130L);
    }
    try (TestSite site = TestSite.builder().pages(15).latency(Duration.ofMillis(200)).start()) {
      CrawlResult result = crawl(new SiteSpider(site.startUrl()), Settings.defaults()
          .with(Setting.AUTOTHROTTLE_ENABLED, true).with(Setting.AUTOTHROTTLE_START_DELAY, 0.3)
          .with(Setting.DOWNLOAD_DELAY, 0.25).with(Setting.AUTOTHROTTLE_TARGET_CONCURRENCY, 2.0));
      assertThat(result.stat("slots/127.0.0.1/delay_ms")).isEqualTo(250L);
    }
  }

  @Test
  void aSlowHostDoesNotHoldBackTheOthers() throws Exception {
    try (TestSite site = TestSite.builder().pages(300).hosts(3).start()) {
      AtomicInteger slowDone = new AtomicInteger();
      AtomicInteger slowDoneWhenFastFinished = new AtomicInteger(-1);
      AtomicInteger fastPages = new AtomicInteger();
      // The slow host answers only when the fast pages are all in: no wall-clock margin to break under load.
      String slow = "http://slow.test:" + site.port() + "/hold?key=slow&n=";
      Spider spider = new SiteSpider(site.startUrl()) {
        @Override
        public Iterable<Request> startRequests() {
          List<Request> starts = new ArrayList<>();
          for (int i = 0; i < 2; i++) {
            starts.add(Request.to(slow + i).callback("slow").build());
          }
          starts.add(Request.get(site.startUrl()));
          return starts;
        }

        @Override
        public void parse(Response response, Output out) {
          super.parse(response, out);
          if (fastPages.incrementAndGet() == 300) {
            slowDoneWhenFastFinished.set(slowDone.get());
            site.release("slow");
          }
        }

        void slow(Response response, Output out) {
          slowDone.incrementAndGet();
        }
      };
      CrawlResult result = crawl(spider, Settings.defaults()
          .with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 1).with(Setting.CONCURRENT_REQUESTS, 8)
          .with("dns_resolve", Map.of("slow.test", "127.0.0.1")));
      assertThat(result.pages()).isEqualTo(302);
      // 300 fast pages on 3 hosts were all fetched while the slow host's first response was held.
      assertThat(slowDoneWhenFastFinished.get()).isZero();
      assertThat(slowDone.get()).isEqualTo(2);
    }
  }

}
