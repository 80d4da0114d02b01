package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP/2 over TLS (ALPN) against a local Jetty server whose certificate comes from a test authority. */
class Http2Test {
  static TestTls tls;
  static TlsSite site;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    tls = TestTls.create(dir);
    site = new TlsSite(tls);
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
  }

  static TransportConfig config(Settings settings) {
    return TransportConfig.from(settings);
  }

  @Test
  void okhttpSpeaksHttp2WhereTheServerOffersIt() throws Exception {
    try (OkHttpTransport t = new OkHttpTransport(config(Settings.defaults()), tls.trust())) {
      Response response = t.exchange(Request.to(site.url("/h2")).build());
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.protocol()).isEqualTo("h2");
      assertThat(TlsSite.firstLine(response)).isEqualTo("HTTP/2.0");
      assertThat(response.text()).contains("user-agent: " + Setting.USER_AGENT.defaultValue());
    }
  }

  @Test
  void http2EnabledFalseKeepsToHttp11() throws Exception {
    try (OkHttpTransport t = new OkHttpTransport(config(Settings.defaults().with(Setting.HTTP2_ENABLED, false)),
        tls.trust())) {
      Response response = t.exchange(Request.to(site.url("/h1")).build());
      assertThat(response.protocol()).isEqualTo("http/1.1");
      assertThat(TlsSite.firstLine(response)).isEqualTo("HTTP/1.1");
    }
  }

  @Test
  void apacheSpeaksHttp11OverTheSameServer() throws Exception {
    try (ApacheTransport t = new ApacheTransport(config(Settings.defaults()), tls.clientContext())) {
      Response response = t.exchange(Request.to(site.url("/classic")).build());
      assertThat(response.protocol()).isEqualTo("http/1.1");
      assertThat(TlsSite.firstLine(response)).isEqualTo("HTTP/1.1");
    }
  }

  @Test
  void certificatesFromOtherAuthoritiesAreRefused() {
    try (OkHttpTransport okhttp = new OkHttpTransport(config(Settings.defaults()));
        ApacheTransport apache = new ApacheTransport(config(Settings.defaults()))) {
      for (Transport t : new Transport[] {okhttp, apache}) {
        assertThatThrownBy(() -> t.exchange(Request.to(site.url("/")).build()))
            .isInstanceOf(DownloadException.class).hasMessageContaining("failed to fetch");
      }
    }
  }
}
