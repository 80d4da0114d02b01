package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which redirect hops keep credentials: only those to the same origin. */
class RedirectCredentialsTest {

  @ParameterizedTest
  @CsvSource({"https://a.example/x, https://a.example/y, true", "https://a.example/, http://a.example/, false",
      "http://a.example/, https://a.example/, false", "http://a.example/, http://a.example:8080/, false",
      "http://a.example/, http://b.a.example/, false", "http://A.example:80/, http://a.example/z, true",
      "http://bücher.example/, http://xn--bcher-kva.example/, true"})
  void onlyTheSameSchemeHostAndPortIsTheSameOrigin(String from, String to, boolean same) {
    assertThat(RedirectCredentials.sameOrigin(from, to)).isEqualTo(same);
  }

  @Test
  void dropsExactlyTheCredentialHeaders() {
    Headers h = Headers.of("Authorization", "x", "Cookie", "c=1", "Proxy-Authorization", "y", "Accept", "*/*");
    assertThat(RedirectCredentials.mustDrop(h, "https://a.example/", "http://a.example/")).isTrue();
    assertThat(RedirectCredentials.mustDrop(Headers.of("Accept", "*/*"), "https://a.example/", "http://b.example/"))
        .isFalse();
    assertThat(RedirectCredentials.dropped(h).names()).containsExactly("Accept");
  }
}
