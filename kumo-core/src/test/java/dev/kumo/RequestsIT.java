package dev.kumo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The everyday request API at the test site: errbacks, cb_kwargs, JSON requests and a form login. */
class RequestsIT {
  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(3).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** Sends its start requests; records failures by URL and the responses of its callbacks. */
  static class Recorder extends Spider {
    final Map<String, Failure> failures = new ConcurrentHashMap<>();
    final Queue<Response> responses = new ConcurrentLinkedQueue<>();
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
      responses.add(response);
    }

    void failed(Failure failure, Output out) {
      failures.put(failure.request().url(), failure);
      out.add(Item.of("failed", failure.request().url(), "kind", failure.kind()));
    }
  }

  @Test
  void anErrbackReceivesDnsTimeoutAndHttpErrorFailuresAndItsItemsAreExported() throws Exception {
    String dns = "http://no-such-host.invalid/";
    String slow = site.url("/slow?ms=5000");
    String missing = site.url("/status/404");
    Recorder spider = new Recorder(Request.to(dns).errback("failed").build(),
        Request.to(slow).errback("failed").build(), Request.to(missing).errback("failed").build(),
        Request.get(site.url("/status/500")));
    Queue<Item> items = new ConcurrentLinkedQueue<>();

    CrawlResult result = Crawler.builder(spider).onItem(items::add).overrides(Settings.defaults()
        .with(Setting.RETRY_ENABLED, false).with(Setting.DOWNLOAD_TIMEOUT, 0.5)).build().run();

    assertThat(spider.failures.get(dns).kind()).isEqualTo(Failure.DNS);
    assertThat(spider.failures.get(dns).isDns()).isTrue();
    assertThat(spider.failures.get(slow).isTimeout()).isTrue();
    Failure http = spider.failures.get(missing);
    assertThat(http.isHttpError()).isTrue();
    assertThat(http.response()).isNotNull();
    assertThat(http.response().status()).isEqualTo(404);
    assertThat(spider.failures).hasSize(3); // the 500 has no errback
    assertThat(items).hasSize(3);
    assertThat(result.stat("spider/errbacks/http_error")).isEqualTo(1);
    assertThat(spider.responses).isEmpty();
  }

  @Test
  void cbKwargsReachTheCallbackAndAJsonRequestPostsJson() throws Exception {
    Recorder spider = new Recorder(Request.json(site.url("/echo"), Map.of("query", "books", "page", 2))
        .cbKwarg("page", 7).build());

    Crawler.builder(spider).build().run();

    Response response = spider.responses.peek();
    assertThat(response.cbKwargs()).isEqualTo(Map.of("page", 7));
    Map<?, ?> echo = (Map<?, ?>) response.json();
    assertThat(echo.get("method")).isEqualTo("POST");
    assertThat(((Map<?, ?>) echo.get("headers")).get("content-type")).isEqualTo(List.of("application/json"));
    assertThat(Request.to("x").build().cbKwargs()).isEmpty();
    Map<?, ?> body = (Map<?, ?>) dev.kumo.internal.StructuredFiles.parseJson((String) echo.get("body"), Map.class);
    assertThat(body).isEqualTo(Map.of("query", "books", "page", 2));
  }

  /** Logs in with the login form, then reads the account page. */
  static final class Login extends Spider {
    final Queue<String> titles = new ConcurrentLinkedQueue<>();
    private final Map<String, String> click;

    Login(Map<String, String> click) {
      this.click = click;
    }

    @Override
    public List<String> startUrls() {
      return List.of(site.url("/login"));
    }

    @Override
    public void parse(Response response, Output out) {
      out.add(FormRequest.from(response).formId("login").data("user", "kumo").data("password", "secret")
          .click(click).request().callback("account").errback("refused").build());
    }

    void account(Response response, Output out) {
      titles.add(response.css("title::text").get());
    }

    void refused(Failure failure, Output out) {
      titles.add(failure.response().status() + " " + failure.response().css("p::text").get());
    }
  }

  @Test
  void aFormLoginSendsTheHiddenTokenAndTheSessionCookieAndReachesTheAccount() throws Exception {
    Login spider = new Login(Map.of());

    Crawler.builder(spider).build().run();

    assertThat(spider.titles).containsExactly("Welcome kumo");
  }

  @Test
  void clickdataChoosesTheSubmitButton() throws Exception {
    Login spider = new Login(Map.of("value", "Cancel"));

    Crawler.builder(spider).build().run();

    assertThat(spider.titles).containsExactly("403 not signed in: action Cancel");
  }
}
