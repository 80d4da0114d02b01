package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Request;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.frontier.InvalidUrlException;
import dev.kumo.frontier.UrlCanonicalizer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The trap bounds, without a server: URL length, depth within a URL pattern, repeated path segments. */
class TrapGuardTest {
  final TrapGuard guard = TrapGuard.from(Settings.defaults());

  static @Nullable String refusal(TrapGuard g, String url, int depth) throws InvalidUrlException {
    String canonical = UrlCanonicalizer.DEFAULT.canonicalize(url);
    return g.refusal(Request.to(url).depth(depth).build(), canonical, RequestIntake.hostOf(canonical));
  }

  @Test
  void urlsLongerThanScrapysLimitAreRefused() throws Exception {
    String base = "http://example.com/";
    assertThat(refusal(guard, base + "a".repeat(2083 - base.length()), 0)).isNull();
    assertThat(refusal(guard, base + "a".repeat(2084 - base.length()), 0)).isEqualTo("urllength/filtered");
  }

  @Test
  void aPatternMayGoFiftyLinksDeeperThanItsShallowestRequestOnItsHost() throws Exception {
    assertThat(refusal(guard, "http://example.com/cal/2026/11", 3)).isNull();
    assertThat(refusal(guard, "http://example.com/cal/1999/2", 53)).isNull();
    assertThat(refusal(guard, "http://example.com/cal/1999/3", 54)).isEqualTo("urlpattern/filtered");
    assertThat(refusal(guard, "http://other.example/cal/1999/3", 54)).isNull(); // its own host
    assertThat(refusal(guard, "http://example.com/cal/1999/3?view=week", 54)).isNull(); // another pattern
  }

  @Test
  void manyPagesOfOnePatternAtTheSameDepthAreNeverBounded() throws Exception {
    for (int i = 0; i < 5_000; i++) {
      assertThat(refusal(guard, "http://example.com/product/" + i, 2)).isNull();
    }
  }

  @Test
  void theFirstHundredThousandPatternsAreBoundedAndLaterOnesAreNot() throws Exception {
    for (int i = 0; i < TrapGuard.MAX_PATTERNS; i++) {
      guard.refusal(Request.get("http://h" + i + ".test/"), "http://h" + i + ".test/", "h" + i + ".test");
    }
    assertThat(refusal(guard, "http://h0.test/", 51)).isEqualTo("urlpattern/filtered");
    assertThat(refusal(guard, "http://late.test/", 0)).isNull();
    assertThat(refusal(guard, "http://late.test/", 51)).isNull();
  }

  @Test
  void aPathRepeatingASegmentThreeTimesIsRefused() throws Exception {
    assertThat(refusal(guard, "http://example.com/a/b/a/b/", 1)).isNull();
    assertThat(refusal(guard, "http://example.com/a/b/a/b/a/", 1)).isEqualTo("urlpattern/repeated_segment");
  }

  @Test
  void depthFirstCrawlsKeepTheSegmentRuleButNotThePatternDepth() throws Exception {
    TrapGuard lifo = TrapGuard.from(Settings.defaults().with(Setting.FRONTIER_ORDER, "lifo"));
    assertThat(refusal(lifo, "http://example.com/page/1", 1)).isNull();
    assertThat(refusal(lifo, "http://example.com/page/900", 900)).isNull();
    assertThat(refusal(lifo, "http://example.com/x/x/x", 1)).isEqualTo("urlpattern/repeated_segment");
    TrapGuard off = TrapGuard.from(Settings.defaults().with(Setting.URL_PATTERN_DEPTH_LIMIT, 0));
    assertThat(refusal(off, "http://example.com/x/x/x", 1)).isNull();
  }
}
