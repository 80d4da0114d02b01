package dev.kumo.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.frontier.InvalidUrlException.Kind;
import org.junit.jupiter.api.Test;

class InvalidUrlExceptionTest {
  @Test
  void statKeysNameTheKind() {
    assertThat(Kind.MALFORMED.statKey()).isEqualTo("invalid_url/malformed");
    assertThat(Kind.UNSUPPORTED_SCHEME.statKey()).isEqualTo("invalid_url/unsupported_scheme");
  }

  @Test
  void messageQuotesTheUrlCutTo200Characters() {
    String url = "http://example.com/" + "x".repeat(300);
    InvalidUrlException e = new InvalidUrlException(Kind.MALFORMED, url, "bad");
    assertThat(e.url()).isEqualTo(url);
    assertThat(e.reason()).isEqualTo("bad");
    assertThat(e.getMessage()).isEqualTo("malformed: bad: " + url.substring(0, 200) + "...");
    InvalidUrlException scheme =
        new InvalidUrlException(Kind.UNSUPPORTED_SCHEME, "mailto:x@y", "unsupported scheme");
    assertThat(scheme.getMessage())
        .isEqualTo("unsupported_scheme: unsupported scheme: mailto:x@y");
  }

  @Test
  void recordsNoStackTrace() {
    assertThat(new InvalidUrlException(Kind.MALFORMED, "x", "bad").getStackTrace()).isEmpty();
  }

  @Test
  void theCanonicalizerSaysWhy() {
    InvalidUrlException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        InvalidUrlException.class, () -> UrlCanonicalizer.DEFAULT.canonicalize("http://example.com:99999/"));
    assertThat(e.getMessage()).isEqualTo("malformed: port out of range: http://example.com:99999/");
  }
}
