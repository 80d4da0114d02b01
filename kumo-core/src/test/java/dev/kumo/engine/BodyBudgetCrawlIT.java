package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.download.Transport;
import dev.kumo.download.TransportConfig;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many large bodies at once against a small {@code download_memory_budget}: every body arrives, and the bytes
 * held in bodies (downloading, decoding, waiting for or in their callback), as the budget measures them, never
 * pass the budget; all of it is given back at the end.
 */
class BodyBudgetCrawlIT {
  static final int BODIES = 24;
  static final int BODY_BYTES = 1_500_000;
  static final long BUDGET = 5L << 20;
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.builder().pages(1).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"async", "threads", "sequential"})
  void bodiesHeldAtOnceNeverPassTheBudgetWhateverTheConcurrency(String model) throws Exception {
    List<String> urls = IntStream.range(0, BODIES)
        .mapToObj(i -> site.url("/big?bytes=" + (BODY_BYTES + i))).toList();
    AtomicInteger parsed = new AtomicInteger();
    Spider spider = new Spider() {
      @Override
      public List<String> startUrls() {
        return urls;
      }

      @Override
      public void parse(Response response, Output out) throws InterruptedException {
        assertThat(response.bodyLength()).isGreaterThanOrEqualTo(BODY_BYTES);
        Thread.sleep(100); // a slow callback: bodies pile up waiting for the one parser
        parsed.incrementAndGet();
      }
    };
    AtomicReference<TransportConfig> config = new AtomicReference<>();
    CrawlResult result = Crawler.builder(spider)
        .overrides(Settings.defaults().with(Setting.EXECUTION_MODEL, model)
            .with(Setting.CONCURRENT_REQUESTS, BODIES).with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, BODIES)
            .with(Setting.PARSE_THREADS, 1).with(Setting.DOWNLOAD_MEMORY_BUDGET, BUDGET)
            .with(Setting.DOWNLOAD_TIMEOUT, 30.0)) // a leak would cut the waiting downloads then, not hang

        .transport(c -> {
          config.set(c);
          return Transport.open(c);
        })
        .build().run();

    assertThat(parsed.get()).isEqualTo(BODIES);
    assertThat(result.stat("downloader/exception_count")).isZero();
    assertThat(result.stat("memory/body_budget_bytes")).isEqualTo(BUDGET);
    assertThat(result.stat("memory/body_budget_peak_bytes")).isBetween((long) BODY_BYTES, BUDGET);
    assertThat(config.get().budget().used()).as("every body given back").isZero();
    if (model.equals("async")) { // 24 bodies arrive at once, 2.4 s of parsing behind one thread
      assertThat(result.stat("memory/body_budget_waits")).as("downloads waited for room").isPositive();
    }
  }
}
