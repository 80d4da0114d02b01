package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.testsite.TestSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Redirects at the site: methods and bodies on each status, {@code redirect_enabled} and {@code dont_redirect}. */
class RedirectIT {
  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(3).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** Sends its start requests and keeps each response by the status that led to it (or its own). */
  static class Recorder extends Spider {
    final Map<String, Response> responses = new ConcurrentHashMap<>();
    private final List<Request> starts;

    Recorder(List<Request> starts) {
      this.starts = starts;
    }

    @Override
    public Iterable<Request> startRequests() {
      return starts;
    }

    @Override
    public void parse(Response response, Output out) {
      responses.put(String.valueOf(response.request().meta().getOrDefault("key", response.status())), response);
    }
  }

  static CrawlResult crawl(Spider spider, Settings settings) throws Exception {
    return Crawler.builder(spider).overrides(settings).build().run();
  }

  @Test
  void a301302Or303TurnsAPostIntoABodilessGetWhileA307Or308KeepsIt() throws Exception {
    List<Request> posts = new ArrayList<>();
    for (int status : new int[] {301, 302, 303, 307, 308}) {
      posts.add(Request.to(site.url("/redirect-to?status=" + status + "&url=%2Fecho%3Ffrom%3D" + status))
          .method("POST").header("Content-Type", "text/plain").body("k=v").meta("key", status).build());
    }
    Recorder spider = new Recorder(posts);
    CrawlResult result = crawl(spider, Settings.defaults());
    ObjectMapper json = new ObjectMapper();
    for (int status : new int[] {301, 302, 303}) {
      JsonNode echo = json.readTree(spider.responses.get(String.valueOf(status)).text());
      assertThat(echo.get("method").asText()).as("after %d", status).isEqualTo("GET");
      assertThat(echo.get("body").asText()).as("after %d", status).isEmpty();
      assertThat(echo.get("headers").has("content-type")).as("after %d", status).isFalse();
    }
    for (int status : new int[] {307, 308}) {
      JsonNode echo = json.readTree(spider.responses.get(String.valueOf(status)).text());
      assertThat(echo.get("method").asText()).as("after %d", status).isEqualTo("POST");
      assertThat(echo.get("body").asText()).as("after %d", status).isEqualTo("k=v");
    }
    assertThat(result.stat("downloader/redirect_count")).isEqualTo(5);
  }

  @Test
  void aHeadStaysAHeadOnEveryRedirectAndEachHopRunsSoonerThanItsOrigin() throws Exception {
    List<Request> heads = new ArrayList<>();
    for (int status : new int[] {301, 302, 303, 307, 308}) {
      heads.add(Request.to(site.url("/redirect-to?status=" + status + "&url=%2Fecho%3Ffrom%3D" + status))
          .method("HEAD").meta("key", status).build());
    }
    Recorder spider = new Recorder(heads);
    crawl(spider, Settings.defaults());
    assertThat(spider.responses).hasSize(5);
    spider.responses.forEach((status, response) -> {
      assertThat(response.request().method()).as("after %s", status).isEqualTo("HEAD");
      assertThat(response.request().priority()).as("after %s (Scrapy's +2)", status).isEqualTo(2);
    });
  }

  @Test
  void withRedirectsOffA302IsAnHttpErrorAndItsTargetIsNeverFetched() throws Exception {
    long before = site.stats().requestCount("/redirect/0");
    Recorder spider = new Recorder(List.of(Request.get(site.url("/redirect/1"))));
    CrawlResult result = crawl(spider, Settings.defaults().with(Setting.REDIRECT_ENABLED, false));
    assertThat(result.stat("downloader/redirect_count")).isZero();
    assertThat(result.stat("httperror/response_ignored_status_count/302")).isEqualTo(1);
    assertThat(site.stats().requestCount("/redirect/0")).isEqualTo(before);
  }

  @Test
  void dontRedirectHandsTheRedirectToTheCallback() throws Exception {
    long before = site.stats().requestCount("/redirect/1");
    Recorder spider = new Recorder(List.of(Request.to(site.url("/redirect/2")).meta("dont_redirect", true)
        .meta("handle_httpstatus_list", List.of(302)).build()));
    CrawlResult result = crawl(spider, Settings.defaults());
    assertThat(spider.responses).containsOnlyKeys("302");
    assertThat(spider.responses.get("302").headers().first("Location")).endsWith("/redirect/1");
    assertThat(result.stat("downloader/redirect_count")).isZero();
    assertThat(site.stats().requestCount("/redirect/1")).isEqualTo(before);
  }

  /**
   * Scrapy's RedirectMiddleware: a 3xx whose status is in the request's {@code handle_httpstatus_list}, or any
   * 3xx with {@code handle_httpstatus_all}, reaches the callback unfollowed; a list without it follows.
   */
  @Test
  void aRedirectStatusTheRequestHandlesReachesTheCallbackUnfollowed() throws Exception {
    String listed = "/redirect-to?status=301&url=%2Fecho%3Ffrom%3Dlisted";
    String all = "/redirect-to?status=302&url=%2Fecho%3Ffrom%3Dall";
    String other = "/redirect-to?status=301&url=%2Fecho%3Ffrom%3Dother";
    long echoes = site.stats().requestCount("/echo");
    Recorder spider = new Recorder(List.of(
        Request.to(site.url(listed)).meta("key", "listed").meta("handle_httpstatus_list", List.of(301)).build(),
        Request.to(site.url(all)).meta("key", "all").meta("handle_httpstatus_all", true).build(),
        Request.to(site.url(other)).meta("key", "other").meta("handle_httpstatus_list", List.of(404)).build()));
    CrawlResult result = crawl(spider, Settings.defaults());
    assertThat(spider.responses.get("listed").status()).isEqualTo(301);
    assertThat(spider.responses.get("listed").url()).isEqualTo(site.url(listed));
    assertThat(spider.responses.get("all").status()).isEqualTo(302);
    assertThat(spider.responses.get("other").status()).as("301 is not listed: followed").isEqualTo(200);
    assertThat(spider.responses.get("other").url()).endsWith("/echo?from=other");
    assertThat(result.stat("downloader/redirect_count")).isEqualTo(1);
    assertThat(site.stats().requestCount("/echo")).isEqualTo(echoes + 1);
  }
}
