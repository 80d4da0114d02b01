package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scrapy's AutoThrottle rule, on a slot, with latencies given rather than measured. */
class AutoThrottleTest {
  static final long MS = 1_000_000L;

  final Slots slots = new Slots(new SlotPolicy(8, 0, 0), Map.of(), 1000 * MS, false);

  /** Target concurrency 2, delay between 100 ms and 3 s. */
  final AutoThrottle throttle = new AutoThrottle(slots, 2.0, 100 * MS, 3000 * MS, false);

  @Test
  void movesHalfwayTowardsLatencyOverTarget() {
    throttle.onResponse("a", 400 * MS, 200); // target 200 ms: halfway from 1000 ms
    assertThat(slots.throttleNanos("a")).isEqualTo(600 * MS);
    throttle.onResponse("a", 400 * MS, 200);
    assertThat(slots.throttleNanos("a")).isEqualTo(400 * MS);
    throttle.onResponse("a", 2000 * MS, 200); // a higher target is taken at once
    assertThat(slots.throttleNanos("a")).isEqualTo(1000 * MS);
  }

  @Test
  void staysBetweenTheDownloadDelayAndTheMaximum() {
    throttle.onResponse("a", 60_000 * MS, 200);
    assertThat(slots.throttleNanos("a")).isEqualTo(3000 * MS);
    for (int i = 0; i < 20; i++) {
      throttle.onResponse("a", 0, 200);
    }
    assertThat(slots.throttleNanos("a")).isEqualTo(100 * MS);
    AutoThrottle minAboveMax = new AutoThrottle(slots, 1.0, 500 * MS, 200 * MS, true);
    minAboveMax.onResponse("b", 60_000 * MS, 200);
    assertThat(slots.throttleNanos("b")).isEqualTo(500 * MS);
  }

  @Test
  void aResponseOtherThan200MayRaiseTheDelayButNeverLowersIt() {
    throttle.onResponse("a", 10 * MS, 503);
    assertThat(slots.throttleNanos("a")).isEqualTo(1000 * MS);
    throttle.onResponse("a", 2400 * MS, 404);
    assertThat(slots.throttleNanos("a")).isEqualTo(1200 * MS);
    throttle.onResponse("a", 10 * MS, 200);
    assertThat(slots.throttleNanos("a")).isEqualTo(602 * MS + 500_000);
  }

  @Test
  void targetConcurrencyMustBePositive() {
    assertThatThrownBy(() -> new AutoThrottle(slots, 0, 0, 0, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("autothrottle_target_concurrency");
  }
}
