package dev.kumo.testsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StreamingAndEchoTest {
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(10).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void slowWaitsAtLeastTheGivenTime() {
    long start = System.nanoTime();
    assertThat(Http.get(site.url("/slow?ms=150")).statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    assertThat(Http.get(site.url("/slow?ms=soon")).statusCode()).isEqualTo(400);
  }

  @Test
  void trickleSendsBytesOneByOneChunked() {
    long start = System.nanoTime();
    HttpResponse<byte[]> response = Http.get(site.url("/trickle?bytes=6&interval-ms=20"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
    assertThat(new String(response.body(), StandardCharsets.US_ASCII)).isEqualTo("<!DOCT");
  }

  @Test
  void endlessStreamsUntilTheClientLeaves() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", site.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("GET /endless HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] start = socket.getInputStream().readNBytes(3 << 20);
      assertThat(start).hasSize(3 << 20);
      assertThat(new String(start, 0, 200, StandardCharsets.US_ASCII))
          .startsWith("HTTP/1.1 200").containsIgnoringCase("Transfer-encoding: chunked");
      assertThat(site.stats().inFlight()).isEqualTo(1);
    }
    // The handler notices at its next write that the client has gone, and stops.
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (site.stats().inFlight() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(site.stats().inFlight()).isZero();
  }

  @Test
  void echoShowsTheRequest() {
    HttpResponse<byte[]> response = Http.send(HttpRequest.newBuilder(URI.create(site.url("/echo?a=1&b=%22")))
        .header("X-Test", "quote \" and \\ backslash")
        .POST(HttpRequest.BodyPublishers.ofString("hello\nworld"))
        .build());
    String json = new String(response.body(), StandardCharsets.UTF_8);

    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(json).startsWith("{\"method\":\"POST\",\"path\":\"/echo\",\"query\":\"a=1&b=%22\",\"headers\":{")
        .contains("\"x-test\":[\"quote \\\" and \\\\ backslash\"]")
        .endsWith("\"body\":\"hello\\nworld\"}");
  }

  @Test
  void cookiesAreSetAndEchoed() {
    HttpResponse<byte[]> set = Http.get(site.url("/set-cookie?session=abc123&theme=dark"));
    assertThat(set.headers().allValues("Set-Cookie")).containsExactly("session=abc123; Path=/", "theme=dark; Path=/");
    assertThat(Http.get(site.url("/set-cookie?bad=a%20b")).statusCode()).isEqualTo(400);

    HttpResponse<byte[]> cookies = Http.send(
        HttpRequest.newBuilder(URI.create(site.url("/cookies"))).header("Cookie", "a=1; b=2").build());
    assertThat(new String(cookies.body(), StandardCharsets.UTF_8)).isEqualTo("a=1; b=2");
    assertThat(Http.get(site.url("/cookies")).body()).isEmpty();
  }
}
