package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Headers;
import dev.kumo.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP/1.x response head as {@link ResponseHead} reads it from a real loopback connection: the status line,
 * the header fields and their limits, and what the head says about the body and the connection.
 */
class ResponseHeadTest {
  private static final String URL = "http://127.0.0.1/x";
  private static final TransportConfig CONFIG = TransportConfig.from(Settings.defaults());

  /** {@code raw} sent by a loopback peer, read back as a response head. */
  private static ResponseHead read(String raw) throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket server = new ServerSocket(0, 1, loopback);
        Socket client = new Socket(loopback, server.getLocalPort());
        Socket peer = server.accept()) {
      Thread writer = Thread.startVirtualThread(() -> {
        try (OutputStream out = peer.getOutputStream()) {
          out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      HttpInput in = new HttpInput(client);
      in.arm(URL, System.nanoTime() + TimeUnit.SECONDS.toNanos(60), CONFIG);
      try {
        return ResponseHead.read(in, URL);
      } finally {
        client.close();
        writer.join();
      }
    }
  }

  private static ResponseHead head(int minorVersion, int status, String... namesAndValues) {
    return new ResponseHead(minorVersion, status, Headers.of(namesAndValues));
  }

  @Test
  void aStatusLineWithoutReasonIsTwelveCharacters() throws Exception {
    ResponseHead head = read("HTTP/1.1 200\r\n\r\n");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.minorVersion()).isEqualTo(1);
    ResponseHead old = read("HTTP/1.0 599 Odd\r\nX: y\r\n\r\n");
    assertThat(old.minorVersion()).isZero();
    assertThat(old.status()).isEqualTo(599);
    assertThat(old.headers().first("x")).isEqualTo("y");
  }

  @Test
  void interimResponsesAreSkippedButASwitchIsFinal() throws Exception {
    ResponseHead head = read("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
        + "HTTP/1.1 204 No Content\r\nX: final\r\n\r\n");
    assertThat(head.status()).isEqualTo(204);
    assertThat(head.headers().names()).containsExactly("X");
    assertThat(read("HTTP/1.1 101 Switching Protocols\r\n\r\n").status()).isEqualTo(101);
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/1.1 099 Low", "HTTP/1.1 /00 Slash", "HTTP/1.1 20: Colon", "HTTP/1.1 2000",
      "HTTP/1.1 20", "HTTP/2.0 200 OK", "HTTP/1.1  200 OK"})
  void aMalformedStatusLineIsRefused(String statusLine) {
    assertThatThrownBy(() -> read(statusLine + "\r\n\r\n")).isInstanceOf(DownloadException.class)
        .hasMessageContaining("status line '" + statusLine + "'");
  }

  @Test
  void foldedLinesJoinTheFieldBeforeAndLinesWithoutANameAreIgnored() throws Exception {
    ResponseHead head = read("HTTP/1.1 200 OK\r\n: nameless\r\nnot a field\r\nX-Long: a\r\n \tb \r\n\r\n");
    assertThat(head.headers().names()).containsExactly("X-Long");
    assertThat(head.headers().first("X-Long")).isEqualTo("a b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\rX: y", "X: \ry", "\0X: y", "X: y\0"})
  void aBareCrOrNulInAHeaderLineIsRefused(String line) {
    assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\n" + line + "\r\n\r\n")).isInstanceOf(DownloadException.class)
        .hasMessageContaining("bare CR or NUL");
  }

  @Test
  void theHeadMayTakeUpToItsLimitAndNotOneByteMore() throws Exception {
    String statusLine = "HTTP/1.1 200 OK";
    // five header lines; each counts its length and its CR LF
    int left = ResponseHead.MAX_HEAD - statusLine.length();
    StringBuilder fields = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      fields.append(field(i, left / 5 - 2));
    }
    String last = field(4, left - 4 * (left / 5) - 2);
    assertThat(read(statusLine + "\r\n" + fields + last + "\r\n").headers().names()).hasSize(5);
    String oneMore = field(4, left - 4 * (left / 5) - 1);
    assertThatThrownBy(() -> read(statusLine + "\r\n" + fields + oneMore + "\r\n"))
        .isInstanceOf(DownloadException.class).hasMessageContaining("is larger than " + ResponseHead.MAX_HEAD);
  }

  /** A header line of exactly {@code length} characters, with its CR LF. */
  private static String field(int index, int length) {
    String name = "X-" + index + ": ";
    return name + "a".repeat(length - name.length()) + "\r\n";
  }

  @Test
  void contentLengthRepeatedOrListedMustAgree() throws Exception {
    assertThat(head(1, 200, "Content-Length", "0").contentLength(URL)).isZero();
    assertThat(head(1, 200, "Content-Length", "5, 5", "Content-Length", "5").contentLength(URL)).isEqualTo(5);
    assertThat(head(1, 200).contentLength(URL)).isEqualTo(-1);
    for (String bad : new String[] {"5, 6", "0, 5", "", "-1", "+5", "0x10"}) {
      assertThatThrownBy(() -> head(1, 200, "Content-Length", bad).contentLength(URL))
          .isInstanceOf(DownloadException.class).hasMessageContaining("Content-Length '" + bad + "'");
    }
  }

  @Test
  void digitsAreParsedUpToTwoToTheSixty() {
    assertThat(ResponseHead.parseDigits("", 10)).isEqualTo(-1);
    assertThat(ResponseHead.parseDigits("007", 10)).isEqualTo(7);
    assertThat(ResponseHead.parseDigits("f", 16)).isEqualTo(15);
    assertThat(ResponseHead.parseDigits("Ff", 16)).isEqualTo(255);
    assertThat(ResponseHead.parseDigits("g", 16)).isEqualTo(-1);
    assertThat(ResponseHead.parseDigits("\uff11", 10)).isEqualTo(-1); // a full-width digit one
    long atTheEdge = (1L << 60) / 10 * 10; // its last digit is read when the rest equals 2^60 / 10
    assertThat(ResponseHead.parseDigits(Long.toString(atTheEdge), 10)).isEqualTo(atTheEdge);
    assertThat(ResponseHead.parseDigits(Long.toString(atTheEdge) + "0", 10)).isEqualTo(-1);
  }

  @Test
  void theConnectionIsKeptByDefaultInHttp11AndOnRequestInHttp10() {
    assertThat(head(1, 200).keepAlive()).isTrue();
    assertThat(head(1, 200, "Connection", "close").keepAlive()).isFalse();
    assertThat(head(1, 200, "Connection", "keep-alive, Close").keepAlive()).isFalse();
    assertThat(head(0, 200).keepAlive()).isFalse();
    assertThat(head(0, 200, "Connection", "Keep-Alive").keepAlive()).isTrue();
    assertThat(head(0, 200, "Connection", "upgrade", "Connection", "keep-alive").keepAlive()).isTrue();
    assertThat(head(1, 101).keepAlive()).isFalse();
  }

  @Test
  void transferCodingsSayHowTheBodyEnds() {
    assertThat(head(1, 200, "Transfer-Encoding", "gzip").transferEncoded()).isTrue();
    assertThat(head(1, 200, "Transfer-Encoding", "gzip").chunked()).isFalse();
    assertThat(head(1, 200, "Transfer-Encoding", "gzip, Chunked").chunked()).isTrue();
    assertThat(head(1, 200, "Transfer-Encoding", "chunked", "Transfer-Encoding", "gzip").chunked()).isFalse();
    assertThat(head(1, 200).transferEncoded()).isFalse();
    assertThat(head(1, 200).chunked()).isFalse();
  }

  @Test
  void noBodyFollowsAHeadRequestA204A304OrAnInterimResponse() {
    assertThat(head(1, 200).hasBody("GET")).isTrue();
    assertThat(head(1, 200).hasBody("HEAD")).isFalse();
    assertThat(head(1, 204).hasBody("GET")).isFalse();
    assertThat(head(1, 304).hasBody("GET")).isFalse();
    assertThat(head(1, 199).hasBody("GET")).isFalse();
  }

  @Test
  void theOffendingTextIsQuotedUpToEightyCharacters() {
    String eighty = "x".repeat(80);
    assertThat(ResponseHead.malformed(URL, "chunk size", eighty).getMessage())
        .isEqualTo("malformed response from " + URL + ": chunk size '" + eighty + "'");
    assertThat(ResponseHead.malformed(URL, "chunk size", eighty + "yz").getMessage())
        .isEqualTo("malformed response from " + URL + ": chunk size '" + eighty + "...'");
  }
}
