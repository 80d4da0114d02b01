package dev.kumo.testsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MultiHostTest {
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.builder()
        .hosts(3)
        .pages(100)
        .robotsTxt(Map.of(0, "User-agent: *\nDisallow: /page/1\n", 2, "User-agent: kumo\nDisallow: /\n"))
        .start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @BeforeEach
  void reset() {
    site.resetStats();
  }

  @Test
  void hostsShareOnePortOnConsecutiveLoopbackAddresses() {
    assertThat(site.hostUrl(1)).isEqualTo("http://127.0.0.2:" + site.port());
    assertThat(site.hostUrl(2)).isEqualTo("http://127.0.0.3:" + site.port());
    assertThat(site.hostOf(4)).isEqualTo(1);
    assertThat(site.pageUrl(4)).isEqualTo("http://127.0.0.2:" + site.port() + "/page/4");
  }

  @Test
  void pageIsServedOnItsHostWithRelativeSameHostAndAbsoluteCrossHostLinks() {
    HttpResponse<byte[]> response = Http.get(site.pageUrl(4));
    String html = new String(response.body(), StandardCharsets.UTF_8);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(html).contains("<title>Page 4</title>")
        .contains("<a href=\"" + site.baseUrl() + "/page/0\">Home</a>") // host 0
        .contains("href=\"" + site.hostUrl(0) + "/page/9\"") // 2n+1 = 9 on host 0
        .contains("href=\"/page/10\""); // 2n+2 = 10 on host 1, like page 4
    assertThat(site.expectedLinks(4)).startsWith(site.pageUrl(0), site.pageUrl(9), site.pageUrl(10));
    assertThat(PagesTest.followableLinks(site.pageUrl(4), html)).isEqualTo(site.expectedLinks(4));
    assertThat(site.stats().requestsByHost()).containsOnlyKeys("127.0.0.2");
  }

  @Test
  void hostNameFromTheHostHeaderIsCountedWithoutPort() throws Exception {
    try (Http.RawConnection connection = new Http.RawConnection("127.0.0.2", site.port())) {
      Http.RawResponse response = connection.get("/page/4", "a.test:" + site.port());
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.text()).contains("<title>Page 4</title>");
      connection.get("/page/5", "A.Test");
    }
    SiteStats stats = site.stats();
    assertThat(stats.requestsByHost()).containsExactly(Map.entry("a.test", 2L));
    assertThat(stats.requestsForHost("a.test")).isEqualTo(2);
    assertThat(stats.requestStartNanos("a.test")).hasSize(2);
    assertThat(stats.maxInFlightByHost()).containsEntry("a.test", 1);
  }

  @Test
  void robotsTxtIsPerHost() {
    assertThat(Http.body(site.hostUrl(0) + "/robots.txt")).isEqualTo("User-agent: *\nDisallow: /page/1\n");
    assertThat(Http.get(site.hostUrl(1) + "/robots.txt").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> third = Http.get(site.hostUrl(2) + "/robots.txt");
    assertThat(third.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(new String(third.body(), StandardCharsets.UTF_8)).isEqualTo("User-agent: kumo\nDisallow: /\n");
  }

  @Test
  void indexOnOtherHostsLinksToPageZeroAbsolutely() {
    assertThat(Http.body(site.hostUrl(2) + "/")).contains("href=\"" + site.startUrl() + "\"");
  }

  @Test
  void robotsFunctionAndDefaults() {
    try (TestSite custom = TestSite.builder().hosts(2).robotsTxt(host -> host == 0 ? null : "# host " + host).start();
        TestSite plain = TestSite.builder().start()) {
      assertThat(Http.get(custom.url("/robots.txt")).statusCode()).isEqualTo(404);
      assertThat(Http.body(custom.hostUrl(1) + "/robots.txt")).isEqualTo("# host 1");
      assertThat(Http.body(plain.url("/robots.txt"))).isEqualTo("User-agent: *\nAllow: /\n");
    }
  }
}
