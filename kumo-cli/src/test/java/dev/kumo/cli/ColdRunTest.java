package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kumo.testsite.SiteStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures of one cold run, from the site's counters. */
class ColdRunTest {
  private static SiteStats served(Map<String, Long> byPath, long duplicates, Map<String, List<Long>> starts) {
    long total = byPath.values().stream().mapToLong(Long::longValue).sum();
    return new SiteStats(total, duplicates, 0, 4, Map.of(), Map.of(), byPath, starts);
  }

  @Test
  void spanRunsFromTheFirstRequestOnAnyHostToTheLast() {
    SiteStats s = served(Map.of("/robots.txt", 2L, "/page/0", 1L, "/page/1", 1L, "/page/2", 1L), 0,
        Map.of("127.0.0.1", List.of(1_000_000_000L, 1_500_000_000L, 3_000_000_000L),
            "127.0.0.2", List.of(1_200_000_000L, 2_000_000_000L)));

    ColdRun run = ColdRun.of(s, 3, 4.5, 2.5, 120, 0);

    assertThat(run.pages()).isEqualTo(3);
    assertThat(run.spanSeconds()).isCloseTo(2.0, within(1e-9));
    assertThat(run.pagesPerSecond()).isCloseTo(1.5, within(1e-9));
    assertThat(run.complete(3)).isTrue();
  }

  @Test
  void aRunIsCompleteOnlyWithEveryPageOnceAnItemEachAndExitZero() {
    SiteStats s = served(Map.of("/page/0", 1L, "/page/1", 2L), 1, Map.of("h", List.of(0L, 1L, 2L)));

    assertThat(ColdRun.of(s, 2, 1, 1, 1, 0).complete(2)).as("a page fetched twice").isFalse();
    SiteStats once = served(Map.of("/page/0", 1L, "/page/1", 1L), 0, Map.of("h", List.of(0L, 1L)));
    assertThat(ColdRun.of(once, 2, 1, 1, 1, 0).complete(2)).isTrue();
    assertThat(ColdRun.of(once, 1, 1, 1, 1, 0).complete(2)).as("an item missing").isFalse();
    assertThat(ColdRun.of(once, 2, 1, 1, 1, 1).complete(2)).as("exit 1").isFalse();
    assertThat(ColdRun.of(once, 2, 1, 1, 1, 0).complete(3)).as("a page missing").isFalse();
  }

  @Test
  void aSingleRequestHasNoSpanAndNoRate() {
    SiteStats s = served(Map.of("/page/0", 1L), 0, Map.of("h", List.of(5L)));

    assertThat(ColdRun.of(s, 1, 0.7, 0.5, 60, 0).pagesPerSecond()).isZero();
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(ColdTable.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(ColdTable.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    assertThat(ColdTable.median(List.of())).isZero();
  }
}
