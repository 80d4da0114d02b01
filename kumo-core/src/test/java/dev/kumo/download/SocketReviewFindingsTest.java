package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Request;
import dev.kumo.Setting;
import dev.kumo.Settings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SocketTransport} after the review of issue 11: header hygiene, the server's keep-alive limit, the next
 * address after a connect timeout, and connections the server closed while they were idle in the pool.
 */
class SocketReviewFindingsTest {
  static final TransportConfig CONFIG = TransportConfig.from(Settings.defaults());
  static TestTls tls;

  @BeforeAll
  static void certificate(@TempDir Path dir) throws Exception {
    tls = TestTls.create(dir);
  }

  static SocketTransport transport() {
    return new SocketTransport(CONFIG, tls.clientContext().getSocketFactory());
  }

  @Test
  void aBareCrInAHeaderIsRefused() throws Exception {
    try (ScriptedServer server = new ScriptedServer((head, body, c, n) -> ScriptedServer.Reply.of(
            "HTTP/1.1 200 OK\r\nSet-Cookie: a=1\rX-Injected: 1\r\nContent-Length: 0\r\n\r\n"));
        SocketTransport t = new SocketTransport(CONFIG)) {
      assertThatThrownBy(() -> t.exchange(Request.get(server.url("/"))))
          .isInstanceOf(DownloadException.class).hasMessageContaining("bare CR");
    }
  }

  @Test
  void theServersKeepAliveTimeoutIsHonoured() throws Exception {
    try (ScriptedServer server = new ScriptedServer((head, body, c, n) -> ScriptedServer.Reply.of(
            "HTTP/1.1 200 OK\r\nKeep-Alive: timeout=" + (head.contains("/short") ? 1 : 60)
                + "\r\nContent-Length: 2\r\n\r\nok"));
        SocketTransport t = new SocketTransport(CONFIG)) {
      t.exchange(Request.get(server.url("/long")));
      t.exchange(Request.get(server.url("/long")));
      assertThat(server.connections()).isEqualTo(1);
      t.exchange(Request.get(server.url("/short"))); // timeout=1: kept for less than the second it allows
      t.exchange(Request.get(server.url("/long")));
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void theNextAddressIsTriedAfterAConnectTimeout() throws Exception {
    // 127.0.0.2 listens with a full backlog and accepts nothing: the kernel drops further SYNs (a timeout);
    // 127.0.0.3 listens on the same port
    try (ServerSocket answering = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.3"));
        ServerSocket silent = new ServerSocket(answering.getLocalPort(), 1, InetAddress.getByName("127.0.0.2"))) {
      int port = answering.getLocalPort();
      List<Socket> backlog = new ArrayList<>();
      try {
        fillBacklog(silent, backlog);
        Connector connector = new Connector(TransportConfig.from(Settings.defaults()
            .with(Setting.DOWNLOAD_CONNECT_TIMEOUT, 0.3)), tls.clientContext().getSocketFactory());
        InetAddress[] addresses = {InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.3")};
        try (SocketChannel channel = connector.connect(addresses, "two.test", port, "http://two.test/",
            System.nanoTime() + 10_000_000_000L)) {
          assertThat(((InetSocketAddress) channel.getRemoteAddress()).getAddress().getHostAddress())
              .isEqualTo("127.0.0.3");
        }
      } finally {
        for (Socket s : backlog) {
          s.close();
        }
      }
    }
  }

  /** Connects to {@code silent} until a connection attempt times out: its backlog is full. */
  private static void fillBacklog(ServerSocket silent, List<Socket> backlog) throws Exception {
    for (int i = 0; i < 16; i++) {
      Socket s = new Socket();
      try {
        s.connect(silent.getLocalSocketAddress(), 200);
        backlog.add(s);
      } catch (java.net.SocketTimeoutException full) {
        s.close();
        return;
      }
    }
    throw new AssertionError("the backlog of " + silent + " never filled up");
  }

  @ParameterizedTest
  @CsvSource({"false, false", "true, true", "true, false"}) // plain; TLS with close_notify; TLS with a bare FIN
  void aConnectionTheServerClosedWhileIdleIsNotUsed(boolean secure, boolean closeNotify) throws Exception {
    try (ClosingServer server = new ClosingServer(secure ? tls.serverContext() : null, 100, closeNotify, 100);
        SocketTransport t = transport()) {
      assertThat(t.exchange(Request.get(server.url("/1"))).text()).isEqualTo("ok");
      server.awaitIdleCloses(1); // the server closes the idle connection after 100 ms
      // a POST is never sent twice: it succeeds only if the closed connection was found before writing to it
      Request post = Request.to(server.url("/2")).method("POST").body("x=1").build();
      assertThat(t.exchange(post).text()).isEqualTo("ok");
      assertThat(server.connections()).isEqualTo(2);
      assertThat(server.requests()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aRequestLostOnAReusedConnectionIsSentOnceMoreOnlyWhenIdempotent(boolean secure) throws Exception {
    // each connection answers one request, then reads the next one and closes without answering
    try (ClosingServer server = new ClosingServer(secure ? tls.serverContext() : null, 30_000, true, 1);
        SocketTransport t = transport()) {
      assertThat(t.exchange(Request.get(server.url("/1"))).text()).isEqualTo("ok");
      assertThat(t.exchange(Request.get(server.url("/2"))).text()).isEqualTo("ok"); // lost, then sent anew
      assertThat(server.connections()).isEqualTo(2);
      assertThat(server.requests()).isEqualTo(3);
      Request post = Request.to(server.url("/3")).method("POST").body("x=1").build();
      assertThatThrownBy(() -> t.exchange(post)).isInstanceOf(DownloadException.class);
      assertThat(server.requests()).isEqualTo(4); // not sent again
    }
  }
}
