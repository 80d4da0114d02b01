package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.testsite.TestSite;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cross-site state and hostile answers, for every {@code http_client}, against the test site's cross-site routes:
 * three names pinned to three loopback hosts ({@code shop.example.co.uk}, {@code other.example.co.uk} on one
 * registrable domain; {@code evil.test} another site).
 */
class CrossSiteTransportTest {
  static TestSite site;
  static String shop;
  static String other;
  static String evil;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.builder().pages(3).hosts(3).start();
    DnsOverrides.pinAll(Map.of("shop.example.co.uk", "127.0.0.1", "other.example.co.uk", "127.0.0.2",
        "evil.test", "127.0.0.3"));
    shop = "http://shop.example.co.uk:" + site.port();
    other = "http://other.example.co.uk:" + site.port();
    evil = "http://evil.test:" + site.port();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Transport open(String client, Settings settings) {
    return Transport.open(TransportConfig.from(settings.with(Setting.HTTP_CLIENT, client)));
  }

  static String cookiesAt(Transport t, String base, Request.Builder b) throws Exception {
    return t.exchange(b.url(base + "/cookies").build()).text();
  }

  static String cookiesAt(Transport t, String base) throws Exception {
    return cookiesAt(t, base, Request.to(base + "/cookies"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache", "socket", "jdk"})
  void aCookieForAnotherSiteOrAPublicSuffixIsRefusedAndCounted(String client) throws Exception {
    try (Transport t = open(client, Settings.defaults())) {
      t.exchange(Request.get(evil + "/xsite/cookie?name=stolen&value=1&domain=shop.example.co.uk"));
      t.exchange(Request.get(shop + "/xsite/cookie?name=suffix&value=1&domain=co.uk"));
      t.exchange(Request.get(shop + "/xsite/cookie?name=shared&value=1&domain=example.co.uk"));
      assertThat(cookiesAt(t, shop)).isEqualTo("shared=1");
      assertThat(cookiesAt(t, other)).isEqualTo("shared=1");
      assertThat(cookiesAt(t, evil)).isEmpty();
      assertThat(t.counters()).containsEntry("cookies/refused_domain", 2L);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache", "socket", "jdk"})
  void eachCookiejarMetaValueIsItsOwnSession(String client) throws Exception {
    try (Transport t = open(client, Settings.defaults())) {
      t.exchange(Request.to(shop + "/xsite/cookie?name=user&value=ann").meta("cookiejar", 1).build());
      t.exchange(Request.to(shop + "/xsite/cookie?name=user&value=bob").meta("cookiejar", 2).build());
      assertThat(cookiesAt(t, shop, Request.to(shop).meta("cookiejar", 1))).isEqualTo("user=ann");
      assertThat(cookiesAt(t, shop, Request.to(shop).meta("cookiejar", 2))).isEqualTo("user=bob");
      assertThat(cookiesAt(t, shop)).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache", "socket", "jdk"})
  void refusePrivateAddressesRefusesLoopbackAfterResolution(String client) throws Exception {
    try (Transport open = open(client, Settings.defaults());
        Transport guarded = open(client, Settings.defaults().with(Setting.REFUSE_PRIVATE_ADDRESSES, true))) {
      assertThat(open.exchange(Request.get(shop + "/page/0")).status()).isEqualTo(200);
      for (String url : new String[] {shop + "/page/0", site.pageUrl(0)}) { // a name, then an IP literal
        Throwable e = catchThrowable(() -> guarded.exchange(Request.get(url)));
        assertThat(e).as(url).isInstanceOfSatisfying(DownloadException.class,
            d -> assertThat(d.reason()).isEqualTo(DownloadException.PRIVATE_ADDRESS));
      }
    }
  }

  /**
   * Not {@code jdk}: java.net.http reads a bare CR as the end of a header line, so the line above arrives as two
   * headers ({@code X-Note: a} and {@code Set-Cookie: injected=1}) and Kumo never sees the CR (see {@link
   * JdkTransport}).
   */
  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache", "socket"})
  void aBareCrInAHeaderIsRefusedOrReplacedAndOtherSitesStillAnswer(String client) throws Exception {
    try (ScriptedServer bad = new ScriptedServer((head, body, c, n) -> ScriptedServer.Reply.of(
            "HTTP/1.1 200 OK\r\nX-Note: a\rSet-Cookie: injected=1\r\nContent-Length: 2\r\n\r\nok"));
        Transport t = open(client, Settings.defaults())) {
      Response r = null;
      try {
        r = t.exchange(Request.get(bad.url("/")));
      } catch (DownloadException refused) {
        // refused: RFC 9112 (2.2) allows it
      }
      if (r != null) { // accepted: the CR must not have split the line into a second header
        for (String name : r.headers().names()) {
          assertThat(r.headers().all(name)).as(name).noneMatch(v -> v.indexOf('\r') >= 0);
        }
        assertThat(r.headers().contains("Set-Cookie")).isFalse();
      }
      assertThat(t.exchange(Request.get(site.pageUrl(0))).status()).isEqualTo(200);
      assertThat(cookiesAt(t, site.baseUrl())).doesNotContain("injected");
    }
  }
}
