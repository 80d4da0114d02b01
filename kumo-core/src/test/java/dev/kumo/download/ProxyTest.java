package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.testsite.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proxies with the library clients: credentials checked by a local proxy (and kept from the site), SOCKS5,
 * {@code no_proxy}, and a per-request proxy through the meta key {@code proxy}.
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
    return client.equals("okhttp") ? new OkHttpTransport(config, tls.trust())
        : new ApacheTransport(config, tls.clientContext());
  }

  static Settings proxied(String proxy) {
    return Settings.defaults().with(Setting.HTTP_PROXY, proxy).with(Setting.HTTPS_PROXY, proxy);
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache"})
  void credentialsGoToTheProxyOnly(String client) throws Exception {
    try (TestProxy proxy = new TestProxy("ann", "s3cr:t@");
        Transport t = open(client, proxied("http://ann:s3cr%3At%40@127.0.0.1:" + proxy.port()))) {
      Response plain = t.exchange(Request.to(site.url("/echo")).build());
      assertThat(plain.status()).isEqualTo(200);
      assertThat(plain.text()).doesNotContainIgnoringCase("proxy-authorization");
      Response tunnelled = t.exchange(Request.to(tlsSite.url("/secure")).build());
      assertThat(tunnelled.status()).isEqualTo(200);
      assertThat(tunnelled.text()).doesNotContainIgnoringCase("proxy-authorization");
      assertThat(proxy.accepted()).anySatisfy(line -> assertThat(line).startsWith("GET " + site.url("/echo")))
          .anySatisfy(line -> assertThat(line).startsWith("CONNECT localhost:"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache"})
  void withoutCredentialsTheProxyRefuses(String client) throws Exception {
    try (TestProxy proxy = new TestProxy("ann", "secret");
        Transport t = open(client, proxied("http://127.0.0.1:" + proxy.port()))) {
      assertThat(t.exchange(Request.to(site.url("/echo")).build()).status()).isEqualTo(407);
      assertThat(proxy.accepted()).isEmpty();
      assertThat(proxy.refused()).isNotEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache"})
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
  @ValueSource(strings = {"okhttp", "apache"})
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

  @Test
  void okhttpGoesThroughASocks5Proxy() throws Exception {
    try (Socks5Proxy socks = new Socks5Proxy();
        Transport t = open("okhttp", proxied("socks5://127.0.0.1:" + socks.port()))) {
      assertThat(t.exchange(Request.to(site.url("/echo")).build()).text()).contains("\"method\"");
      assertThat(t.exchange(Request.to(tlsSite.url("/socks")).build()).status()).isEqualTo(200);
      assertThat(socks.targets()).contains("127.0.0.1:" + java.net.URI.create(site.url("/")).getPort())
          .anySatisfy(target -> assertThat(target).startsWith("localhost:"));
    }
  }
}
