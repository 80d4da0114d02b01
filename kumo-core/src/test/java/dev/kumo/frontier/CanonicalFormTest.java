package dev.kumo.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.frontier.CanonicalUrlCases.Case;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalFormTest {
  private static final UrlCanonicalizer CANON = UrlCanonicalizer.DEFAULT;

  /** URLs one step away from a recognised form. */
  private static final List<String> NEAR_MISSES = List.of("http://a.com", "http://a.com/.", "http://a.com/..",
      "http://a.com/a/./b", "http://a.com/a/../b", "http://a.com/a/.", "http://a.com:80/", "https://a.com:443/",
      "http://a.com:/", "http://a.com:080/", "http://a.com:65536/", "http://a.com:123456/", "http://a.com./",
      "http://a..com/", "http://.a.com/", "http://A.com/", "HTTP://a.com/", "http://a.com/a;jsessionid=1",
      "http://a.com/%41", "http://a.com/a b", "http://a.com/a\tb", "http://a.com/ ", "http://a.com/é",
      "http://a.com/?", "http://a.com/#", "http://a.com/?a=1", "http://u@a.com/", "http://a.com/a|b",
      "http://[::1]/", "http://" + "a".repeat(64) + ".com/", "http://" + "a.".repeat(127) + "a/", "ftp://a.com/",
      "http:/a.com/", "http://a.com:8080x/", "http://a.com\\b/");

  /** Every input and canonical form of the conformance table, and URLs one character away from canonical. */
  static List<String> urls() {
    List<String> urls = new ArrayList<>();
    for (Case c : CanonicalUrlCases.all()) {
      urls.add(c.input());
      if (c.valid()) {
        urls.add(c.expected());
      }
    }
    urls.addAll(NEAR_MISSES);
    return urls;
  }

  @ParameterizedTest
  @MethodSource("urls")
  void aRecognisedUrlIsOneTheRulesLeaveUnchanged(String url) {
    assertThat(CanonicalForm.holds(url) && !rewrittenTheSame(url)).isFalse();
  }

  private static boolean rewrittenTheSame(String url) {
    try {
      return CANON.rewrite(url).equals(url);
    } catch (InvalidUrlException e) {
      return false;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://example.com/", "https://example.com/a/b.html", "http://127.0.0.1:8765/page/12",
      "http://a-b_c.example/x/.hidden/..x/y/", "http://a.com:0/a//b", "http://a.com/a:b@c!$&'()*+,=~[]",
      "https://a.com:8443/", "http://a.com:65535/"})
  void recognisesPlainUrls(String url) throws InvalidUrlException {
    assertThat(CanonicalForm.holds(url)).isTrue();
    assertThat(CANON.canonicalize(url)).isSameAs(url);
  }

  @Test
  void recognisesNoneOfTheNearMisses() {
    assertThat(NEAR_MISSES).noneMatch(CanonicalForm::holds);
  }

  @Test
  void recognisesTheTablesSimpleCanonicalForms() {
    long recognised = CanonicalUrlCases.valid().stream().map(Case::expected).filter(CanonicalForm::holds).count();
    assertThat(recognised).isGreaterThanOrEqualTo(10);
  }
}
