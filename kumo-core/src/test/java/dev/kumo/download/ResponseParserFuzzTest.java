package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Settings;
import dev.kumo.download.ScriptedServer.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Kumo's HTTP/1.1 client reading mutated responses from a real loopback server (status line, header fields,
 * Content-Length, chunked framing with extensions and trailers, interim responses, gzip bodies): every exchange
 * ends with a {@link Response} or a {@link DownloadException}, nothing else, within its time box.
 */
class ResponseParserFuzzTest {
  private static final TransportConfig CONFIG = TransportConfig.from(Settings.defaults()
      .with("download_timeout", "1").with("download_maxsize", "1m"));

  @Test
  void mutatedResponsesGiveAResponseOrADownloadException() throws Exception {
    List<byte[]> seeds = new ArrayList<>();
    for (String raw : List.of(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 12\r\n\r\n<p>hello</p>",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-T: y\r\n\r\n",
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 3\r\nConnection: close\r\n\r\nno!",
        "HTTP/1.0 301 Moved\r\nLocation: /b\r\nX-Folded: a\r\n  b\r\n\r\nuntil the end",
        "HTTP/1.1 200 OK\r\nContent-Length: 4, 4\r\nSet-Cookie: a=b; Path=/\r\nKeep-Alive: timeout=5\r\n\r\nbody",
        "HTTP/1.1 204 No Content\r\n\r\n")) {
      seeds.add(raw.getBytes(StandardCharsets.ISO_8859_1));
    }
    byte[] gzip = ContentDecoderTest.gzip("<p>compressed</p>".getBytes(StandardCharsets.UTF_8));
    seeds.add(concat(("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + gzip.length + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1), gzip));

    AtomicReference<byte[]> reply = new AtomicReference<>();
    try (ScriptedServer server = new ScriptedServer((head, body, c, n) -> new Reply(reply.get(), true));
        SocketTransport transport = new SocketTransport(CONFIG)) {
      Request request = Request.to(server.url("/fuzz")).build();
      int tried = new ByteFuzzer().run(seeds, new ByteFuzzer.Budget(Duration.ofSeconds(4), 3_000, Duration.ofSeconds(10)),
          input -> {
            reply.set(input);
            try {
              Response response = transport.exchange(request);
              assertThat(response.status()).isBetween(100, 999);
            } catch (DownloadException expected) {
              assertThat(expected.getMessage()).isNotBlank();
            }
          });
      assertThat(tried).isGreaterThan(seeds.size());
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
