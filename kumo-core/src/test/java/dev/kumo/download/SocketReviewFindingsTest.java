package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Request;
import dev.kumo.Settings;
import org.junit.jupiter.api.Test;

/** {@link SocketTransport} after the review of issue 11: header hygiene and the server's keep-alive limit. */
class SocketReviewFindingsTest {
  static final TransportConfig CONFIG = TransportConfig.from(Settings.defaults());

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
}
