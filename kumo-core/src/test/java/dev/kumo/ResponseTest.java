package dev.kumo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResponseTest {
  static Response page(String url, String html) {
    return Response.to(Request.get(url)).html(html).build();
  }

  @ParameterizedTest
  @CsvSource({
      "http://h.test/a/b?x=1, /c/d, http://h.test/c/d",
      "http://h.test:8080/a/b, /c?q=1#f, http://h.test:8080/c?q=1#f",
      "http://h.test/a/b, https://o.test/x, https://o.test/x",
      "http://h.test/a/b, c, http://h.test/a/c",
      "http://h.test/a/b, ../c, http://h.test/c",
      "http://h.test/a/b, ../../../c, http://h.test/c",
      "http://h.test/a/b?x=1, ?x=2, http://h.test/a/b?x=2",
      "http://h.test/a/b?x=1#f, '', http://h.test/a/b?x=1",
      "http://h.test/a/b, #top, http://h.test/a/b#top",
      "http://h.test/a/b, //cdn.test/lib.js, http://cdn.test/lib.js",
      "http://h.test/a/b, /c/./d/../e, http://h.test/c/e",
      "http://h.test/a/b, '  /c d  ', http://h.test/c%20d",
      "http://h.test, /x, http://h.test/x",
      "http://h.test?q, /x, http://h.test/x",
      "http://h.test/a/b, a|b, http://h.test/a/a%7Cb",
      "http://h.test/a/b, 100%, http://h.test/a/100%25",
      "http://h.test/a/b, /x{y}, http://h.test/x%7By%7D"})
  void urljoinFollowsRfc3986(String base, String href, String expected) {
    assertThat(page(base, "<p>").urljoin(href)).isEqualTo(expected);
  }

  @Test
  void baseHrefIsHonoured() {
    Response r = page("http://h.test/a/b", "<head><base href='http://cdn.test/root/'></head><a href='x'>");
    assertThat(r.urljoin("x")).isEqualTo("http://cdn.test/root/x");
    assertThat(r.urljoin("/y")).isEqualTo("http://cdn.test/y");
    assertThat(r.follow("x", "parseItem").callback()).isEqualTo("parseItem");
  }

  @Test
  void nonMarkupBodiesSelectNothing() {
    Response r = Response.to(Request.get("http://h.test/i.png"))
        .headers(Headers.of("Content-Type", "image/png")).body(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1}).build();
    assertThat(r.isMarkup()).isFalse();
    assertThat(r.css("a::attr(href)").getAll()).isEmpty();
    assertThat(r.xpath("//a").isEmpty()).isTrue();
    assertThat(r.urljoin("/x")).isEqualTo("http://h.test/x");
  }

  @Test
  void textIsDecodedByTheDetectedCharset() {
    byte[] latin = "<p>café</p>".getBytes(StandardCharsets.ISO_8859_1);
    Response r = Response.to(Request.get("http://h.test/")).headers(Headers.of("Content-Type", "text/html"))
        .body(latin).build();
    assertThat(r.css("p::text").get()).isEqualTo("café");
  }
}
