package dev.kumo.middleware.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.middleware.DownloadAction;
import dev.kumo.middleware.DownloaderMiddleware;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Kumo's own steps at the test site: disabled, moved, and a user's middleware put between two of them. */
class BuiltinStepsIT {
  @AutoClose
  static TestSite site;

  @BeforeAll
  static void startTheSite() { // not a static final: PIT runs the class again in one JVM, after the close
    site = TestSite.builder().pages(30).hosts(2).robotsTxt("User-agent: *\nDisallow: /page/1\n").start();
  }

  /** Fetches its start URLs and, with {@code follow}, every link; records the URLs it got. */
  static final class Walker extends Spider {
    final Queue<String> got = new ConcurrentLinkedQueue<>();
    private final List<String> starts;
    private final boolean follow;
    private final List<String> allowed;

    Walker(List<String> starts, boolean follow, List<String> allowed) {
      this.starts = starts;
      this.follow = follow;
      this.allowed = allowed;
    }

    @Override
    public List<String> startUrls() {
      return starts;
    }

    @Override
    public List<String> allowedDomains() {
      return allowed;
    }

    @Override
    public void parse(Response response, Output out) {
      got.add(response.url());
      if (follow) {
        response.css("a::attr(href)").getAll().forEach(href -> out.add(response.follow(href)));
      }
    }
  }

  /** Records the User-Agent and Accept-Language each request has when it reaches this middleware. */
  static final class HeaderProbe implements DownloaderMiddleware {
    final Queue<String> seen = new ConcurrentLinkedQueue<>();

    @Override
    public DownloadAction processRequest(Request request) {
      seen.add(request.headers().first("User-Agent") + " | " + request.headers().first("Accept-Language"));
      return DownloadAction.proceed(request);
    }
  }

  static Settings with(Object... keyValues) {
    Settings s = Settings.defaults().with("logstats_interval", 0);
    for (int i = 0; i < keyValues.length; i += 2) {
      s = s.with((String) keyValues[i], keyValues[i + 1]);
    }
    return s;
  }

  @Test
  void disablingTheOffsiteStepLetsLinksToAnotherHostThrough() throws Exception {
    Walker kept = new Walker(List.of(site.startUrl()), true, List.of("127.0.0.1"));
    CrawlResult scoped = Crawler.builder(kept).overrides(with()).build().run();
    assertThat(scoped.stat("offsite/filtered")).isPositive();
    assertThat(kept.got).allMatch(url -> url.startsWith("http://127.0.0.1:"));

    Walker free = new Walker(List.of(site.startUrl()), true, List.of("127.0.0.1"));
    CrawlResult unscoped = Crawler.builder(free)
        .overrides(with("spider_middlewares", Map.of(BuiltinSteps.OFFSITE, "none"))).build().run();
    assertThat(unscoped.stat("offsite/filtered")).isZero();
    assertThat(free.got).anyMatch(url -> url.startsWith("http://127.0.0.2:"));
  }

  @Test
  void aMiddlewareBetweenTheDefaultHeadersAndUserAgentStepsSeesOnlyTheFirstsHeaders() throws Exception {
    HeaderProbe between = new HeaderProbe();
    HeaderProbe after = new HeaderProbe();
    Walker spider = new Walker(List.of(site.pageUrl(0)), false, List.of());
    Crawler.builder(spider).overrides(with("user_agent", "probe/1", "default_request_headers",
            Map.of("Accept-Language", "de")))
        .downloaderMiddleware(between, 450).downloaderMiddleware(after, 550).build().run();
    assertThat(between.seen).containsExactly("null | de");
    assertThat(after.seen).containsExactly("probe/1 | de");

    HeaderProbe first = new HeaderProbe();
    Crawler.builder(new Walker(List.of(site.pageUrl(2)), false, List.of()))
        .overrides(with("user_agent", "probe/2", "downloader_middlewares", Map.of(BuiltinSteps.USER_AGENT, 300)))
        .downloaderMiddleware(first, 350).build().run();
    assertThat(first.seen).as("the user agent step moved before it").containsExactly("probe/2 | null");
  }

  @Test
  void withTheRobotsStepDisabledADisallowedPageIsFetched() throws Exception {
    Walker polite = new Walker(List.of(site.pageUrl(0), site.pageUrl(1)), false, List.of());
    CrawlResult obeyed = Crawler.builder(polite).overrides(with("robotstxt_obey", true)).build().run();
    assertThat(polite.got).containsExactly(site.pageUrl(0));
    assertThat(obeyed.stat("robotstxt/forbidden")).isEqualTo(1);

    site.resetStats();
    Walker rude = new Walker(List.of(site.pageUrl(0), site.pageUrl(1)), false, List.of());
    CrawlResult ignored = Crawler.builder(rude).overrides(with("robotstxt_obey", true,
        "downloader_middlewares", "{\"" + BuiltinSteps.ROBOTS_TXT + "\": \"none\"}")).build().run();
    assertThat(rude.got).containsExactlyInAnyOrder(site.pageUrl(0), site.pageUrl(1));
    assertThat(ignored.stat("robotstxt/forbidden")).isZero();
    assertThat(site.stats().requestCount("/robots.txt")).isZero();
  }

  @Test
  void aBaseSettingNamingAStepOfAnotherKindIsRefused() {
    Walker spider = new Walker(List.of(site.pageUrl(0)), false, List.of());
    Settings wrong = with(Setting.DOWNLOADER_MIDDLEWARES_BASE.name(), Map.of(BuiltinSteps.OFFSITE, 10));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Crawler.builder(spider).overrides(wrong).build().run())
        .hasMessageContaining("downloader_middlewares_base: " + BuiltinSteps.OFFSITE);
  }
}
