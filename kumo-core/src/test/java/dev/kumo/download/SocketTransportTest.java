package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Settings;
import dev.kumo.download.ScriptedServer.Reply;
import dev.kumo.testsite.TestSite;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;

/** Kumo's HTTP/1.1 client: framing, connection reuse, request heads, failures and interrupts. */
class SocketTransportTest {
  static final TransportConfig CONFIG = TransportConfig.from(Settings.defaults());

  static Response get(SocketTransport t, String url) throws Exception {
    return t.exchange(Request.to(url).build());
  }

  static ThrowingConsumer<Throwable> reason(String reason) {
    return e -> assertThat(((DownloadException) e).reason()).isEqualTo(reason);
  }

  @Test
  void keepsConnectionsAliveAcrossRequests() throws Exception {
    try (TestSite site = TestSite.builder().pages(20).start(); SocketTransport t = new SocketTransport(CONFIG)) {
      for (int i = 0; i < 20; i++) {
        Response r = get(t, site.pageUrl(i));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("<html");
      }
      assertThat(t.connectionsOpened()).isEqualTo(1);
    }
  }

  @Test
  void readsChunkedBodiesWithExtensionsAndTrailersThenReusesTheConnection() throws Exception {
    try (ScriptedServer server = new ScriptedServer((head, body, c, n) -> Reply.of(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\n"
            + "X-Trailer: y\r\n\r\n"));
        SocketTransport t = new SocketTransport(CONFIG)) {
      assertThat(get(t, server.url("/a")).text()).isEqualTo("hello world");
      assertThat(get(t, server.url("/b")).text()).isEqualTo("hello world");
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void readsABodyThatEndsWithTheConnection() throws Exception {
    try (ScriptedServer server = new ScriptedServer((head, body, c, n) -> Reply.closing(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end"));
        SocketTransport t = new SocketTransport(CONFIG)) {
      assertThat(get(t, server.url("/a")).text()).isEqualTo("until the end");
      assertThat(get(t, server.url("/b")).text()).isEqualTo("until the end");
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void skipsInterimResponsesAndReadsNoBodyWhereThereIsNone() throws Exception {
    try (ScriptedServer server = new ScriptedServer((head, body, c, n) -> Reply.of(switch (n) {
      case 1 -> "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
      case 2 -> "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"; // the answer to HEAD
      case 3 -> "HTTP/1.1 204 No Content\r\n\r\n";
      default -> "HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n";
    }));
        SocketTransport t = new SocketTransport(CONFIG)) {
      assertThat(get(t, server.url("/1")).text()).isEqualTo("ok");
      assertThat(t.exchange(Request.to(server.url("/2")).method("HEAD").build()).body()).isEmpty();
      assertThat(get(t, server.url("/3")).status()).isEqualTo(204);
      Response notModified = get(t, server.url("/4"));
      assertThat(notModified.status()).isEqualTo(304);
      assertThat(notModified.body()).isEmpty();
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void findsIdleConnectionsTheServerClosedBeforeSendingOnThem() throws Exception {
    // the server answers once per connection, then closes it without saying so (no Connection: close)
    try (ScriptedServer server = new ScriptedServer((head, body, c, n) -> Reply.closing(
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        SocketTransport t = new SocketTransport(CONFIG)) {
      assertThat(get(t, server.url("/a")).text()).isEqualTo("ok");
      awaitClosedByPeer();
      assertThat(get(t, server.url("/b")).text()).isEqualTo("ok");
      awaitClosedByPeer();
      Request post = Request.to(server.url("/c")).method("POST").body("x=1".getBytes()).build();
      assertThat(t.exchange(post).text()).isEqualTo("ok");
      assertThat(server.connections()).isEqualTo(3);
      assertThat(server.heads()).hasSize(3);
    }
  }

  @Test
  void neverReusesAConnectionWithBytesPastTheBody() throws Exception {
    // the first answer carries a forged second response after its body; a HEAD answer carries a body
    try (ScriptedServer server = new ScriptedServer((head, body, c, n) -> Reply.of(switch (head.split(" ")[1]) {
      case "/a" -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nforged";
      case "/head" -> "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
      default -> "HTTP/1.1 200 OK\r\nContent-Length: " + (head.split(" ")[1].length()) + "\r\n\r\n"
          + head.split(" ")[1];
    }));
        SocketTransport t = new SocketTransport(CONFIG)) {
      assertThat(get(t, server.url("/a")).text()).isEqualTo("ok");
      assertThat(get(t, server.url("/b")).text()).isEqualTo("/b");
      assertThat(t.exchange(Request.to(server.url("/head")).method("HEAD").build()).body()).isEmpty();
      Thread.sleep(100); // the unasked-for body arrives on the idle connection
      assertThat(get(t, server.url("/c")).text()).isEqualTo("/c");
      assertThat(server.heads()).hasSize(4);
    }
  }

  @Test
  void closesConnectionsWithSmugglingFraming() throws Exception {
    try (ScriptedServer server = new ScriptedServer((head, body, c, n) -> Reply.of(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n2\r\nok\r\n0\r\n\r\n"));
        SocketTransport t = new SocketTransport(CONFIG)) {
      assertThat(get(t, server.url("/a")).text()).isEqualTo("ok");
      assertThat(get(t, server.url("/b")).text()).isEqualTo("ok");
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void boundsAWriteToAServerThatDoesNotRead() throws Exception {
    try (java.net.ServerSocket deaf = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
        SocketTransport t = new SocketTransport(TransportConfig.from(Settings.defaults()
            .with("download_timeout", 1.0).with("download_read_timeout", 0.5)))) {
      Thread.ofVirtual().start(() -> {
        try (java.net.Socket s = deaf.accept()) {
          Thread.sleep(20_000); // accepts, never reads
        } catch (Exception ignored) {
          // the test ended
        }
      });
      Request post = Request.to("http://127.0.0.1:" + deaf.getLocalPort() + "/upload").method("POST")
          .body(new byte[32 << 20]).build();
      // Unbounded, the write would block until the server closes after 20 s and end in a reset, not a timeout.
      assertThatThrownBy(() -> t.exchange(post)).satisfies(reason(DownloadException.TIMEOUT));
    }
  }

  @Test
  void boundsATrickledTlsHandshakeAndEndsItOnAnInterrupt() throws Exception {
    try (java.net.ServerSocket trickler = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
        SocketTransport t = new SocketTransport(TransportConfig.from(Settings.defaults()
            .with("download_timeout", 1.5).with("download_connect_timeout", 1.0)))) {
      Thread.ofVirtual().start(() -> {
        while (!trickler.isClosed()) {
          try {
            java.net.Socket s = trickler.accept();
            Thread.ofVirtual().start(() -> {
              try (s) {
                s.getOutputStream().write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00}); // a 16 KB record, slowly
                for (int i = 0; i < 100; i++) {
                  Thread.sleep(300);
                  s.getOutputStream().write(0);
                }
              } catch (Exception ignored) {
                // the client gave up
              }
            });
          } catch (IOException e) {
            return;
          }
        }
      });
      String url = "https://127.0.0.1:" + trickler.getLocalPort() + "/";
      // Unbounded, the trickle would last 30 s and end in a handshake error, not a timeout.
      assertThatThrownBy(() -> get(t, url)).satisfies(reason(DownloadException.TIMEOUT));
      TransportContractTest.assertInterruptEnds(t, url);
    }
  }

  @Test
  void leaksNoSocketWhenNoTimeIsLeftToConnect() throws Exception {
    Connector connector = new Connector(CONFIG, javax.net.ssl.SSLContext.getDefault().getSocketFactory());
    Origin origin = new Origin(false, "127.0.0.1", 9);
    long before = openFiles();
    for (int i = 0; i < 200; i++) {
      assertThatThrownBy(() -> connector.open(new Route(origin, null), "http://127.0.0.1:9/", System.nanoTime() - 1))
          .satisfies(reason(DownloadException.TIMEOUT));
    }
    System.gc();
    assertThat(openFiles()).isLessThan(before + 20);
  }

  private static long openFiles() throws IOException {
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
      return files.count();
    }
  }

  private static void awaitClosedByPeer() throws InterruptedException {
    Thread.sleep(100); // lets the server's close reach the client's side of the idle connection
  }

  @Test
  void writesTheRequestHead() throws Exception {
    TransportConfig config = TransportConfig.from(Settings.defaults().with("user_agent", "kumo-test")
        .with("default_request_headers", java.util.Map.of("Accept-Language", "de")));
    try (ScriptedServer server = new ScriptedServer((head, body, c, n) -> Reply.of(
        "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
        SocketTransport t = new SocketTransport(config)) {
      t.exchange(Request.to(server.url("/p%C3%A4th/x?b=2&a=1")).method("POST").body("k=v".getBytes())
          .header("Accept-Language", "fr").header("X-Trace", "t-1").header("Host", "evil.example").build());
      String head = server.heads().getFirst();
      assertThat(head).startsWith("POST /p%C3%A4th/x?b=2&a=1 HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n")
          .contains("Accept-Language: fr\r\n").doesNotContain("Accept-Language: de")
          .contains("User-Agent: kumo-test\r\n").contains("X-Trace: t-1\r\n").contains("Content-Length: 3\r\n")
          .doesNotContain("evil.example");
      assertThat(server.bodies().getFirst()).isEqualTo("k=v");
      Request split = Request.to(server.url("/")).header("X-Bad", "a\r\nInjected: yes").build();
      assertThatThrownBy(() -> t.exchange(split)).satisfies(reason(DownloadException.INVALID_URL));
      assertThat(server.heads()).hasSize(1);
    }
  }

  @Test
  void refusesMalformedResponses() throws Exception {
    try (ScriptedServer server = new ScriptedServer((head, body, c, n) -> Reply.closing(switch (head.split(" ")[1]) {
      case "/status" -> "HTP/1.1 200 OK\r\n\r\n";
      case "/length" -> "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!";
      case "/chunk" -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n";
      case "/short" -> "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this";
      case "/header" -> "HTTP/1.1 200 OK\r\nX-Huge: " + "a".repeat(70_000) + "\r\n\r\n";
      case "/sign" -> "HTTP/1.1 200 OK\r\nContent-Length: +2\r\n\r\nok";
      case "/negative-chunk" -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-0\r\n\r\n";
      default -> "";
    }));
        SocketTransport t = new SocketTransport(CONFIG)) {
      for (String path : new String[] {"/status", "/length", "/chunk", "/short", "/header", "/nothing", "/sign",
          "/negative-chunk"}) {
        assertThat(catchThrowable(() -> get(t, server.url(path)))).as(path).isInstanceOf(DownloadException.class)
            .satisfies(reason(DownloadException.IO));
      }
      assertThatThrownBy(() -> get(t, server.url("/status"))).hasMessageContaining("malformed response");
    }
  }

  @Test
  void fetchesFromAnIpv6Literal() throws Exception {
    java.net.InetAddress v6;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("::1"))) {
      v6 = probe.getInetAddress();
    } catch (IOException e) {
      org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback on this machine: " + e.getMessage());
      return;
    }
    try (ScriptedServer server = new ScriptedServer((head, body, c, n) -> Reply.of(
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nv6"), v6);
        SocketTransport t = new SocketTransport(CONFIG)) {
      assertThat(get(t, "http://[::1]:" + server.port() + "/x").text()).isEqualTo("v6");
      assertThat(server.heads().getFirst()).startsWith("GET /x HTTP/1.1\r\nHost: [::1]:" + server.port() + "\r\n");
    }
  }

  @Test
  void refusesUrlsItCannotSend() {
    try (SocketTransport t = new SocketTransport(CONFIG)) {
      for (String url : new String[] {"ftp://127.0.0.1/x", "http:///nohost", "http://127.0.0.1/a b"}) {
        assertThat(catchThrowable(() -> get(t, url))).as(url).isInstanceOf(DownloadException.class)
            .satisfies(reason(DownloadException.INVALID_URL));
      }
    }
  }

  @Test
  void reportsRefusedConnectionsAndUnknownHosts() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (SocketTransport t = new SocketTransport(CONFIG)) {
      assertThatThrownBy(() -> get(t, "http://127.0.0.1:" + closedPort + "/"))
          .satisfies(reason(DownloadException.CONNECT));
      assertThatThrownBy(() -> get(t, "http://no-such-host.invalid/"))
          .satisfies(reason(DownloadException.CONNECT));
    }
  }

  @Test
  void anInterruptEndsABlockedExchangeOnAPlatformThread() throws Exception {
    try (TestSite site = TestSite.builder().pages(1).start(); SocketTransport t = new SocketTransport(CONFIG)) {
      CompletableFuture<Throwable> outcome = new CompletableFuture<>();
      Thread worker = Thread.ofPlatform().start(() -> {
        try {
          get(t, site.url("/slow?ms=20000"));
          outcome.complete(null);
        } catch (Throwable e) {
          outcome.complete(e);
        }
      });
      Thread.sleep(300);
      worker.interrupt();
      assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }
  }

  @Test
  void sendsPlainRequestsToTheProxyInAbsoluteForm() throws Exception {
    try (ScriptedServer proxy = new ScriptedServer((head, body, c, n) -> Reply.of(
        "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nproxied"));
        SocketTransport t = new SocketTransport(
            TransportConfig.from(Settings.defaults().with("http_proxy", "127.0.0.1:" + proxy.port())))) {
      assertThat(get(t, "http://site.example:8080/path?q=1").text()).isEqualTo("proxied");
      assertThat(proxy.heads().getFirst())
          .startsWith("GET http://site.example:8080/path?q=1 HTTP/1.1\r\nHost: site.example:8080\r\n");
    }
  }

  @Test
  void closingThePoolClosesIdleConnections() throws Exception {
    try (ScriptedServer server = new ScriptedServer((head, body, c, n) -> Reply.of(
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
      SocketTransport t = new SocketTransport(CONFIG);
      get(t, server.url("/"));
      t.close();
      assertThatThrownBy(() -> get(t, server.url("/"))).isInstanceOf(DownloadException.class);
    }
  }

}
