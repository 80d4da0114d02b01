package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A slot's jittered delay, drawn from a seeded random: bounded on both sides and spread over its range. */
class SlotJitterTest {
  static final long MS = 1_000_000L;

  static List<Long> gaps(double jitter) {
    Slots slots = new Slots(new SlotPolicy(1, 100 * MS, jitter), Map.of(), 0, false, new Random(11));
    List<Long> gaps = new ArrayList<>();
    long now = 0;
    for (int i = 0; i < 300; i++) {
      slots.start("a", now);
      slots.finish("a");
      long wait = slots.waitNanos("a", now);
      gaps.add(wait);
      now += wait;
    }
    return gaps;
  }

  @Test
  void delaysAreDrawnBetweenOneMinusAndOnePlusJitterTimesTheDelay() {
    List<Long> gaps = gaps(0.5);
    assertThat(gaps).allMatch(g -> g >= 50 * MS && g < 150 * MS);
    assertThat(gaps.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(55 * MS);
    assertThat(gaps.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(145 * MS);
    double mean = gaps.stream().mapToLong(Long::longValue).average().orElseThrow();
    assertThat(mean).isBetween(95.0 * MS, 105.0 * MS);
  }

  @Test
  void withoutJitterEveryDelayIsTheDelay() {
    assertThat(gaps(0)).containsOnly(100 * MS);
  }

  @Test
  void anOverrideBringsItsOwnDelayAndJitter() {
    Slots slots = new Slots(new SlotPolicy(1, 100 * MS, 0.5), Map.of("b", new SlotPolicy(2, 300 * MS, 0)), 0,
        false, new Random(11));
    slots.start("b", 0);
    assertThat(slots.waitNanos("b", 0)).isEqualTo(300 * MS);
    assertThat(slots.snapshot()).containsExactly(new Slots.View("b", 1, 2, 1, 1, 300 * MS));
  }
}
