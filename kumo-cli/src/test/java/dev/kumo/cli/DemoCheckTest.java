package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.SiteStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdict of {@code kumo demo}. */
class DemoCheckTest {
  private static SiteStats served(Map<String, Long> byPath, long duplicates) {
    long total = byPath.values().stream().mapToLong(Long::longValue).sum();
    return new SiteStats(total, duplicates, 0, 4, Map.of(), Map.of(), byPath, Map.of());
  }

  @Test
  void okWhenEveryPageWasFetchedOnce() {
    DemoCheck check = DemoCheck.of(3, 3,
        served(Map.of("/page/0", 1L, "/page/1", 1L, "/page/2", 1L, "/robots.txt", 1L), 0));
    assertThat(check.ok()).isTrue();
    assertThat(check.summary())
        .isEqualTo("OK: 3/3 pages, 0 duplicate fetches (3 items, at most 4 requests in flight)");
  }

  @Test
  void failsWhenAPageIsMissing() {
    DemoCheck check = DemoCheck.of(3, 2, served(Map.of("/page/0", 1L, "/page/2", 1L), 0));
    assertThat(check.ok()).isFalse();
    assertThat(check.summary()).startsWith("FAILED: 2/3 pages, 0 duplicate fetches");
  }

  @Test
  void failsOnADuplicateFetch() {
    DemoCheck check = DemoCheck.of(2, 2, served(Map.of("/page/0", 2L, "/page/1", 1L), 1));
    assertThat(check.ok()).isFalse();
    assertThat(check.summary()).startsWith("FAILED: 2/2 pages, 1 duplicate fetches");
  }
}
