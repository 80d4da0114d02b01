package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SlotsTest {
  static final long MS = 1_000_000L;

  static Slots slots(int concurrency, long delayMs, boolean probation) {
    return new Slots(new SlotPolicy(concurrency, delayMs * MS, 0), Map.of("slow.test", new SlotPolicy(1, 0, 0)), 0,
        probation);
  }

  @Test
  void concurrencyLimitPerSlotAndOverrides() {
    Slots s = slots(2, 0, false);
    s.start("a", 0);
    s.start("a", 0);
    assertThat(s.canStart("a", 0)).isFalse();
    assertThat(s.waitNanos("a", 0)).isEqualTo(Long.MAX_VALUE);
    assertThat(s.canStart("b", 0)).isTrue();
    assertThat(s.active("a")).isEqualTo(2);
    s.finish("a");
    assertThat(s.canStart("a", 0)).isTrue();
    assertThat(s.active("a")).isEqualTo(1);
    assertThat(s.active("b")).isZero();
    s.start("slow.test", 0);
    assertThat(s.canStart("slow.test", 0)).isFalse();
    assertThatThrownBy(() -> s.finish("never")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void delaySpacesStartsAndCountsFromTheSend() {
    Slots s = slots(8, 100, false);
    s.start("a", 0);
    assertThat(s.canStart("a", 50 * MS)).isFalse();
    assertThat(s.waitNanos("a", 50 * MS)).isEqualTo(50 * MS);
    s.sending("a", 30 * MS); // sent 30 ms after it was started
    assertThat(s.canStart("a", 100 * MS)).isFalse();
    assertThat(s.canStart("a", 130 * MS)).isTrue();
  }

  @Test
  void aCacheHitCostsNoDelayButTheLastSendStillCounts() {
    Slots s = slots(8, 100, false);
    s.start("a", 0);
    s.servedFromCache("a"); // nothing was ever sent: the next start may go at once
    assertThat(s.canStart("a", 1 * MS)).isTrue();
    s.start("a", 1 * MS);
    s.sending("a", 1 * MS); // a real request: the next one waits 100 ms from here
    s.start("a", 101 * MS);
    s.servedFromCache("a"); // this one was a hit: the gap after the real one is kept, no more
    assertThat(s.canStart("a", 102 * MS)).isTrue();
    s.start("a", 102 * MS);
    assertThat(s.canStart("a", 150 * MS)).as("a start without a hit reserves its delay").isFalse();
  }

  @Test
  void pausesAndCrawlDelayHoldTheSlot() {
    Slots s = slots(8, 0, false);
    s.start("a", 0);
    s.pauseUntil("a", 500 * MS);
    s.pauseUntil("a", 200 * MS); // never shortens
    assertThat(s.canStart("a", 400 * MS)).isFalse();
    assertThat(s.canStart("a", 500 * MS)).isTrue();
    s.crawlDelay("a", 300 * MS);
    s.start("a", 500 * MS);
    assertThat(s.canStart("a", 700 * MS)).isFalse();
    assertThat(s.canStart("a", 800 * MS)).isTrue();
    assertThat(s.canStart("b", 0)).isTrue(); // other slots are never held
  }

  @Test
  void probationRunsOneRequestUntilTheFirstIsDone() {
    Slots s = slots(4, 0, true);
    s.start("a", 0);
    assertThat(s.canStart("a", 0)).isFalse();
    s.finish("a");
    s.start("a", 0);
    s.start("a", 0);
    s.start("a", 0);
    assertThat(s.canStart("a", 0)).isTrue();
    s.start("a", 0);
    assertThat(s.canStart("a", 0)).isFalse();
  }

  @Test
  void probationEndsWhenTheFirstRequestIsSentPastRobotsTxt() {
    Slots s = slots(2, 0, true);
    s.start("a", 0);
    assertThat(s.canStart("a", 0)).isFalse();
    assertThat(s.sending("a", 0)).as("the limit rose").isTrue();
    assertThat(s.canStart("a", 0)).as("a second request while the first is on the wire").isTrue();
    s.start("a", 0);
    assertThat(s.canStart("a", 0)).as("never past the policy's limit").isFalse();
    assertThat(s.sending("a", 0)).as("sent before").isFalse();
    assertThat(slots(1, 0, true).sending("never-started", 0)).isFalse();
    Slots single = slots(1, 0, true);
    single.start("a", 0);
    assertThat(single.sending("a", 0)).as("a limit of 1 does not rise").isFalse();
  }
}
