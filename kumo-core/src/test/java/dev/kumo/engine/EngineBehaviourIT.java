package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Failure;
import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.download.DownloadException;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input, redirects, HTTP errors and closing conditions: each gives its stated, counted outcome. */
class EngineBehaviourIT {
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.builder().pages(200).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** A spider that runs {@code body} for its start URLs. */
  static Spider spider(List<String> starts, Callback body) {
    return new Spider() {
      @Override
      public List<String> startUrls() {
        return starts;
      }

      @Override
      public void parse(Response response, Output out) throws Exception {
        body.handle(response, out);
      }
    };
  }

  interface Callback {
    void handle(Response response, Output out) throws Exception;
  }

  /** Fetches its start URLs and does nothing with them. */
  static final class NoopSpider extends Spider {
    private final List<String> starts;

    NoopSpider(String... starts) {
      this.starts = List.of(starts);
    }

    @Override
    public List<String> startUrls() {
      return starts;
    }

    @Override
    public void parse(Response response, Output out) {}
  }

  static CrawlResult crawl(Spider spider, Settings settings) throws Exception {
    return Crawler.builder(spider).overrides(settings).build().run();
  }

  @Test
  void invalidUrlsAndOtherSchemesAreCountedAndTheCrawlGoesOn() throws Exception {
    ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    Spider spider = spider(List.of(site.startUrl(), "not a url", "ftp://example.com/file"), (r, out) -> {
      seen.add(r.url());
      if (r.depth() == 0) {
        out.add(Request.get("http://exa mple.com/"));
        out.add(Request.get("mailto:someone@example.com"));
        out.add(Request.get("javascript:void(0)"));
        out.add(Request.get("file:///etc/passwd"));
        out.add(r.follow("/page/1"));
      }
    });
    CrawlResult result = crawl(spider, Settings.defaults());
    assertThat(result.finishReason()).isEqualTo("finished");
    assertThat(seen).containsExactlyInAnyOrder(site.pageUrl(0), site.pageUrl(1));
    assertThat(result.stat("invalid_url")).isEqualTo(6);
    assertThat(result.stat("invalid_url/unsupported_scheme")).isEqualTo(4);
    assertThat(result.stat("invalid_url/malformed")).isEqualTo(2);
  }

  @Test
  void nonHtmlResponsesSelectNothingAndCallbackExceptionsAreCounted() throws Exception {
    Map<String, Integer> found = new ConcurrentHashMap<>();
    Spider spider = spider(List.of(site.baseUrl() + "/binary", site.baseUrl() + "/pdf", site.startUrl()),
        (r, out) -> {
          found.put(r.url(), r.css("a::attr(href)").getAll().size() + r.xpath("//p").size());
          if (r.url().equals(site.startUrl())) {
            throw new IllegalStateException("boom");
          }
        });
    CrawlResult result = crawl(spider, Settings.defaults());
    assertThat(found).containsEntry(site.baseUrl() + "/binary", 0).containsEntry(site.baseUrl() + "/pdf", 0);
    assertThat(found.get(site.startUrl())).isPositive();
    assertThat(result.stat("spider_exceptions/IllegalStateException")).isEqualTo(1);
    assertThat(result.finishReason()).isEqualTo("finished");
  }

  @Test
  void malformedHtmlStillYieldsItsTitleAndLinks() throws Exception {
    ConcurrentLinkedQueue<String> titles = new ConcurrentLinkedQueue<>();
    Spider spider = spider(List.of(site.baseUrl() + "/malformed"), (r, out) -> {
      titles.add(r.css("h1.title").text()); // the parser reopens <b><i> inside the h1, as browsers do
      if (r.depth() == 0) {
        out.addAll(r.css("a::attr(href)").getAll().stream().map(r::follow).toList());
      }
    });
    CrawlResult result = crawl(spider, Settings.defaults());
    assertThat(titles).containsExactlyInAnyOrder("Malformed", "Page 0");
    assertThat(result.stat("spider_exceptions_count")).isZero();
  }

