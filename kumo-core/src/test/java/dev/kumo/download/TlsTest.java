package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.kumo.Request;
import dev.kumo.Settings;
import dev.kumo.testsite.TestSite;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https with {@link SocketTransport}: against a local HTTPS server whose certificate (for {@code localhost}
 * only) is made by {@code keytool} for the test; directly and through a {@code CONNECT} proxy.
 */
class TlsTest {
  static HttpsServer server;
  static SSLContext trusting;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    TestTls tls = TestTls.create(dir);
    SSLContext serverTls = tls.serverContext();
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    server.createContext("/", exchange -> {
      byte[] body = ("secure " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    trusting = tls.clientContext();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  static String url(String host, String path) {
    return "https://" + host + ":" + server.getAddress().getPort() + path;
  }

  @Test
  void fetchesOverTlsAndReusesTheConnection() throws Exception {
    TransportConfig config = TransportConfig.from(Settings.defaults());
    try (SocketTransport t = new SocketTransport(config, trusting.getSocketFactory())) {
      assertThat(t.exchange(Request.to(url("localhost", "/a?x=1")).build()).text()).isEqualTo("secure /a?x=1");
      assertThat(t.exchange(Request.to(url("localhost", "/b")).build()).text()).isEqualTo("secure /b");
      assertThat(t.connectionsOpened()).isEqualTo(1);
    }
  }

  @Test
  void asksForTheTlsFactoryOnTheFirstHttpsConnectionOnly() throws Exception {
    TransportConfig config = TransportConfig.from(Settings.defaults());
    AtomicInteger asked = new AtomicInteger();
    Connector connector = new Connector(config, () -> {
      asked.incrementAndGet();
      return trusting.getSocketFactory();
    });
    try (TestSite site = TestSite.builder().pages(1).start()) {
      connector.open(new Route(new Origin(false, "127.0.0.1", site.port()), null), site.pageUrl(0), System.nanoTime() + 5_000_000_000L)
          .close();
      assertThat(asked).as("plain http needs no TLS").hasValue(0);
    }
    for (int i = 0; i < 2; i++) {
      connector.open(new Route(new Origin(true, "localhost", server.getAddress().getPort()), null), url("localhost", "/"),
          System.nanoTime() + 5_000_000_000L).close();
    }
    assertThat(asked).hasValue(1);
  }

  @Test
  void refusesAnUntrustedCertificateAndAWrongHostName() {
    TransportConfig config = TransportConfig.from(Settings.defaults());
    try (SocketTransport jvmDefaults = new SocketTransport(config);
        SocketTransport t = new SocketTransport(config, trusting.getSocketFactory())) {
      assertThatThrownBy(() -> jvmDefaults.exchange(Request.to(url("localhost", "/")).build()))
          .isInstanceOf(DownloadException.class).hasMessageContaining("failed to fetch");
      assertThatThrownBy(() -> t.exchange(Request.to(url("127.0.0.1", "/")).build())) // the cert names localhost
          .isInstanceOf(DownloadException.class).hasMessageContaining("failed to fetch");
    }
  }

  @Test
  void tunnelsThroughAProxyWithConnect() throws Exception {
    try (TestProxy proxy = new TestProxy(null, null);
        SocketTransport t = new SocketTransport(
            TransportConfig.from(Settings.defaults().with("https_proxy", "127.0.0.1:" + proxy.port())),
            trusting.getSocketFactory())) {
      assertThat(t.exchange(Request.to(url("localhost", "/tunnelled")).build()).text())
          .isEqualTo("secure /tunnelled");
      assertThat(proxy.accepted()).containsExactly(
          "CONNECT localhost:" + server.getAddress().getPort() + " HTTP/1.1");
    }
  }
}
