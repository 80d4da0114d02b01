package dev.kumo.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.testsite.SiteStats;
import dev.kumo.testsite.TestSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three workers (three engines, each with its own frontier connection, slots and transport) crawl a 4-host site
 * through one Redis: the per-domain limit and the download delay hold for all of them together, by the site's
 * own counters, and robots.txt is fetched once per host for all.
 */
class SharedPolitenessIT {
  private static final int WORKERS = 3;

  @RegisterExtension
  final Crawls crawls = new Crawls();

  private List<CrawlResult> crawl(TestSite site, Settings settings) throws Exception {
    String name = crawls.newName();
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    try {
      List<Future<CrawlResult>> runs = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        RedisFrontier f = crawls.open(name, FrontierOrder.FIFO, Duration.ofSeconds(30));
        Crawler c = Crawler.builder(new PageSpider(site.startUrl())).overrides(settings).frontier(f)
            .sink(f.items()).build();
        runs.add(pool.submit(c::run));
      }
      List<CrawlResult> results = new ArrayList<>();
      for (Future<CrawlResult> r : runs) {
        results.add(r.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long pages(List<CrawlResult> results) {
    return results.stream().mapToLong(CrawlResult::pages).sum();
  }

  @Test
  void thePerDomainLimitHoldsForAllWorkersTogether() throws Exception {
    try (TestSite site = TestSite.builder().pages(240).hosts(4).latency(Duration.ofMillis(80)).start()) {
      List<CrawlResult> results = crawl(site, Settings.defaults().with(Setting.CONCURRENT_REQUESTS, 16)
          .with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 2).with(Setting.ROBOTSTXT_OBEY, false));
      assertThat(pages(results)).isEqualTo(240);
      assertThat(results).allSatisfy(r -> assertThat(r.pages()).as("every worker crawled").isPositive());
      Map<String, Integer> perHost = site.stats().maxInFlightByHost();
      assertThat(perHost).hasSize(4);
      assertThat(perHost.values()).as("most in flight per host, 3 workers of 2 each").allMatch(n -> n <= 2)
          .anyMatch(n -> n == 2);
    }
  }

  @Test
  void theDownloadDelayHoldsForAllWorkersTogether() throws Exception {
    try (TestSite site = TestSite.builder().pages(48).hosts(4).start()) {
      List<CrawlResult> results = crawl(site, Settings.defaults().with(Setting.CONCURRENT_REQUESTS, 16)
          .with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 2).with(Setting.DOWNLOAD_DELAY, 0.2)
          .with(Setting.ROBOTSTXT_OBEY, false));
      assertThat(pages(results)).isEqualTo(48);
      // The lower bound of a jittered 0.2 s delay is 0.1 s. As in PolitenessIT, the site stamps a request when its
      // handler runs (tens of ms of noise on a loaded machine); here the worker also raises the slot's next start
      // in Redis one round trip before its request goes on the wire, and a worker descheduled between the two
      // shortens that gap: 50 ms of noise allowed (30 ms in the single-process test).
      long lowerBound = 100_000_000L - 50_000_000L;
      Map<String, List<Long>> starts = site.stats().requestStartNanosByHost();
      assertThat(starts).hasSize(4);
      starts.forEach((host, times) -> {
        List<Long> sorted = new ArrayList<>(times);
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
          assertThat(sorted.get(i) - sorted.get(i - 1)).as("gap %d on %s", i, host)
              .isGreaterThanOrEqualTo(lowerBound);
        }
      });
    }
  }

  @Test
  void robotsTxtIsFetchedOncePerHostForAllWorkersAndObeyedByEach() throws Exception {
    try (TestSite site = TestSite.builder().pages(120).hosts(4).latency(Duration.ofMillis(20))
        .robotsTxt("User-agent: *\nDisallow: /page/7\n").start()) {
      List<CrawlResult> results = crawl(site, Settings.defaults().with(Setting.ROBOTSTXT_OBEY, true));
      SiteStats stats = site.stats();
      assertThat(stats.requestCountByPath().get("/robots.txt")).as("robots.txt fetches, 4 hosts").isEqualTo(4);
      assertThat(stats.requestCountByPath().keySet()).noneMatch(p -> p.matches("/page/7\\d*"));
      assertThat(results.stream().mapToLong(r -> r.stat("robotstxt/forbidden")).sum()).isPositive();
    }
  }
}