  @Test
  void anUnknownCallbackIsACountedSpiderErrorWhenTheRequestIsMadeAndTheRequestIsDropped() throws Exception {
    Spider spider = spider(List.of(site.startUrl()), (r, out) -> {
      if (r.depth() == 0) {
        out.add(r.follow("/page/1", "noSuchMethod"));
        out.add(r.follow("/page/2", "noSuchMethod"));
        out.add(r.follow("/page/3"));
      }
    });
    CrawlResult result = crawl(spider, Settings.defaults());
    assertThat(result.stat(CallbackCheck.STAT)).isEqualTo(2);
    assertThat(result.stat("spider_exceptions_count")).isEqualTo(2);
    assertThat(result.stat("log_count/ERROR")).as("one line per name").isEqualTo(1);
    assertThat(result.pages()).as("the start page and /page/3, never a page for the unknown callback").isEqualTo(2);
  }

  @Test
  void aStartRequestWithAnUnknownCallbackIsNotSent() throws Exception {
    Spider spider = new Spider() {
      @Override
      public Iterable<dev.kumo.Request> startRequests() {
        return List.of(dev.kumo.Request.to(site.startUrl()).callback("pars").build());
      }
    };
    CrawlResult result = crawl(spider, Settings.defaults());
    assertThat(result.stat(CallbackCheck.STAT)).isEqualTo(1);
    assertThat(result.pages()).isZero();
  }

  @Test
  void redirectsAreFollowedThroughTheFrontierAndLoopsStop() throws Exception {
    ConcurrentLinkedQueue<Response> responses = new ConcurrentLinkedQueue<>();
    Spider spider = spider(List.of(site.baseUrl() + "/redirect/3", site.baseUrl() + "/redirect-loop/a"),
        (r, out) -> responses.add(r));
    CrawlResult result = crawl(spider, Settings.defaults());
    assertThat(responses).hasSize(1);
    Response last = responses.peek();
    assertThat(last.url()).isEqualTo(site.startUrl());
    assertThat((List<?>) last.meta().get("redirect_urls")).hasSize(4);
    assertThat(result.stat("redirect/loop")).isEqualTo(1);
    assertThat(result.stat("downloader/response_status_count/302")).isEqualTo(6);
  }

  @Test
  void redirectLimitIsEnforced() throws Exception {
    Spider spider = spider(List.of(site.baseUrl() + "/redirect/5"), (r, out) -> {});
    CrawlResult result = crawl(spider, Settings.defaults().with(Setting.REDIRECT_MAX_TIMES, 3));
    assertThat(result.stat("redirect/max_reached")).isEqualTo(1);
    assertThat(result.stat("response_received_count")).isEqualTo(4);
  }

  /** Sends its start requests; keeps the status of each response its callback gets, and each failure. */
  static final class Recorder extends Spider {
    final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Request> starts;

    Recorder(Request... starts) {
      this.starts = List.of(starts);
    }

    @Override
    public Iterable<Request> startRequests() {
      return starts;
    }

    @Override
    public void parse(Response response, Output out) {
      statuses.add(response.status());
    }

    void failed(Failure failure, Output out) {
      failures.add(failure.kind() + " " + failure.request().url());
    }
  }

