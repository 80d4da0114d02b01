package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.testsite.TestSite;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proxies, the same for every client that takes them: credentials checked by a local proxy (and kept from the
 * site), a 407 to {@code CONNECT} named as such, SOCKS5, {@code no_proxy}, a per-request proxy through the meta
 * key {@code proxy}, and connections never shared between two proxies. What only {@code socket} does (TLS to
 * the proxy, SOCKS5 credentials) is at the end.
 */
class ProxyTest {
  static TestSite site;
  static TestTls tls;
  static TlsSite tlsSite;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    site = TestSite.builder().pages(3).start();
    tls = TestTls.create(dir);
    tlsSite = new TlsSite(tls);
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
    tlsSite.close();
  }

  static Transport open(String client, Settings settings) {
    TransportConfig config = TransportConfig.from(settings);
    return switch (client) {
      case "okhttp" -> new OkHttpTransport(config, tls.trust());
      case "socket" -> new SocketTransport(config, tls.clientContext().getSocketFactory());
      default -> new ApacheTransport(config, tls.clientContext());
    };
  }

  static Settings proxied(String proxy) {
    return Settings.defaults().with(Setting.HTTP_PROXY, proxy).with(Setting.HTTPS_PROXY, proxy);
  }

  static int sitePort() {
    return URI.create(site.url("/")).getPort();
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache", "socket"})
  void credentialsGoToTheProxyOnly(String client) throws Exception {
    try (TestProxy proxy = new TestProxy("ann", "s3cr:t@");
        Transport t = open(client, proxied("http://ann:s3cr%3At%40@127.0.0.1:" + proxy.port()))) {
      assertCredentialsGoToTheProxyOnly(t, proxy);
    }
  }

  /** Fetches a plain and an https page through {@code proxy}, which asks for credentials. */
  static void assertCredentialsGoToTheProxyOnly(Transport t, TestProxy proxy) throws Exception {
    Request plainRequest = Request.to(site.url("/echo")).header("Proxy-Authorization", "Basic b3duOmhlYWRlcg==")
        .build(); // a request's own header is never sent: the proxy URL's credentials are
    Response plain = t.exchange(plainRequest);
    assertThat(plain.status()).isEqualTo(200);
    assertThat(plain.text()).doesNotContainIgnoringCase("proxy-authorization");
    Response tunnelled = t.exchange(Request.to(tlsSite.url("/secure")).header("Proxy-Authorization", "x").build());
    assertThat(tunnelled.status()).isEqualTo(200);
    assertThat(tunnelled.text()).doesNotContainIgnoringCase("proxy-authorization");
    assertThat(proxy.accepted()).anySatisfy(line -> assertThat(line).startsWith("GET " + site.url("/echo")))
        .anySatisfy(line -> assertThat(line).startsWith("CONNECT localhost:"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache", "socket"})
  void withoutCredentialsTheProxyRefuses(String client) throws Exception {
    try (TestProxy proxy = new TestProxy("ann", "secret");
        Transport t = open(client, proxied("http://127.0.0.1:" + proxy.port()))) {
      assertThat(t.exchange(Request.to(site.url("/echo")).build()).status()).isEqualTo(407);
      assertThat(proxy.accepted()).isEmpty();
      assertThat(proxy.refused()).isNotEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "socket"})
  void aRefusedConnectSaysTheProxyWantsCredentials(String client) throws Exception {
    try (TestProxy proxy = new TestProxy("ann", "secret");
        Transport none = open(client, proxied("http://127.0.0.1:" + proxy.port()));
        Transport wrong = open(client, proxied("http://ann:guess@127.0.0.1:" + proxy.port()))) {
      assertThatThrownBy(() -> none.exchange(Request.to(tlsSite.url("/a")).build()))
          .isInstanceOf(DownloadException.class)
          .hasMessageContaining("proxy http://127.0.0.1:" + proxy.port() + " needs credentials")
          .hasMessageContaining("407");
      assertThatThrownBy(() -> wrong.exchange(Request.to(tlsSite.url("/b")).build()))
          .isInstanceOf(DownloadException.class)
          .hasMessageContaining("proxy http://ann:***@127.0.0.1:" + proxy.port() + " refused the credentials")
          .hasMessageNotContaining("guess");
      assertThat(proxy.accepted()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache", "socket"})
  void noProxyHostsAreReachedDirectly(String client) throws Exception {
    try (TestProxy proxy = new TestProxy(null, null);
        Transport t = open(client, proxied("127.0.0.1:" + proxy.port()).with(Setting.NO_PROXY, "example.org, 127.0.0.1"))) {
      assertThat(t.exchange(Request.to(site.url("/echo")).build()).status()).isEqualTo(200);
      assertThat(proxy.accepted()).isEmpty();
      assertThat(t.exchange(Request.to(tlsSite.url("/not-listed")).build()).status()).isEqualTo(200);
      assertThat(proxy.accepted()).singleElement().asString().startsWith("CONNECT localhost:");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache", "socket"})
  void theMetaKeyProxyChoosesPerRequest(String client) throws Exception {
    try (TestProxy settingsProxy = new TestProxy(null, null); TestProxy metaProxy = new TestProxy("bo", "pw");
        Transport t = open(client, proxied("127.0.0.1:" + settingsProxy.port()))) {
      String viaMeta = "http://bo:pw@127.0.0.1:" + metaProxy.port();
      assertThat(t.exchange(Request.to(site.url("/echo?1")).meta("proxy", viaMeta).build()).status()).isEqualTo(200);
      assertThat(t.exchange(Request.to(site.url("/echo?2")).meta("proxy", "").build()).status()).isEqualTo(200);
      assertThat(t.exchange(Request.to(site.url("/echo?3")).build()).status()).isEqualTo(200);
      assertThat(metaProxy.accepted()).singleElement().asString().contains("/echo?1");
      assertThat(settingsProxy.accepted()).singleElement().asString().contains("/echo?3");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "socket"})
  void connectionsThroughTwoProxiesAreNeverShared(String client) throws Exception {
    try (TestProxy a = new TestProxy(null, null); TestProxy b = new TestProxy(null, null);
        Transport t = open(client, Settings.defaults())) {
      String viaA = "http://127.0.0.1:" + a.port();
      String viaB = "http://127.0.0.1:" + b.port();
      for (String proxy : new String[] {viaA, viaB, viaA, viaB, ""}) {
        assertThat(t.exchange(Request.to(tlsSite.url("/" + proxy.length())).meta("proxy", proxy).build()).status())
            .isEqualTo(200);
      }
      // one tunnel through each, reused for its second request; the direct request took neither
      assertThat(a.accepted()).singleElement().asString().startsWith("CONNECT localhost:");
      assertThat(b.accepted()).singleElement().asString().startsWith("CONNECT localhost:");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "socket"})
  void goesThroughASocks5Proxy(String client) throws Exception {
    try (Socks5Proxy socks = new Socks5Proxy();
        Transport t = open(client, proxied("socks5://127.0.0.1:" + socks.port()))) {
      assertThat(t.exchange(Request.to(site.url("/echo")).build()).text()).contains("\"method\"");
      assertThat(t.exchange(Request.to(tlsSite.url("/socks")).build()).status()).isEqualTo(200);
      assertThat(socks.targets()).contains("127.0.0.1:" + sitePort())
          .anySatisfy(target -> assertThat(target).startsWith("localhost:"));
    }
  }

  @Test
  void socketSendsCredentialsToASocks5Proxy() throws Exception {
    try (Socks5Proxy socks = new Socks5Proxy("ann", "pä55");
        Transport t = open("socket", proxied("socks5://ann:p%C3%A455@127.0.0.1:" + socks.port()));
        Transport none = open("socket", proxied("socks5://127.0.0.1:" + socks.port()));
        Transport wrong = open("socket", proxied("socks5://ann:guess@127.0.0.1:" + socks.port()))) {
      assertThat(t.exchange(Request.to(site.url("/echo")).build()).status()).isEqualTo(200);
      assertThat(t.exchange(Request.to(tlsSite.url("/socks")).build()).status()).isEqualTo(200);
      assertThat(socks.targets()).hasSize(2);
      assertThatThrownBy(() -> none.exchange(Request.to(site.url("/echo")).build()))
          .hasMessageContaining("socks5 proxy socks5://127.0.0.1:" + socks.port() + " needs credentials");
      assertThatThrownBy(() -> wrong.exchange(Request.to(site.url("/echo")).build()))
          .hasMessageContaining("refused the credentials").hasMessageNotContaining("guess");
      assertThat(socks.targets()).hasSize(2);
    }
  }

  @Test
  void socketSpeaksTlsToAnHttpsProxy() throws Exception {
    try (TestProxy proxy = new TestProxy("ann", "s3cr:t@", tls.serverContext());
        Transport t = open("socket", proxied("https://ann:s3cr%3At%40@localhost:" + proxy.port()))) {
      assertCredentialsGoToTheProxyOnly(t, proxy);
    }
  }
}
