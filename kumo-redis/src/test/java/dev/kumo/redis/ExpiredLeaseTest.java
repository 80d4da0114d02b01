package dev.kumo.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.testsite.TestSite;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A worker whose lease expired while it was stalled: the ack finds the lease gone, drops the page's items (the
 * request was queued again and is crawled again), counts it and goes on; the stream holds the item once.
 */
class ExpiredLeaseTest {
  @RegisterExtension
  final Crawls crawls = new Crawls();

  @Test
  void anAckOfAnExpiredLeaseDropsItsItemsAndTheCrawlGoesOnWithEveryItemOnce() throws Exception {
    String name = crawls.newName();
    String leases = "kumo:{" + name + "}:leases";
    try (TestSite site = TestSite.builder().pages(1).start()) {
      RedisFrontier worker = crawls.open(name, CrawlOptions.of(FrontierOrder.FIFO, Duration.ofSeconds(30)));
      RedisFrontier reaper = crawls.open(name, CrawlOptions.of(FrontierOrder.FIFO, Duration.ofSeconds(30)));
      Crawler crawler = Crawler.builder(new PageSpider(site.url("/hold?key=stall"))).frontier(worker)
          .sink(worker.items()).overrides(Settings.defaults().with(Setting.ROBOTSTXT_OBEY, false)).build();
      CompletableFuture<CrawlResult> run = CompletableFuture.supplyAsync(() -> {
        try {
          return crawler.run();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      await(() -> site.stats().requestCount("/hold") == 1, run);
      // The worker stalls on its page past the lease timeout: its lease expires and another worker reaps it.
      List<String> held = crawls.redis().hkeys(leases);
      assertThat(held).hasSize(1);
      crawls.redis().zadd("kumo:{" + name + "}:deadlines", 0, held.get(0));
      assertThat(reaper.reap()).isEqualTo(1);
      await(() -> site.stats().requestCount("/hold") == 2, run); // queued again: the worker took it again
      site.release("stall");

      CrawlResult result = run.get();

      assertThat(result.finishReason()).isEqualTo("finished");
      assertThat(reaper.crawlStats()).as("counted crawl-wide").containsEntry(ExpiredLeases.STAT, 1L);
      try (RedisCrawl crawl = RedisCrawl.open(crawls.uri(), name)) {
        assertThat(crawl.items("0", 10, Duration.ZERO)).as("the stream holds the page's item once").hasSize(1);
        assertThat(crawl.status(1).leased()).isZero();
        assertThat(crawl.status(1).queued()).isZero();
      }
    }
  }

  private static void await(BooleanSupplier condition, CompletableFuture<?> run) throws InterruptedException {
    while (!condition.getAsBoolean()) {
      assertThat(run).as("the crawl ended early").isNotDone();
      Thread.sleep(10);
    }
  }
}
