package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.download.Transport;
import dev.kumo.download.TransportConfig;
import dev.kumo.middleware.DownloadAction;
import dev.kumo.middleware.DownloaderMiddleware;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A downloader middleware that replaces each response with one of its own: the replaced response's body no
 * longer counts against {@code download_memory_budget}, so later downloads find room and nothing is left held.
 */
class ReplacedResponseBudgetIT {
  static final int BODIES = 8;
  static final int BODY_BYTES = 1_500_000;
  static final long BUDGET = 5L << 20; // room for three bodies: a leak of each replaced one stalls the fourth

  static TestSite site; // started per run of the class, not a static final: PIT runs a class many times in one JVM

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(1).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** Answers with a small page of its own in place of the downloaded one. */
  static final class Summarise implements DownloaderMiddleware {
    @Override
    public DownloadAction processResponse(Request request, Response response) {
      return DownloadAction.respond(Response.to(request).url(response.url()).status(response.status())
          .html("<p>" + response.bodyLength() + " bytes</p>").build());
    }
  }

  @Test
  void aReplacedResponsesBodyIsGivenBackToTheBudget() throws Exception {
    List<String> urls = IntStream.range(0, BODIES)
        .mapToObj(i -> site.url("/big?bytes=" + (BODY_BYTES + i))).toList();
    AtomicInteger parsed = new AtomicInteger();
    Spider spider = EngineBehaviourIT.spider(urls, (response, out) -> {
      assertThat(response.text()).endsWith(" bytes</p>");
      parsed.incrementAndGet();
    });
    AtomicReference<TransportConfig> config = new AtomicReference<>();
    CrawlResult result = Crawler.builder(spider)
        .overrides(Settings.defaults().with(Setting.CONCURRENT_REQUESTS, 2)
            .with(Setting.DOWNLOAD_MEMORY_BUDGET, BUDGET).with(Setting.RETRY_ENABLED, false)
            .with(Setting.DOWNLOAD_TIMEOUT, 5.0)) // a leak cuts the downloads waiting for room then, not hang
        .downloaderMiddleware(new Summarise(), 950)
        .transport(c -> {
          config.set(c);
          return Transport.open(c);
        })
        .build().run();

    assertThat(result.stat("downloader/exception_count")).isZero();
    assertThat(parsed.get()).isEqualTo(BODIES);
    assertThat(config.get().budget().used()).as("every body given back").isZero();
  }
}
