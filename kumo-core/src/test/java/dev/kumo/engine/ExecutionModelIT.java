package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Item;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.testsite.TestSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What must hold in every execution model: determinism, back-pressure, limits, stop and abort. */
class ExecutionModelIT {
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.builder().pages(300).hosts(3).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Settings model(String model) {
    return Settings.defaults().with(Setting.EXECUTION_MODEL, model);
  }

  @Test
  void sequentialOrderIsTheSameOnEveryRun() throws Exception {
    List<List<String>> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      SiteSpider spider = new SiteSpider(site.startUrl());
      Crawler.builder(spider).overrides(model("sequential")).build().run();
      runs.add(List.copyOf(spider.visited));
    }
    assertThat(runs.get(0)).hasSize(300);
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
    assertThat(runs.get(2)).isEqualTo(runs.get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"async", "threads", "sequential"})
  void aSlowPipelineHoldsBackParsingAndDownloadingWithinTheBound(String model) throws Exception {
    int capacity = 8;
    int concurrency = 16;
    int parseThreads = 2;
    ConcurrentLinkedQueue<Item> items = new ConcurrentLinkedQueue<>();
    CrawlResult result = Crawler.builder(new SiteSpider(site.startUrl()))
        .overrides(model(model).with(Setting.QUEUE_CAPACITY, capacity).with(Setting.CONCURRENT_REQUESTS, concurrency)
            .with(Setting.PARSE_THREADS, parseThreads))
        .processor(item -> {
          Thread.sleep(2); // a slow exporter
          return item;
        })
        .onItem(items::add)
        .build().run();
    assertThat(items).hasSize(300);
    assertThat(result.stat("pipeline/queue_peak")).isLessThanOrEqualTo(capacity);
    // leased = downloading + waiting for or in a parser (+ capacity + parseThreads) + waiting for the pipeline
    // (capacity batches) + being written (a group of at most what the queue held); each part is bounded
    assertThat(result.stat("engine/max_leased"))
        .isLessThanOrEqualTo(concurrency + parseThreads + 3 * capacity + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"async", "threads"})
  void perDomainLimitHolds(String model) throws Exception {
    try (TestSite slow = TestSite.builder().pages(120).hosts(2).latency(Duration.ofMillis(30)).start()) {
      CrawlResult result = Crawler.builder(new SiteSpider(slow.startUrl()))
          .overrides(model(model).with(Setting.CONCURRENT_REQUESTS, 32).with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 3))
          .build().run();
      assertThat(result.pages()).isEqualTo(120);
      assertThat(slow.stats().maxInFlightByHost().values()).containsOnly(3);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"async", "threads", "sequential"})
  void stopFinishesWhatIsInFlightAndAbortCutsIt(String model) throws Exception {
    try (TestSite slow = TestSite.builder().pages(200).latency(Duration.ofMillis(100)).start()) {
      ConcurrentLinkedQueue<Item> items = new ConcurrentLinkedQueue<>();
      Crawler crawler = Crawler.builder(new SiteSpider(slow.startUrl()))
          .overrides(model(model).with(Setting.CONCURRENT_REQUESTS, 4)).onItem(items::add).build();
      Thread stopper = Thread.ofVirtual().start(() -> sleepThen(500, crawler::stop));
      CrawlResult stopped = crawler.run();
      stopper.join();
      assertThat(stopped.finishReason()).isEqualTo("shutdown");
      assertThat(stopped.pages()).isPositive().isLessThan(200);
      assertThat(items).hasSize((int) stopped.pages()); // every downloaded page was parsed and exported

      Crawler aborted = Crawler.builder(new EngineBehaviourIT.NoopSpider(slow.url("/slow?ms=30000")))
          .overrides(model(model)).build();
      Thread aborter = Thread.ofVirtual().start(() -> sleepThen(300, aborted::abort));
      CrawlResult result = aborted.run();
      aborter.join();
      assertThat(result.finishReason()).isEqualTo("aborted");
      assertThat(result.stat("response_received_count")).isZero();
    }
  }

  static void sleepThen(long millis, Runnable action) {
    try {
      Thread.sleep(millis);
      action.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
