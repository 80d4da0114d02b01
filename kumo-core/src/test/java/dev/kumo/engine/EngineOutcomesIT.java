package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.DownloadObserver;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.download.DownloadException;
import dev.kumo.download.Transport;
import dev.kumo.download.TransportConfig;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every download's outcome reaches the crawl's {@link DownloadObserver}; a transport's bug fails its request only;
 * an {@link Error} in a download stops the crawl and is thrown by it.
 */
class EngineOutcomesIT {
  @AutoClose
  static TestSite site;

  @BeforeAll
  static void startTheSite() { // not a static final: PIT runs the class again in one JVM, after the close
    site = TestSite.builder().pages(4).start();
  }

  /** Fetches its start URLs, follows nothing, and fails on page 2. */
  static Spider fetching(String... urls) {
    return new FetchingSpider(List.of(urls), response -> {
      if (response.url().contains("/page/2")) {
        throw new IllegalStateException("page 2 is broken");
      }
    });
  }

  /**
   * The transport the settings name, except that a request for /page/1 runs {@code failure} first, and its close
   * runs {@code closeFailure} after closing.
   */
  record Failing(Transport real, Runnable failure, Runnable closeFailure) implements Transport {
    static Function<TransportConfig, Transport> onPage1(Runnable failure) {
      return config -> new Failing(Transport.open(config), failure, () -> {});
    }

    @Override
    public Response exchange(Request request) throws DownloadException, InterruptedException {
      if (request.url().endsWith("/page/1")) {
        failure.run();
      }
      return real.exchange(request);
    }

    @Override
    public Map<String, Long> counters() {
      return real.counters();
    }

    @Override
    public void close() {
      real.close();
      closeFailure.run();
    }
  }

  @Test
  void theObserverHearsEachResponseFailureAndSpiderError() throws Exception {
    Queue<String> heard = new ConcurrentLinkedQueue<>();
    DownloadObserver observer = new DownloadObserver() {
      @Override
      public void responded(String slot, Request request, int status, long nanos) {
        heard.add(slot + " " + status + " " + path(request) + (nanos >= 0 ? "" : " negative time"));
      }

      @Override
      public void failed(String slot, Request request, String reason) {
        heard.add(slot + " failed " + reason + " " + path(request));
      }

      @Override
      public void spiderError(String slot, Request request, Throwable error) {
        heard.add(slot + " error " + error.getMessage() + " " + path(request));
      }
    };
    String refused = "http://127.0.0.1:1/refused";
    CrawlResult result = Crawler.builder(fetching(site.pageUrl(0), site.pageUrl(2), site.url("/missing"), refused))
        .overrides(Settings.defaults().with(Setting.RETRY_ENABLED, false)).observer(observer).build().run();
    assertThat(result.finishReason()).isEqualTo("finished");
    assertThat(heard).containsExactlyInAnyOrder("127.0.0.1 200 /page/0", "127.0.0.1 200 /page/2",
        "127.0.0.1 error page 2 is broken /page/2", "127.0.0.1 404 /missing",
        "127.0.0.1 failed " + DownloadException.CONNECT + " /refused");
  }

  static String path(Request request) {
    return java.net.URI.create(request.url()).getPath();
  }

  @Test
  void aTransportsBugFailsItsRequestAndTheCrawlGoesOn() throws Exception {
    CrawlResult result = Crawler.builder(fetching(site.pageUrl(0), site.pageUrl(1), site.pageUrl(3)))
        .overrides(Settings.defaults().with(Setting.RETRY_ENABLED, false))
        .transport(Failing.onPage1(() -> {
          throw new IllegalStateException("a bug in the client");
        })).build().run();
    assertThat(result.finishReason()).isEqualTo("finished");
    assertThat(result.pages()).isEqualTo(2);
    assertThat(result.stat("downloader/exception_type_count/" + DownloadException.IO)).isEqualTo(1);
  }

  @Test
  void callbackErrorsCountTowardsCloseSpiderErrorcount() throws Exception {
    CrawlResult result = Crawler.builder(fetching(site.pageUrl(2), site.pageUrl(2) + "?again", site.pageUrl(0)))
        .overrides(Settings.defaults().with(Setting.EXECUTION_MODEL, "sequential")
            .with(Setting.CLOSESPIDER_ERRORCOUNT, 2)).build().run();
    assertThat(result.finishReason()).isEqualTo("closespider_errorcount");
    assertThat(result.stat("spider_exceptions/IllegalStateException")).isEqualTo(2);
  }

  @Test
  void anErrorInADownloadStopsTheCrawlAndIsThrown() {
    Error fatal = new Error("the JVM is in trouble");
    Crawler crawler = Crawler.builder(fetching(site.pageUrl(1)))
        .overrides(Settings.defaults().with(Setting.RETRY_ENABLED, false)).transport(Failing.onPage1(() -> {
          throw fatal;
        })).build();
    assertThatThrownBy(crawler::run).isSameAs(fatal);
    assertThat(crawler.stats().get("engine/fatal_errors/Error")).as("fetched once, never handed out again")
        .isEqualTo(1);
    assertThat(crawler.stats().get("log_count/ERROR")).isEqualTo(1);
    assertThat(crawler.stats().get("frontier/left_queued")).as("its request went back to the frontier").isEqualTo(1);
  }

  /**
   * An abort interrupts the request on the wire: the crawl ends while the site still holds the response (for up
   * to 60 s), so a broken abort shows as this test's time-out, far above a working one's second.
   */
  @ParameterizedTest
  @ValueSource(strings = {"async", "threads", "sequential"})
  @Timeout(30)
  void anAbortInterruptsTheRequestsInFlight(String model) throws Exception {
    String key = "abort-in-flight-" + model;
    Crawler crawler = Crawler.builder(fetching(site.url("/hold?key=" + key)))
        .overrides(Settings.defaults().with(Setting.EXECUTION_MODEL, model)).build();
    Thread aborter = Thread.ofPlatform().start(() -> {
      try {
        while (site.stats().inFlight() < 1) {
          Thread.sleep(5);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      crawler.abort();
    });
    try {
      CrawlResult result = crawler.run();
      assertThat(result.finishReason()).isEqualTo("aborted");
      assertThat(result.pages()).isZero();
    } finally {
      site.release(key);
      aborter.join();
    }
  }
}
