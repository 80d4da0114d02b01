package dev.kumo.testsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The decompression bombs are valid streams of the size they announce; the busy route comes back. */
class BombAndComeBackRoutesTest {
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(1).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** How many zeros {@code in} decodes to (-1 at a byte that is not zero); its own checks (CRC, Adler) run. */
  static long zerosIn(InputStream in) throws Exception {
    long total = 0;
    byte[] buf = new byte[64 * 1024];
    try (in) {
      for (int n; (n = in.read(buf)) >= 0; total += n) {
        for (int i = 0; i < n; i++) {
          if (buf[i] != 0) {
            return -1;
          }
        }
      }
    }
    return total;
  }

  @Test
  void gzipAndDeflateBombsAreValidStreamsOfTheirSize() throws Exception {
    HttpResponse<byte[]> gzip = Http.get(site.url("/bomb/gzip?mb=5"));
    assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gzip.body().length).isLessThan(6 * 1024);
    assertThat(zerosIn(new GZIPInputStream(new ByteArrayInputStream(gzip.body())))).isEqualTo(5L << 20);

    HttpResponse<byte[]> deflate = Http.get(site.url("/bomb/deflate?mb=3"));
    assertThat(deflate.headers().firstValue("Content-Encoding")).hasValue("deflate");
    assertThat(zerosIn(new InflaterInputStream(new ByteArrayInputStream(deflate.body())))).isEqualTo(3L << 20);
  }

  @Test
  void theDefaultBombsAreTenGibibytesAnnouncedInAFewMegabytes() throws Exception {
    HttpResponse<byte[]> br = Http.get(site.url("/bomb/br"));
    assertThat(br.headers().firstValue("Content-Encoding")).hasValue("br");
    assertThat(br.body().length).isLessThan(10_000); // 640 meta-blocks of 16 MiB, 13 bytes each
    HttpResponse<InputStream> gzip = Http.CLIENT.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.url("/bomb/gzip"))).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    long length = gzip.headers().firstValueAsLong("Content-Length").orElseThrow();
    assertThat(length).isBetween(9L << 20, 12L << 20);
    try (InputStream in = new GZIPInputStream(gzip.body())) {
      assertThat(in.readNBytes(1 << 20)).hasSize(1 << 20).containsOnly(0);
    }
  }

  @Test
  void aBusyKeyAnswers429WithRetryAfterThenThePage() {
    for (int i = 0; i < 3; i++) {
      HttpResponse<byte[]> busy = Http.get(site.url("/come-back/a?after=2"));
      assertThat(busy.statusCode()).isEqualTo(429);
      assertThat(busy.headers().firstValue("Retry-After")).hasValue("2");
    }
    assertThat(Http.get(site.url("/come-back/b?times=1")).statusCode()).isEqualTo(429);
    assertThat(Http.body(site.url("/come-back/a"))).contains("<h1 class=\"title\">Came back a</h1>");
    assertThat(Http.get(site.url("/come-back/b?times=1")).statusCode()).isEqualTo(200);
  }
}
