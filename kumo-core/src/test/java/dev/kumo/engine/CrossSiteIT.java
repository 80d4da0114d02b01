package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Request;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crawls that reach across sites, with two distinct loopback hosts (127.0.0.1 and 127.0.0.2, two origins and two
 * sites): credentials on redirects, cookies for another site, international allowed domains and
 * {@code refuse_private_addresses}.
 */
class CrossSiteIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(6).hosts(2).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Request withCredentials(String url, String key) {
    return Request.to(url).meta("key", key).header("Authorization", "Basic dXNlcjpwYXNz")
        .header("Cookie", "session=secret").header("Proxy-Authorization", "Basic cHJveHk6cGFzcw==").build();
  }

  static JsonNode echoedHeaders(RedirectIT.Recorder spider, String key) throws Exception {
    return JSON.readTree(spider.responses.get(key).text()).get("headers");
  }

  @Test
  void credentialsStayOnTheirOriginAcrossRedirects() throws Exception {
    String otherEcho = site.hostUrl(1) + "/echo";
    RedirectIT.Recorder spider = new RedirectIT.Recorder(List.of(
        withCredentials(site.url("/redirect-to?url=" + otherEcho), "cross"),
        withCredentials(site.url("/redirect-to?url=/echo%3Fsame"), "same")));
    CrawlResult result = RedirectIT.crawl(spider, Settings.defaults());
    JsonNode cross = echoedHeaders(spider, "cross");
    assertThat(cross.has("authorization")).isFalse();
    assertThat(cross.has("cookie")).isFalse();
    assertThat(cross.has("proxy-authorization")).isFalse();
    JsonNode same = echoedHeaders(spider, "same");
    assertThat(same.get("authorization").get(0).asText()).isEqualTo("Basic dXNlcjpwYXNz");
    assertThat(same.get("cookie").get(0).asText()).contains("session=secret");
    assertThat(result.stat("redirect/credentials_dropped")).isEqualTo(1);
  }

  @Test
  void aCookieSetForAnotherSiteIsRefusedAndCountedInTheCrawlsStats() throws Exception {
    String host1 = "127.0.0.2";
    RedirectIT.Recorder spider = new RedirectIT.Recorder(List.of(
        Request.get(site.url("/xsite/cookie?name=stolen&value=1&domain=" + host1)),
        Request.get(site.url("/xsite/cookie?name=mine&value=1"))));
    CrawlResult result = RedirectIT.crawl(spider, Settings.defaults());
    assertThat(result.stat("cookies/refused_domain")).isEqualTo(1);
  }

  @Test
  void allowedDomainsMatchInternationalNamesWrittenEitherWay() throws Exception {
    Map<String, Object> pins = Map.of("xn--bcher-kva.test", "127.0.0.1", "xn--mller-kva.test", "127.0.0.2");
    for (String allowed : List.of("bücher.test", "xn--bcher-kva.test")) {
      RedirectIT.Recorder spider = new RedirectIT.Recorder(List.of(
          Request.to("http://bücher.test:" + site.port() + "/page/0").meta("key", "in").build(),
          Request.to("http://müller.test:" + site.port() + "/page/1").meta("key", "out").build())) {
        @Override
        public List<String> allowedDomains() {
          return List.of(allowed);
        }
      };
      CrawlResult result = RedirectIT.crawl(spider, Settings.defaults().with(Setting.DNS_RESOLVE, pins));
      assertThat(spider.responses).as(allowed).containsOnlyKeys("in");
      assertThat(result.stat("offsite/filtered")).as(allowed).isEqualTo(1);
    }
  }

  @Test
  void refusePrivateAddressesRefusesTheLoopbackSiteAndCountsIt() throws Exception {
    site.resetStats();
    RedirectIT.Recorder spider = new RedirectIT.Recorder(List.of(Request.get(site.pageUrl(0))));
    CrawlResult result = RedirectIT.crawl(spider,
        Settings.defaults().with(Setting.REFUSE_PRIVATE_ADDRESSES, true));
    assertThat(spider.responses).isEmpty();
    assertThat(result.stat("downloader/exception_type_count/private_address")).isEqualTo(1);
    assertThat(site.stats().requestsForHost("127.0.0.1")).isZero();
  }
}
