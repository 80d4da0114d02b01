package dev.kumo.testsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostileRoutesTest {
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
  void statusWithRetryAfter() {
    HttpResponse<byte[]> response = Http.get(site.url("/status/503?retry-after=7"));
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("Status 503");

    assertThat(Http.get(site.url("/status/404")).headers().firstValue("Retry-After")).isEmpty();
    assertThat(Http.get(site.url("/status/204")).body()).isEmpty();
    assertThat(Http.get(site.url("/status/99")).statusCode()).isEqualTo(400);
    assertThat(Http.get(site.url("/status/abc")).statusCode()).isEqualTo(400);
  }

  @Test
  void redirectChainEndsAtPageZero() {
    assertThat(Http.get(site.url("/redirect/2")).headers().firstValue("Location")).hasValue("/redirect/1");
    assertThat(Http.get(site.url("/redirect/0")).headers().firstValue("Location")).hasValue("/page/0");
    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(site.url("/redirect/3"))).build();
    HttpResponse<byte[]> end = following.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).join();
    assertThat(end.statusCode()).isEqualTo(200);
    assertThat(end.uri().toString()).isEqualTo(site.startUrl());
  }

  @Test
  void redirectLoopNeverEnds() {
    HttpResponse<byte[]> a = Http.get(site.url("/redirect-loop/a"));
    HttpResponse<byte[]> b = Http.get(site.url("/redirect-loop/b"));
    assertThat(a.statusCode()).isEqualTo(302);
    assertThat(a.headers().firstValue("Location")).hasValue("/redirect-loop/b");
    assertThat(b.headers().firstValue("Location")).hasValue("/redirect-loop/a");
  }

  @Test
  void redirectToAnyUrl() {
    HttpResponse<byte[]> response =
        Http.get(site.url("/redirect-to?url=http%3A%2F%2Fexample.com%2Fx%3Fy%3D1&status=301"));
    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("Location")).hasValue("http://example.com/x?y=1");
    assertThat(Http.get(site.url("/redirect-to")).statusCode()).isEqualTo(400);
    assertThat(Http.get(site.url("/redirect-to?url=/page/1&status=200")).statusCode()).isEqualTo(400);
  }

  @Test
  void gzipBombIsSmallOnTheWireAndHugeInflated() throws IOException {
    HttpResponse<byte[]> response = Http.get(site.url("/gzip-bomb?mb=4"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
    assertThat(response.body().length).isLessThan(64 * 1024);
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      byte[] inflated = in.readAllBytes();
      assertThat(inflated).hasSize(4 << 20);
      assertThat(inflated[inflated.length - 1]).isZero();
    }
    assertThat(Http.get(site.url("/gzip-bomb?mb=4")).body()).isEqualTo(response.body());
  }

  @ParameterizedTest
  @CsvSource({
      "utf-8, header, Café – naïve ünïcödé 日本語",
      "windows-1252, header, Café – naïve ünïcödé",
      "iso-8859-1, meta, Café - naïve ünïcödé",
      "shift_jis, header, 日本語のテキスト、こんにちは世界",
      "euc-jp, none, 日本語のテキスト、こんにちは世界",
      "gb2312, header, 中文：你好，世界",
      "gbk, meta, 中文：你好，世界",
      "utf-16le, header, Café – naïve ünïcödé 日本語",
      "utf-16, none, Café – naïve ünïcödé 日本語"})
  void charsetPageDecodesToTheDocumentedText(String name, String declared, String text) {
    assertThat(TestSite.charsetText(name)).isEqualTo(text);
    HttpResponse<byte[]> response = Http.get(site.url("/charset/" + name + "?declared=" + declared));
    String contentType = response.headers().firstValue("Content-Type").orElseThrow();
    String decoded = new String(response.body(), Charset.forName(name.equals("utf-16") ? "utf-16be" : name));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(decoded).contains("<p class=\"sample\">" + text + "</p>");
    assertThat(contentType).isEqualTo(declared.equals("header") ? "text/html; charset=" + name : "text/html");
    assertThat(decoded.contains("<meta charset=\"" + name + "\">")).isEqualTo(declared.equals("meta"));
    if (!name.equals("utf-8")) {
      assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain(text);
    }
  }

  @Test
  void charsetPageWithByteOrderMark() {
    byte[] utf8 = Http.get(site.url("/charset/utf-8?declared=bom")).body();
    assertThat(Arrays.copyOf(utf8, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(utf8, 3, utf8.length - 3, StandardCharsets.UTF_8)).contains(TestSite.charsetText("utf-8"));

    HttpResponse<byte[]> utf16 = Http.get(site.url("/charset/utf-16le?declared=bom"));
    assertThat(utf16.headers().firstValue("Content-Type")).hasValue("text/html");
    assertThat(Arrays.copyOf(utf16.body(), 2)).containsExactly(0xFF, 0xFE);
    assertThat(new String(utf16.body(), StandardCharsets.UTF_16)).contains(TestSite.charsetText("utf-16le"));

    assertThat(Http.get(site.url("/charset/windows-1252?declared=bom")).statusCode()).isEqualTo(400);
    assertThat(Http.get(site.url("/charset/utf-8?declared=nonsense")).statusCode()).isEqualTo(400);
    assertThat(Http.get(site.url("/charset/no-such-charset")).statusCode()).isEqualTo(404);
  }

  @Test
  void bigBodyHasTheRequestedLength() {
    HttpResponse<byte[]> response = Http.get(site.url("/big?bytes=3000001"));
    assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(3_000_001);
    assertThat(response.body()).hasSize(3_000_001);
    assertThat(new String(response.body(), 0, 100, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
    assertThat(Http.get(site.url("/big?bytes=12")).body()).hasSize(12);
    assertThat(Http.get(site.url("/big?bytes=-1")).statusCode()).isEqualTo(400);
  }

  @Test
  void binaryPdfAndMalformed() {
    HttpResponse<byte[]> binary = Http.get(site.url("/binary"));
    assertThat(binary.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(binary.body()).hasSize(4096).startsWith(0x89, 'P', 'N', 'G');
    assertThat(Http.get(site.url("/binary")).body()).isEqualTo(binary.body());

    HttpResponse<byte[]> pdf = Http.get(site.url("/pdf"));
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(pdf.body(), StandardCharsets.US_ASCII)).startsWith("%PDF-").contains("%%EOF");

    String malformed = Http.body(site.url("/malformed"));
    assertThat(malformed).contains("<h1 class=\"title\">Malformed</h1>", "<a href=\"/page/0\">");
    assertThat(malformed.split("href=", -1)).hasSize(2);
  }
}
