package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Request;
import dev.kumo.Setting;
import dev.kumo.Settings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Closing a transport closes its pooled keep-alive connections, as counted by the server. */
class TransportCloseTest {

  @ParameterizedTest
  @ValueSource(strings = {"socket", "jdk"})
  void closeEndsEveryPooledConnection(String client) throws Exception {
    try (ScriptedServer server = new ScriptedServer((head, body, c, n) -> ScriptedServer.Reply.of(
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
      Transport t = Transport.open(TransportConfig.from(Settings.defaults().with(Setting.HTTP_CLIENT, client)));
      assertThat(t.exchange(Request.to(server.url("/a")).build()).status()).isEqualTo(200);
      assertThat(t.exchange(Request.to(server.url("/b")).build()).status()).isEqualTo(200);
      assertThat(server.connections()).isEqualTo(1); // kept alive and reused
      assertThat(server.openConnections()).isEqualTo(1);
      t.close();
      // well within the pool's 30 s keep-alive, after which an idle connection would close on its own
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (server.openConnections() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(server.openConnections()).as("connections left open after close()").isZero();
    }
  }
}
