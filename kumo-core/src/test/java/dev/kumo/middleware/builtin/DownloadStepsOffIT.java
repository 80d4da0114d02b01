package dev.kumo.middleware.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.internal.HandledStatuses;
import dev.kumo.middleware.DownloadAction;
import dev.kumo.middleware.DownloaderMiddleware;
import dev.kumo.signal.SignalListener;
import dev.kumo.testsite.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retry, redirect, cookies, the HTTP cache, default headers and the user agent as steps of
 * {@code downloader_middlewares_base}, seen from the test site: each on by default, really off with
 * {@code none}, and a user middleware between two of them sees the request or response of that point.
 */
class DownloadStepsOffIT {
  @AutoClose
  static TestSite site;

  @BeforeAll
  static void startTheSite() { // not a static final: PIT runs the class again in one JVM, after the close
    site = TestSite.builder().pages(5).start();
  }

  /**
   * Fetches its paths one after the other (each callback asks for the next) and keeps every response of a
   * status it handles: by default every one but the 3xx, which the redirect step follows.
   */
  static final class InTurn extends Spider {
    final Queue<Response> got = new ConcurrentLinkedQueue<>();
    private final Map<String, Object> handling;
    private final List<String> paths;

    InTurn(String... paths) {
      this(Map.of("handle_httpstatus_all", true, HandledStatuses.FOLLOW_REDIRECTS, true), paths);
    }

    InTurn(List<Integer> handled, String... paths) {
      this(Map.of("handle_httpstatus_list", handled), paths);
    }

    private InTurn(Map<String, Object> handling, String... paths) {
      this.handling = handling;
      this.paths = List.of(paths);
    }

    @Override
    public Iterable<Request> startRequests() {
      return List.of(request(0));
    }

    private Request request(int i) {
      Request.Builder b = Request.to(site.url(paths.get(i))).meta("i", i);
      handling.forEach(b::meta);
      return b.build();
    }

    @Override
    public void parse(Response response, Output out) {
      got.add(response);
      int next = ((Number) response.request().meta().get("i")).intValue() + 1;
      if (next < paths.size()) {
        out.add(request(next));
      }
    }

    List<String> texts() {
      return got.stream().map(Response::text).toList();
    }

    List<Integer> statuses() {
      return got.stream().map(Response::status).toList();
    }
  }

  /** Records what it sees at its order: each request's Cookie header, and each response's status. */
  static final class Probe implements DownloaderMiddleware {
    final Queue<String> cookies = new ConcurrentLinkedQueue<>();
    final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

    @Override
    public DownloadAction processRequest(Request request) {
      cookies.add(String.valueOf(request.headers().first("Cookie")));
      return DownloadAction.proceed(request);
    }

    @Override
    public DownloadAction processResponse(Request request, Response response) {
      statuses.add(response.status());
      return DownloadAction.respond(response);
    }
  }

  static Settings with(Object... keyValues) {
    Settings s = Settings.defaults().with("logstats_interval", 0).with("retry_backoff_base", 0.01);
    for (int i = 0; i < keyValues.length; i += 2) {
      s = s.with((String) keyValues[i], keyValues[i + 1]);
    }
    return s;
  }

  static Map<String, Object> off(String step) {
    return Map.of(step, "none");
  }

  static CrawlResult crawl(Spider spider, Settings settings, Object... probesAndOrders) throws Exception {
    Crawler.Builder b = Crawler.builder(spider).overrides(settings);
    for (int i = 0; i < probesAndOrders.length; i += 2) {
      b.downloaderMiddleware((DownloaderMiddleware) probesAndOrders[i], (Integer) probesAndOrders[i + 1]);
    }
    return b.build().run();
  }

  @Test
  void cookiesAreSentByDefaultAndNeitherKeptNorSentWithTheStepOff() throws Exception {
    InTurn on = new InTurn("/set-cookie?session=abc", "/cookies");
    Probe before = new Probe();
    Probe after = new Probe();
    crawl(on, with(), before, 650, after, 750);
    assertThat(on.texts().get(1)).isEqualTo("session=abc");
    assertThat(before.cookies).as("below the cookies step (700)").containsExactly("null", "null");
    assertThat(after.cookies).as("above it").containsExactly("null", "session=abc");

    InTurn off = new InTurn("/set-cookie?session=abc", "/cookies");
    crawl(off, with("downloader_middlewares", off(BuiltinSteps.COOKIES)));
    assertThat(off.texts().get(1)).as("the Cookie header the site got").isEmpty();
  }

  @Test
  void retriesAreMadeByDefaultAndNotWithTheStepOff() throws Exception {
    site.resetStats();
    Probe below = new Probe();
    Probe above = new Probe();
    InTurn on = new InTurn("/status/503");
    CrawlResult retried = crawl(on, with(), below, 520, above, 580);
    assertThat(site.stats().requestCount("/status/503")).isEqualTo(3);
    assertThat(retried.stat("retry/count")).isEqualTo(2);
    assertThat(above.statuses).as("above the retry step (550)").containsExactly(503, 503, 503);
    assertThat(below.statuses).as("below it: the last answer only").containsExactly(503);
    assertThat(on.statuses()).containsExactly(503);

    site.resetStats();
    InTurn off = new InTurn("/status/503");
    CrawlResult once = crawl(off, with("downloader_middlewares", off(BuiltinSteps.RETRY)));
    assertThat(site.stats().requestCount("/status/503")).isEqualTo(1);
    assertThat(once.stat("retry/count")).isZero();
    assertThat(off.statuses()).containsExactly(503);
  }

