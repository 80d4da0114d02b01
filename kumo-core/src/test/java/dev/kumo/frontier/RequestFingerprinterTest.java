package dev.kumo.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Request;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestFingerprinterTest {
  private static final RequestFingerprinter FINGERPRINTER = RequestFingerprinter.DEFAULT;

  private static Fingerprint fp(Request request) throws InvalidUrlException {
    return FINGERPRINTER.fingerprint(request);
  }

  @Test
  void equivalentUrlsHaveTheSameFingerprint() throws InvalidUrlException {
    Fingerprint canonical = fp(Request.get("http://example.com/b?x=1&y=2"));
    assertThat(fp(Request.get("HTTP://Example.com:80/a/../b?y=2&x=1#frag"))).isEqualTo(canonical);
    assertThat(fp(Request.get("http://example.com/%62?%78=1&y=%32"))).isEqualTo(canonical);
  }

  @Test
  void differentUrlsMethodsAndBodiesDiffer() throws InvalidUrlException {
    Fingerprint get = fp(Request.get("http://example.com/a"));
    assertThat(fp(Request.get("http://example.com/b"))).isNotEqualTo(get);
    assertThat(fp(Request.get("https://example.com/a"))).isNotEqualTo(get);
    assertThat(fp(Request.get("http://example.com/a?"))).isEqualTo(get);
    Fingerprint post = fp(Request.to("http://example.com/a").method("POST").build());
    assertThat(post).isNotEqualTo(get);
    Fingerprint postBody = fp(Request.to("http://example.com/a").method("POST").body("q=1").build());
    assertThat(postBody).isNotEqualTo(post);
    assertThat(fp(Request.to("http://example.com/a").method("POST").body("q=2").build()))
        .isNotEqualTo(postBody);
    assertThat(fp(Request.to("http://example.com/a").method("post").body("q=1").build())).isEqualTo(postBody);
  }

  @Test
  void fieldsBoundariesAreUnambiguous() {
    Request a = Request.to("http://example.com/a").method("GET").build();
    Request b = Request.to("http://example.com/a").method("GE").build();
    assertThat(FINGERPRINTER.fingerprint(a, "Thttp://x/"))
        .isNotEqualTo(FINGERPRINTER.fingerprint(b, "TThttp://x/"));
    Request withBody = Request.to("http://x/").body("y").build();
    assertThat(FINGERPRINTER.fingerprint(withBody, "http://x/"))
        .isNotEqualTo(FINGERPRINTER.fingerprint(Request.get("http://x/"), "http://x/y"));
  }

  @Test
  void headersMetaCallbackAndPriorityDoNotCount() throws InvalidUrlException {
    Request plain = Request.get("http://example.com/a");
    Request dressed = Request.to("http://example.com/a")
        .header("Accept", "text/html")
        .meta("k", "v")
        .callback("parseItem")
        .priority(5)
        .depth(3)
        .dontFilter(true)
        .build();
    assertThat(fp(dressed)).isEqualTo(fp(plain));
  }

  @Test
  void usesTheGivenCanonicalUrl() throws InvalidUrlException {
    Request request = Request.get("HTTP://EXAMPLE.COM");
    assertThat(FINGERPRINTER.fingerprint(request, "http://example.com/")).isEqualTo(fp(request));
    assertThat(FINGERPRINTER.fingerprint(request, "http://other.example/")).isNotEqualTo(fp(request));
  }

  @Test
  void usesItsCanonicalizer() throws InvalidUrlException {
    RequestFingerprinter stripping = new RequestFingerprinter(
        UrlCanonicalizer.builder().stripQueryParams(Set.of("utm_source")).build());
    assertThat(stripping.canonicalizer().stripQueryParams()).containsExactly("utm_source");
    assertThat(stripping.fingerprint(Request.get("http://example.com/?utm_source=feed")))
        .isEqualTo(stripping.fingerprint(Request.get("http://example.com/")));
    assertThat(fp(Request.get("http://example.com/?utm_source=feed")))
        .isNotEqualTo(fp(Request.get("http://example.com/")));
  }

  @Test
  void invalidUrlsThrow() {
    assertThatThrownBy(() -> fp(Request.get("mailto:x@y")))
        .isInstanceOfSatisfying(InvalidUrlException.class,
            e -> assertThat(e.kind()).isEqualTo(InvalidUrlException.Kind.UNSUPPORTED_SCHEME));
  }

  @Test
  void theEncodingIsStable() throws InvalidUrlException {
    // Fingerprints are stored in job directories: a change here invalidates them, so it must be deliberate.
    assertThat(fp(Request.get("http://example.com/")).toHex()).isEqualTo("68483b03c68573918f6cf0979e19eb7d");
  }

  @Test
  void hexRoundTripsAComputedFingerprint() throws InvalidUrlException {
    Fingerprint fingerprint =
        fp(Request.to("https://example.com/search").method("POST").body("q=kumo").build());
    assertThat(Fingerprint.fromHex(fingerprint.toHex())).isEqualTo(fingerprint);
  }
}
