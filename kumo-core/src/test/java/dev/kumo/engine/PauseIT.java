package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.testsite.TestSite;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pausing a crawl stops new requests at the site without dropping any; resuming continues; stop drains. */
class PauseIT {
  private static final int PAGES = 200;
  private TestSite site;

  @BeforeEach
  void start() {
    site = TestSite.builder().pages(PAGES).latency(Duration.ofMillis(40)).start();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  /** A crawl of the site, two requests at a time, running on another thread. */
  private record Running(Crawler crawler, CompletableFuture<CrawlResult> result) {}

  /** Starts a crawl and returns once the site has served 20 requests, then pauses it. */
  private Running startedThenPaused() throws InterruptedException {
    Crawler crawler = Crawler.builder(new SiteSpider(site.startUrl()))
        .overrides(Settings.defaults().with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 2)).build();
    Running running = new Running(crawler, runInBackground(crawler));
    await(() -> site.stats().totalRequests() >= 20, "the crawl started");
    crawler.pause();
    return running;
  }

  private static CompletableFuture<CrawlResult> runInBackground(Crawler crawler) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return crawler.run();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, r -> Thread.ofPlatform().start(r));
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }

  /** Waits until the paused crawl has nothing on the wire, and returns the site's request count then. */
  private long quietAfterPause(Crawler crawler) throws InterruptedException {
    await(() -> crawler.progress().inFlight() == 0 && site.stats().inFlight() == 0, "in-flight requests finish");
    return site.stats().totalRequests();
  }

  @Test
  void pauseStopsNewRequestsAndResumeCrawlsEveryPageOnce() throws Exception {
    Running running = startedThenPaused();
    Crawler crawler = running.crawler();
    CompletableFuture<CrawlResult> run = running.result();
    assertThat(crawler.paused()).isTrue();
    long atPause = quietAfterPause(crawler);
    Thread.sleep(500); // many request times (40 ms each, 2 at once): a running crawl would send ~25 more
    assertThat(site.stats().totalRequests()).as("requests while paused").isEqualTo(atPause);
    assertThat(atPause).isLessThan(PAGES);
    assertThat(run).isNotDone();

    crawler.resume();
    CrawlResult result = run.get(60, TimeUnit.SECONDS);
    assertThat(result.finishReason()).isEqualTo("finished");
    assertThat(result.items()).isEqualTo(PAGES);
    assertThat(site.stats().duplicateFetches()).isZero();
    assertThat(result.stat("engine/pause_count")).isEqualTo(1);
  }

  @Test
  void stopWhilePausedDrainsAndEnds() throws Exception {
    Running running = startedThenPaused();
    long atPause = quietAfterPause(running.crawler());
    running.crawler().stop();
    CrawlResult result = running.result().get(30, TimeUnit.SECONDS);
    assertThat(result.finishReason()).isEqualTo("shutdown");
    assertThat(site.stats().totalRequests()).isEqualTo(atPause);
    assertThat(result.items()).isEqualTo(result.pages()).isPositive();
  }
}