  @Test
  void redirectsAreFollowedByDefaultAndHandedToTheSpiderWithTheStepOff() throws Exception {
    site.resetStats();
    Probe below = new Probe();
    Probe above = new Probe();
    InTurn on = new InTurn("/redirect/0");
    crawl(on, with(), below, 580, above, 650);
    assertThat(site.stats().pageFetchCount(0)).isEqualTo(1);
    assertThat(on.statuses()).containsExactly(200);
    assertThat(above.statuses).as("above the redirect step (600)").containsExactly(302, 200);
    assertThat(below.statuses).as("below it").containsExactly(200);

    site.resetStats();
    InTurn off = new InTurn(List.of(302), "/redirect/0");
    CrawlResult kept = crawl(off, with("downloader_middlewares", off(BuiltinSteps.REDIRECT)));
    assertThat(off.statuses()).containsExactly(302);
    assertThat(off.got.peek().headers().first("Location")).endsWith("/page/0");
    assertThat(site.stats().pageFetchCount(0)).as("the target is never fetched").isZero();
    assertThat(kept.stat("downloader/redirect_count")).isZero();
  }

  @Test
  void theCacheAnswersTheSecondCrawlByDefaultAndNothingIsCachedWithTheStepOff(@TempDir Path dir) throws Exception {
    site.resetStats();
    Settings cached = with("httpcache_enabled", true, "httpcache_dir", dir.resolve("on").toString());
    crawl(new InTurn("/page/1"), cached);
    Probe nearer = new Probe();
    Probe farther = new Probe();
    CrawlResult second = crawl(new InTurn("/page/1"), cached, farther, 850, nearer, 950);
    assertThat(site.stats().pageFetchCount(1)).isEqualTo(1);
    assertThat(second.stat("httpcache/hit")).isEqualTo(1);
    assertThat(farther.statuses).containsExactly(200);
    assertThat(nearer.cookies).as("above the cache step (900): a hit never gets there").isEmpty();

    site.resetStats();
    Path offDir = dir.resolve("off");
    Settings uncached = with("httpcache_enabled", true, "httpcache_dir", offDir.toString(),
        "downloader_middlewares", off(BuiltinSteps.HTTP_CACHE));
    CrawlResult first = crawl(new InTurn("/page/1"), uncached);
    CrawlResult again = crawl(new InTurn("/page/1"), uncached);
    assertThat(site.stats().pageFetchCount(1)).isEqualTo(2);
    assertThat(first.stat("httpcache/store")).as("nothing stored").isZero();
    assertThat(again.stat("httpcache/hit")).isZero();
  }

  @Test
  void withDefaultHeadersOrUserAgentOffTheirHeadersAreNotSent() throws Exception {
    Settings headers = with("user_agent", "steps-probe/1", "default_request_headers", Map.of("X-Team", "kumo"));
    InTurn on = new InTurn("/echo");
    crawl(on, headers);
    assertThat(on.texts().get(0)).contains("steps-probe/1").contains("\"x-team\"").contains("\"accept-language\"");

    InTurn noDefaults = new InTurn("/echo");
    crawl(noDefaults, headers.with("downloader_middlewares", off(BuiltinSteps.DEFAULT_HEADERS)));
    assertThat(noDefaults.texts().get(0)).contains("steps-probe/1").doesNotContain("\"x-team\"")
        .doesNotContain("\"accept-language\"");

    InTurn noAgent = new InTurn("/echo");
    crawl(noAgent, headers.with("downloader_middlewares", off(BuiltinSteps.USER_AGENT)));
    assertThat(noAgent.texts().get(0)).doesNotContain("steps-probe/1").doesNotContain("\"user-agent\"")
        .contains("\"x-team\"");
  }

  @Test
  void aRequestThatRobotsTxtForbidsIsSignalledAsDropped() throws Exception {
    try (TestSite polite = TestSite.builder().pages(3).robotsTxt("User-agent: *\nDisallow: /page/1\n").start()) {
      Queue<String> dropped = new ConcurrentLinkedQueue<>();
      Spider spider = new Spider() {
        @Override
        public List<String> startUrls() {
          return List.of(polite.pageUrl(0), polite.pageUrl(1));
        }

        @Override
        public void parse(Response response, Output out) {}
      };
      CrawlResult result = Crawler.builder(spider).overrides(with("robotstxt_obey", true))
          .listener(new SignalListener() {
            @Override
            public void requestDropped(Request request, String reason) {
              dropped.add(reason + " " + request.url());
            }
          }).build().run();
      assertThat(result.stat("robotstxt/forbidden")).isEqualTo(1);
      assertThat(dropped).containsExactly("robotstxt/forbidden " + polite.pageUrl(1));
    }
  }
}
