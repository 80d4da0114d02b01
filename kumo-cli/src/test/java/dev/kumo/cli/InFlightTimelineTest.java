package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kumo.testsite.SiteStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests in flight over time, from the site's start and end times. */
class InFlightTimelineTest {
  private static final long MS = 1_000_000L;

  private static SiteStats served(Map<String, List<Long>> starts, Map<String, List<Long>> ends) {
    return new SiteStats(0, 0, 0, 0, Map.of(), Map.of(), Map.of(), starts, ends);
  }

  private static List<Long> ms(long... values) {
    return java.util.Arrays.stream(values).map(v -> v * MS).boxed().toList();
  }

  /** Host a: [0,100) and [0,50) then [60,100); host b: [100,200). */
  private static InFlightTimeline twoHosts() {
    return InFlightTimeline.of(served(Map.of("a", ms(0, 0, 60), "b", ms(100)),
        Map.of("a", ms(50, 100, 100), "b", ms(200))));
  }

  @Test
  void aHostWithMoreRequestsThanRecordedTimesIsLeftOut() {
    SiteStats truncated = new SiteStats(5, 0, 0, 0, Map.of("a", 4L, "b", 1L), Map.of(), Map.of(),
        Map.of("a", ms(0, 0, 60), "b", ms(100)), Map.of("a", ms(50, 100, 100), "b", ms(200)));

    assertThat(InFlightTimeline.of(truncated).meanInFlightByHost()).containsOnlyKeys("b");
  }

  @Test
  void bucketsAverageTheRequestsInFlightOverTheirTime() {
    List<InFlightTimeline.Bucket> buckets = twoHosts().buckets(100 * MS);

    assertThat(buckets).hasSize(2);
    // 0-50 ms: 2, 50-60: 1, 60-100: 2 → (100 + 10 + 80) / 100
    assertThat(buckets.get(0).meanInFlight()).isCloseTo(1.9, within(1e-9));
    assertThat(buckets.get(0).maxInFlight()).isEqualTo(2);
    assertThat(buckets.get(0).starts()).isEqualTo(3);
    assertThat(buckets.get(1).meanInFlight()).isCloseTo(1.0, within(1e-9));
    assertThat(buckets.get(1).starts()).isEqualTo(1);
    assertThat(buckets.get(1).fromSeconds()).isCloseTo(0.1, within(1e-9));
  }

  @Test
  void quantilesAndMeansAreWeightedByTime() {
    InFlightTimeline t = twoHosts();

    assertThat(t.spanSeconds()).isCloseTo(0.2, within(1e-9));
    // level 1 for 110 ms of 200 (50-60 and 100-200), level 2 for 90 ms
    assertThat(t.inFlightQuantile(0.5)).isEqualTo(1);
    assertThat(t.inFlightQuantile(0.6)).isEqualTo(2);
    assertThat(t.meanInFlight()).isCloseTo((190 + 100) / 200.0, within(1e-9));
    assertThat(t.meanInFlightByHost()).containsOnlyKeys("a", "b");
    assertThat(t.meanInFlightByHost().get("b")).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void aRefillGapRunsFromAnEndToTheNextStartOnItsHost() {
    InFlightTimeline t = twoHosts();

    // host a: the end at 50 ms pairs with the start at 60; b's start pairs with no end of its own host
    assertThat(t.refillCount()).isEqualTo(1);
    assertThat(t.refillGapQuantileMs(0.5)).isCloseTo(10, within(1e-9));
    assertThat(t.format()).contains("refill gap", "median 10.0 ms", "mean in flight per host: a 0.95, b 0.50")
        .contains("    0.00       1.9       2       3", "    0.10       1.0       1       1");
  }

  @Test
  void hostsStillServingAreLeftOutAndNothingGivesAnEmptyTimeline() {
    InFlightTimeline partial = InFlightTimeline.of(served(Map.of("a", ms(0, 10), "b", ms(0)),
        Map.of("a", ms(20), "b", ms(30))));
    assertThat(partial.meanInFlightByHost()).containsOnlyKeys("b");

    InFlightTimeline none = InFlightTimeline.of(served(Map.of(), Map.of()));
    assertThat(none.buckets(100 * MS)).isEmpty();
    assertThat(none.inFlightQuantile(0.5)).isZero();
    assertThat(none.refillGapQuantileMs(0.5)).isZero();
    assertThatThrownBy(() -> none.buckets(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
