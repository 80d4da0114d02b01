package dev.kumo.testsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The site's own HTTP/1.1 server, spoken to over raw sockets: framing, keep-alive and refusals. */
class SiteServerTest {
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.builder().pages(5).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** Sends {@code request} and reads until the server closes the connection or {@code enough} is seen. */
  static String exchange(String request, String enough) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), site.port())) {
      s.setSoTimeout(5_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return readUntil(s.getInputStream(), enough);
    }
  }

  static String readUntil(InputStream in, String enough) throws IOException {
    StringBuilder got = new StringBuilder();
    byte[] buf = new byte[8192];
    while (enough == null || !got.toString().contains(enough)) {
      int n = in.read(buf);
      if (n < 0) {
        break;
      }
      got.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
    }
    return got.toString();
  }

  @Test
  void answersHttp10ClientsWithoutChunksAndAcknowledgesTheirKeepAlive() throws IOException {
    String streamed = exchange("GET /trickle?bytes=5&interval-ms=1 HTTP/1.0\r\n\r\n", null);
    assertThat(streamed).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("transfer-encoding")
        .contains("Connection: close");
    assertThat(streamed.substring(streamed.indexOf("\r\n\r\n") + 4)).hasSize(5); // the body, until the close
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), site.port())) {
      s.setSoTimeout(5_000);
      for (int i = 0; i < 2; i++) {
        s.getOutputStream().write("GET /page/1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(readUntil(s.getInputStream(), "</html>")).contains("Connection: keep-alive");
      }
    }
  }

  @Test
  void sendsContinueBeforeReadingABodyThatWaitsForIt() throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), site.port())) {
      s.setSoTimeout(5_000);
      OutputStream out = s.getOutputStream();
      out.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertThat(readUntil(s.getInputStream(), "\r\n\r\n")).startsWith("HTTP/1.1 100 Continue");
      out.write("k=v".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertThat(readUntil(s.getInputStream(), "k=v")).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void closeWinsOverKeepAliveAndUnclearBodiesAreRefused() throws IOException {
    assertThat(exchange("GET /robots.txt HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, close\r\n\r\n", null))
        .contains("Connection: close");
    assertThat(exchange("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nabc", null))
        .startsWith("HTTP/1.1 400");
    assertThat(exchange("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"
        + "3\r\nabc\r\n0\r\n\r\n", null)).startsWith("HTTP/1.1 400");
  }

  @Test
  void aHeadOfAStreamedRouteClaimsNoLength() throws IOException {
    String head = exchange("HEAD /trickle?bytes=5&interval-ms=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", null);
    assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("content-length");
  }

  @Test
  void aRequestCutOffByTheClientIsNotServed() throws Exception {
    site.resetStats();
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), site.port())) {
      s.getOutputStream().write("GET /page/1 HTTP/1.1\r\nHost: x\r\nAcc".getBytes(StandardCharsets.ISO_8859_1));
      s.shutdownOutput();
      s.setSoTimeout(5_000);
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(site.stats().totalRequests()).isZero();
  }

  @Test
  void closingReleasesThePortAtOnce() throws Exception {
    int port;
    try (TestSite first = TestSite.builder().pages(1).start()) {
      port = first.port();
    }
    for (int i = 0; i < 30; i++) {
      try (TestSite again = TestSite.builder().pages(1).port(port).start()) {
        assertThat(again.port()).isEqualTo(port);
      }
    }
  }
}