  static String closedPortUrl() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + s.getLocalPort() + "/";
    }
  }

  @Test
  void httpErrorsAndFailedDownloadsGoToTheErrbackCountedUnlessTheStatusIsAllowed() throws Exception {
    String refused = closedPortUrl();
    Recorder spider = new Recorder(
        Request.to(site.baseUrl() + "/status/404").meta("handle_httpstatus_list", List.of(500)).errback("failed")
            .build(),
        Request.to(site.baseUrl() + "/status/500").meta("handle_httpstatus_list", List.of(500)).build(),
        Request.to(site.baseUrl() + "/status/503").meta("handle_httpstatus_all", true).build(),
        Request.to(refused).errback("failed").build());
    CrawlResult result = crawl(spider, Settings.defaults().with(Setting.RETRY_ENABLED, false));
    assertThat(spider.statuses).containsExactlyInAnyOrder(500, 503);
    assertThat(spider.failures).containsExactlyInAnyOrder(
        "http_error " + site.baseUrl() + "/status/404", DownloadException.CONNECT + " " + refused);
    assertThat(result.stat("httperror/response_ignored_count")).isEqualTo(1);
    assertThat(result.stat("httperror/response_ignored_status_count/404")).isEqualTo(1);
    assertThat(result.stat("downloader/exception_count")).isEqualTo(1);
    assertThat(result.stat("downloader/exception_type_count/" + DownloadException.CONNECT)).isEqualTo(1);
    assertThat(result.stat("log_count/ERROR")).as("the failed download").isEqualTo(1);
    assertThat(result.stat("spider/errbacks/http_error")).isEqualTo(1);
  }

  @Test
  void closespiderErrorcountCountsFailedDownloads() throws Exception {
    CrawlResult result = crawl(new NoopSpider(closedPortUrl()),
        Settings.defaults().with(Setting.RETRY_ENABLED, false).with(Setting.CLOSESPIDER_ERRORCOUNT, 1));
    assertThat(result.finishReason()).isEqualTo("closespider_errorcount");
  }

  @Test
  void closespiderItemcountStopsGracefully() throws Exception {
    ConcurrentLinkedQueue<Item> items = new ConcurrentLinkedQueue<>();
    CrawlResult result = Crawler.builder(new SiteSpider(site.startUrl()))
        .overrides(Settings.defaults().with(Setting.CLOSESPIDER_ITEMCOUNT, 20).with(Setting.CONCURRENT_REQUESTS, 4)
            .with(Setting.QUEUE_CAPACITY, 4).with(Setting.PARSE_THREADS, 2))
        .onItem(items::add).build().run();
    assertThat(result.finishReason()).isEqualTo("closespider_itemcount");
    // past the 20th item, only what was already under way adds one item per page: 4 downloads in flight, 4
    // responses queued for parsing, 2 being parsed and 4 items queued for the pipeline
    assertThat(items.size()).isBetween(20, 20 + 4 + 4 + 2 + 4);
    assertThat(result.pages()).isLessThan(200);
  }

  @Test
  void closespiderPagecountAndErrorcount() throws Exception {
    CrawlResult pages = crawl(new SiteSpider(site.startUrl()),
        Settings.defaults().with(Setting.CLOSESPIDER_PAGECOUNT, 10).with(Setting.CONCURRENT_REQUESTS, 2));
    assertThat(pages.finishReason()).isEqualTo("closespider_pagecount");
    assertThat(pages.pages()).isBetween(10L, 12L);

    Spider failing = spider(List.of(site.startUrl()), (r, out) -> {
      out.addAll(r.css("a::attr(href)").getAll().stream().map(r::follow).toList());
      throw new IllegalStateException("always");
    });
    CrawlResult errors = crawl(failing,
        Settings.defaults().with(Setting.CLOSESPIDER_ERRORCOUNT, 5).with(Setting.CONCURRENT_REQUESTS, 2));
    assertThat(errors.finishReason()).isEqualTo("closespider_errorcount");
    // requests already downloaded when the fifth error closed the crawl still run their callbacks
    assertThat(errors.stat("spider_exceptions_count")).isGreaterThanOrEqualTo(5L);
    assertThat(errors.pages()).isLessThan(200);
  }

  @Test
  void closespiderTimeoutAndStopFromAnotherThread() throws Exception {
    TestSite slow = TestSite.builder().pages(100).latency(java.time.Duration.ofMillis(100)).start();
    try {
      CrawlResult timedOut = crawl(new SiteSpider(slow.startUrl()),
          Settings.defaults().with(Setting.CLOSESPIDER_TIMEOUT, 0.5).with(Setting.CONCURRENT_REQUESTS, 2));
      assertThat(timedOut.finishReason()).isEqualTo("closespider_timeout");
      assertThat(timedOut.pages()).isLessThan(100);

      ConcurrentLinkedQueue<Item> items = new ConcurrentLinkedQueue<>();
      Crawler crawler = Crawler.builder(new SiteSpider(slow.startUrl()))
          .overrides(Settings.defaults().with(Setting.CONCURRENT_REQUESTS, 2)).onItem(items::add).build();
      Thread stopper = Thread.ofVirtual().start(() -> {
        try {
          Thread.sleep(400);
        } catch (InterruptedException e) {
          return;
        }
        crawler.stop();
      });
      CrawlResult stopped = crawler.run();
      stopper.join();
      assertThat(stopped.finishReason()).isEqualTo("shutdown");
      assertThat(items).hasSize((int) stopped.pages());
    } finally {
      slow.close();
    }
  }

  @Test
  void abortInterruptsRequestsInFlight() throws Exception {
    Crawler crawler = Crawler.builder(new NoopSpider(site.baseUrl() + "/slow?ms=30000")).build();
    Thread aborter = Thread.ofVirtual().start(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        return;
      }
      crawler.abort();
    });
    CrawlResult result = crawler.run();
    aborter.join();
    assertThat(result.finishReason()).isEqualTo("aborted");
    assertThat(result.stat("response_received_count")).isZero(); // the 30 s download was cut, not awaited
  }
}
