package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.kumo.Request;
import dev.kumo.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
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
  static final char[] PASSWORD = TestTls.PASSWORD;
  static HttpsServer server;
  static SSLContext trusting;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    TestTls tls = TestTls.create(dir);
    KeyStore keys = tls.keys();
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD);
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);
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
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    Connector connector = new Connector(config, () -> {
      asked.incrementAndGet();
      return trusting.getSocketFactory();
    });
    try (dev.kumo.testsite.TestSite site = dev.kumo.testsite.TestSite.builder().pages(1).start()) {
      connector.open(new Origin(false, "127.0.0.1", site.port()), site.pageUrl(0), System.nanoTime() + 5_000_000_000L)
          .close();
      assertThat(asked).as("plain http needs no TLS").hasValue(0);
    }
    for (int i = 0; i < 2; i++) {
      connector.open(new Origin(true, "localhost", server.getAddress().getPort()), url("localhost", "/"),
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
    try (TunnelProxy proxy = new TunnelProxy();
        SocketTransport t = new SocketTransport(
            TransportConfig.from(Settings.defaults().with("https_proxy", "127.0.0.1:" + proxy.port())),
            trusting.getSocketFactory())) {
      assertThat(t.exchange(Request.to(url("localhost", "/tunnelled")).build()).text())
          .isEqualTo("secure /tunnelled");
      assertThat(proxy.firstLine).isEqualTo("CONNECT localhost:" + server.getAddress().getPort() + " HTTP/1.1");
    }
  }

  /** A proxy that answers one CONNECT to the test server with 200, then copies bytes both ways. */
  static final class TunnelProxy implements AutoCloseable {
    final ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    volatile String firstLine;

    TunnelProxy() throws IOException {
      Thread.ofVirtual().start(() -> {
        try (Socket client = listener.accept();
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
          InputStream in = client.getInputStream();
          StringBuilder head = new StringBuilder();
          while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
          }
          firstLine = head.substring(0, head.indexOf("\r\n"));
          client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          Thread up = Thread.ofVirtual().start(() -> copy(in, upstream));
          copy(upstream.getInputStream(), client);
          up.join();
        } catch (IOException | InterruptedException e) {
          // the test ended
        }
      });
    }

    private static void copy(InputStream from, Socket to) {
      try {
        OutputStream out = to.getOutputStream();
        byte[] buf = new byte[8192];
        for (int n = from.read(buf); n >= 0; n = from.read(buf)) {
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed
      }
    }

    int port() {
      return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      listener.close();
    }
  }
}
