package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shape of a URL that bounds endless URL spaces, and the repeated-segment rule, on given URLs. */
class UrlPatternTest {
  @Test
  void digitRunsBecomeOneZeroTheOtherSegmentsASetAndTheQueryKeysASortedSet() {
    assertThat(UrlPattern.of("http://a.test/calendar/2026/11?view=month&b", "a.test"))
        .isEqualTo("a.test/calendar/[0]?[b, view]");
    assertThat(UrlPattern.of("http://a.test/calendar/1999/9x90?view=week&=x", "a.test"))
        .isEqualTo("a.test/calendar/[0, 0x0]?[, view]");
    assertThat(UrlPattern.of("http://a.test/grow/more/more/", "a.test")).isEqualTo("a.test/grow/[, more]");
    assertThat(UrlPattern.of("http://a.test", "a.test")).isEqualTo("a.test");
  }

  @Test
  void oneOrTwoSegmentsAreWrittenAsTheSetWouldBe() {
    assertThat(UrlPattern.of("http://a.test/", "a.test")).isEqualTo("a.test/");
    assertThat(UrlPattern.of("http://a.test/page12", "a.test")).isEqualTo("a.test/page0");
    assertThat(UrlPattern.of("http://a.test/page/12", "a.test")).isEqualTo("a.test/page/[0]");
    assertThat(UrlPattern.of("http://a.test/page/", "a.test")).isEqualTo("a.test/page/[]");
    assertThat(UrlPattern.of("http://a.test/p/1?a/b=2", "a.test")).isEqualTo("a.test/p/[0]?[a/b]");
    assertThat(UrlPattern.of("http://a.test/b/3/a/", "a.test")).isEqualTo("a.test/b/[, 0, a]");
  }

  @Test
  void onlyNonEmptyPathSegmentsCountAsRepeated() {
    assertThat(UrlPattern.repeatsASegment("http://a.test/a/b/a/b/a/?x=1", 2)).isTrue();
    assertThat(UrlPattern.repeatsASegment("http://a.test/a/b/a/b/?q=a/a/a", 2)).isFalse();
    assertThat(UrlPattern.repeatsASegment("http://a.test/x////y", 2)).isFalse();
    assertThat(UrlPattern.repeatsASegment("http://a.test", 2)).isFalse();
    assertThat(UrlPattern.repeatsASegment("http://a.test/a/a/a", 2)).isTrue();
    assertThat(UrlPattern.repeatsASegment("http://a.test/a/a/", 2)).isFalse();
  }
}
