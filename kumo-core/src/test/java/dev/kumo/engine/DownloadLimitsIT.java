package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.testsite.TestSite;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** robots.txt, Retry-After, retries, timeouts and size limits: each case's outcome and stat. */
class DownloadLimitsIT {
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.builder().pages(30)
        .robotsTxt("User-agent: *\nDisallow: /page/1\nCrawl-delay: 0.3\n").start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static CrawlResult fetchAll(List<String> urls, Settings settings, ConcurrentLinkedQueue<Response> into)
      throws Exception {
    Spider spider = new Spider() {
      @Override
      public List<String> startUrls() {
        return urls;
      }

      @Override
      public void parse(Response response, Output out) {
        into.add(response);
      }
    };
    return Crawler.builder(spider).overrides(settings).build().run();
  }

  @Test
  void robotsTxtDisallowIsObeyedAndCrawlDelayRaisesTheSlotDelay() throws Exception {
    ConcurrentLinkedQueue<Response> got = new ConcurrentLinkedQueue<>();
    CrawlResult result = fetchAll(List.of(site.pageUrl(0), site.pageUrl(1), site.pageUrl(2), site.pageUrl(3)),
        Settings.defaults().with(Setting.ROBOTSTXT_OBEY, true), got);
    assertThat(got).extracting(Response::url)
        .containsExactlyInAnyOrder(site.pageUrl(0), site.pageUrl(2), site.pageUrl(3));
    assertThat(result.stat("robotstxt/forbidden")).isEqualTo(1);
    assertThat(result.stat("robotstxt/request_count")).isEqualTo(1);
    assertThat(result.stat("slots/127.0.0.1/delay_ms")).isEqualTo(300);
    assertThat(site.stats().requestCountByPath()).containsEntry("/robots.txt", 1L);
  }

  @Test
  void retryAfterPausesTheSlotRetriesFreelyUpToRetryAfterMaxThenGivesUp() throws Exception {
    ConcurrentLinkedQueue<Response> got = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    CrawlResult result = fetchAll(List.of(site.baseUrl() + "/status/503?retry-after=1"),
        Settings.defaults().with(Setting.RETRY_TIMES, 1).with(Setting.RETRY_BACKOFF_BASE, 0.0)
            .with(Setting.RETRY_AFTER_MAX, 1.5), got);
    long elapsed = System.nanoTime() - start;
    assertThat(got).isEmpty();
    // 1 s waited: free; 2 s in all would pass 1.5 s: the one retry of retry_times; then it gives up
    assertThat(result.stat("retry_after/count")).isEqualTo(3);
    assertThat(result.stat("retry_after/retry_count")).isEqualTo(1);
    assertThat(result.stat("retry/count")).isEqualTo(2);
    assertThat(result.stat("retry/max_reached")).isEqualTo(1);
    assertThat(result.stat("httperror/response_ignored_status_count/503")).isEqualTo(1);
    assertThat(elapsed).isGreaterThanOrEqualTo(1_000_000_000L); // the retry waited for Retry-After
  }

  @Test
  void retriesWithBackoffUntilSuccess() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer flaky = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    flaky.createContext("/", ex -> {
      byte[] body = "<h1>ok</h1>".getBytes(StandardCharsets.UTF_8);
      int status = calls.incrementAndGet() <= 2 ? 503 : 200;
      ex.getResponseHeaders().add("Content-Type", "text/html");
      ex.sendResponseHeaders(status, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    flaky.start();
    try {
      ConcurrentLinkedQueue<Response> got = new ConcurrentLinkedQueue<>();
      String url = "http://127.0.0.1:" + flaky.getAddress().getPort() + "/x";
      long start = System.nanoTime();
      CrawlResult result = fetchAll(List.of(url), Settings.defaults().with(Setting.RETRY_BACKOFF_BASE, 0.2), got);
      long elapsed = System.nanoTime() - start;
      assertThat(got).singleElement().extracting(Response::status).isEqualTo(200);
      assertThat(result.stat("retry/reason_count/503")).isEqualTo(2);
      assertThat(calls.get()).isEqualTo(3);
      // backoffs of 0.2 s and 0.4 s, each jittered to at least half
      assertThat(elapsed).isGreaterThanOrEqualTo(300_000_000L);
    } finally {
      flaky.stop(0);
    }
  }

  @Test
  void trickleIsCutAtTheTotalTimeout() throws Exception {
    ConcurrentLinkedQueue<Response> got = new ConcurrentLinkedQueue<>();
    CrawlResult result = fetchAll(List.of(site.baseUrl() + "/trickle?bytes=100&interval-ms=200"),
        Settings.defaults().with(Setting.DOWNLOAD_TIMEOUT, 1.0).with(Setting.RETRY_ENABLED, false), got);
    assertThat(got).isEmpty();
    assertThat(result.stat("downloader/exception_type_count/timeout")).isEqualTo(1);
  }

  @Test
  void silentServerIsCutAtTheReadTimeout() throws Exception {
    ConcurrentLinkedQueue<Response> got = new ConcurrentLinkedQueue<>();
    CrawlResult result = fetchAll(List.of(site.baseUrl() + "/slow?ms=5000"),
        Settings.defaults().with(Setting.DOWNLOAD_READ_TIMEOUT, 0.5).with(Setting.RETRY_ENABLED, false), got);
    assertThat(got).isEmpty();
    assertThat(result.stat("downloader/exception_type_count/timeout")).isEqualTo(1);
  }

  @Test
  void bodiesOverMaxsizeAndGzipBombsAreAborted() throws Exception {
    ConcurrentLinkedQueue<Response> got = new ConcurrentLinkedQueue<>();
    CrawlResult result = fetchAll(List.of(site.baseUrl() + "/big?bytes=3000000",
            site.baseUrl() + "/gzip-bomb?mb=64", site.baseUrl() + "/endless", site.pageUrl(0)),
        Settings.defaults().with("download_maxsize", "1m").with(Setting.RETRY_ENABLED, false), got);
    assertThat(got).extracting(Response::url).containsExactly(site.pageUrl(0));
    assertThat(result.stat("downloader/exception_type_count/maxsize")).isEqualTo(3);
  }
}
