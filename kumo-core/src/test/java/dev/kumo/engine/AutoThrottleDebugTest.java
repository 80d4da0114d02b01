package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code autothrottle_debug}: one line per response with the slot's new delay, its change and the latency. */
class AutoThrottleDebugTest {
  static final long MS = 1_000_000L;

  final Slots slots = new Slots(new SlotPolicy(8, 0, 0), Map.of(), 1000 * MS, false);

  @Test
  void eachAdjustmentIsLoggedWithItsChange() {
    AutoThrottle throttle = new AutoThrottle(slots, 2.0, 100 * MS, 3000 * MS, true);
    slots.start("a", 0);
    try (LogLines log = new LogLines(AutoThrottle.class)) {
      throttle.onResponse("a", 400 * MS, 200); // halfway from 1000 ms to 200 ms
      throttle.onResponse("a", 2000 * MS, 200); // up to 1000 ms at once
      throttle.onResponse("a", 2000 * MS, 200); // no change
      throttle.onResponse("a", 10 * MS, 404); // would lower it: ignored, not logged
      throttle.onResponse("a", 2000 * MS, 503); // would keep it: ignored, not logged
      assertThat(log.messages()).containsExactly(
          "slot: a | conc: 1 | delay: 600 ms (-400) | latency: 400 ms | status: 200",
          "slot: a | conc: 1 | delay: 1000 ms (+400) | latency: 2000 ms | status: 200",
          "slot: a | conc: 1 | delay: 1000 ms (+0) | latency: 2000 ms | status: 200");
    }
  }

  @Test
  void withoutDebugNothingIsLogged() {
    AutoThrottle throttle = new AutoThrottle(slots, 2.0, 100 * MS, 3000 * MS, false);
    try (LogLines log = new LogLines(AutoThrottle.class)) {
      throttle.onResponse("a", 400 * MS, 200);
      assertThat(log.messages()).isEmpty();
    }
    assertThat(slots.throttleNanos("a")).isEqualTo(600 * MS);
  }
}
