package dev.kumo.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Request;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.FrontierException;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.testsite.SiteStats;
import dev.kumo.testsite.TestSite;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Redis restarted under a running worker: with persistence the worker reconnects and the crawl completes with
 * every page once; without it the worker stops with a clear message; a Redis that does not come back within the
 * bound stops the worker too.
 */
class RedisRestartTest {
  private static final int PAGES = 300;

  private static CrawlOptions options(Duration reconnect) {
    return CrawlOptions.of(FrontierOrder.FIFO, Duration.ofSeconds(3)).reconnectFor(reconnect);
  }

  @Test
  void aWorkerReconnectsToARestartedRedisAndTheCrawlCompletesWithEveryPageOnce() throws Exception {
    LocalRedis.Server server = LocalRedis.Server.startPrivate(true);
    try (TestSite site = TestSite.builder().pages(PAGES).latency(Duration.ofMillis(20)).start()) {
      // Leases outlive the outage (1 s down, the restart, the reconnect's backoff): an expired lease would be
      // crawled twice, which this test forbids; expiry has tests of its own.
      RedisFrontier f = RedisFrontier.open(server.uri(), "restart",
          CrawlOptions.of(FrontierOrder.FIFO, Duration.ofSeconds(15)).reconnectFor(Duration.ofSeconds(30)));
      Crawler crawler = Crawler.builder(new PageSpider(site.startUrl())).frontier(f).sink(f.items())
          .overrides(Settings.defaults().with(Setting.CONCURRENT_REQUESTS, 4).with(Setting.ROBOTSTXT_OBEY, false))
          .build();
      CompletableFuture<CrawlResult> run = CompletableFuture.supplyAsync(() -> {
        try {
          return crawler.run();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      while (site.stats().totalRequests() < PAGES / 5 && !run.isDone()) {
        Thread.sleep(20);
      }
      server.stop();
      Thread.sleep(1000);
      server = server.restart();
      CrawlResult result = run.get();
      assertThat(result.finishReason()).isEqualTo("finished");
      SiteStats stats = site.stats();
      for (int n = 0; n < PAGES; n++) {
        assertThat(stats.pageFetchCount(n)).as("fetches of /page/%d", n).isEqualTo(1);
      }
      try (RedisCrawl crawl = RedisCrawl.open(server.uri(), "restart")) {
        Set<String> urls = new HashSet<>();
        for (RedisCrawl.StreamedItem item : crawl.items("0", PAGES * 2, Duration.ZERO)) {
          assertThat(urls.add(new String(item.json()))).as("in the stream twice: %s", new String(item.json()))
              .isTrue();
        }
        assertThat(urls).hasSize(PAGES);
      }
    } finally {
      server.close();
    }
  }

  @Test
  void aRedisRestartedWithoutItsDataStopsTheWorkerWithAClearMessage() throws Exception {
    LocalRedis.Server server = LocalRedis.Server.startPrivate(false);
    try (RedisFrontier f = RedisFrontier.open(server.uri(), "lost", options(Duration.ofSeconds(30)))) {
      f.offer(Request.to("http://h/1").build(), new Fingerprint(1, 1), "h");
      server.stop();
      server = server.restart();
      assertThatThrownBy(() -> f.take(s -> true)).isInstanceOf(FrontierException.class)
          .hasMessageContaining("the crawl is gone from this Redis").hasMessageContaining("new --crawl name");
    } finally {
      server.close();
    }
  }

  @Test
  void aRedisThatDoesNotComeBackStopsTheWorkerAfterTheBound() throws Exception {
    LocalRedis.Server server = LocalRedis.Server.startPrivate(false);
    try (RedisFrontier f = RedisFrontier.open(server.uri(), "gone", options(Duration.ofSeconds(2)))) {
      server.stop();
      long start = System.nanoTime();
      assertThatThrownBy(() -> f.take(s -> true)).isInstanceOf(FrontierException.class)
          .hasMessageContaining("could not reach it again in 2 s");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("retried for the bound")
          .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    } finally {
      server.close();
    }
  }
}
