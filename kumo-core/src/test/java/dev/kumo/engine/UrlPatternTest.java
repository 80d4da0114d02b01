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
  void onlyNonEmptyPathSegmentsCountAsRepeated() {
    assertThat(UrlPattern.repeatsASegment("http://a.test/a/b/a/b/a/?x=1", 2)).isTrue();
    assertThat(UrlPattern.repeatsASegment("http://a.test/a/b/a/b/?q=a/a/a", 2)).isFalse();
    assertThat(UrlPattern.repeatsASegment("http://a.test/x////y", 2)).isFalse();
    assertThat(UrlPattern.repeatsASegment("http://a.test", 2)).isFalse();
    assertThat(UrlPattern.repeatsASegment("http://a.test/a/a/a", 2)).isTrue();
    assertThat(UrlPattern.repeatsASegment("http://a.test/a/a/", 2)).isFalse();
  }
}
