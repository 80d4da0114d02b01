package dev.kumo.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts of a URL that the link filters compare: host (also internationalised, with a port) and extension. */
class WebUrlTest {
  @Test
  void anInternationalHostIsReadPastItsUserAndPort() {
    WebUrl url = WebUrl.parse("HTTP://user@Bücher.example:8080/a/b.PDF");
    assertThat(url).isNotNull();
    assertThat(url.scheme()).isEqualTo("http");
    assertThat(url.host()).isEqualTo("xn--bcher-kva.example");
    assertThat(url.isIn("xn--bcher-kva.example")).isTrue();
    assertThat(url.isIn("example")).isTrue();
    assertThat(url.isIn("other.example")).isFalse();
    assertThat(url.endsWithAnyExtension(Set.of("pdf"))).isTrue();
    assertThat(WebUrl.parse("http://bücher.example/").host()).isEqualTo("xn--bcher-kva.example");
  }

  @Test
  void theExtensionIsThatOfTheLastSegmentWithoutPathParameters() {
    assertThat(WebUrl.parse("http://a.test/docs/report.pdf;jsessionid=1").endsWithAnyExtension(Set.of("pdf"))).isTrue();
    assertThat(WebUrl.parse("http://a.test/docs/;jsessionid=x.pdf").endsWithAnyExtension(Set.of("pdf"))).isFalse();
    assertThat(WebUrl.parse("http://a.test/v1.2/readme").endsWithAnyExtension(Set.of("2"))).isFalse();
    assertThat(WebUrl.parse("http://a.test").endsWithAnyExtension(Set.of("", "test"))).isFalse();
    assertThat(WebUrl.parse("http://a.test/a.pdf").endsWithAnyExtension(Set.of())).isFalse();
  }
}
