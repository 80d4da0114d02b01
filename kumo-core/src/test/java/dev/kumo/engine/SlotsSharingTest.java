package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.frontier.RobotsFile;
import dev.kumo.frontier.SharedPoliteness;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the slots tell a frontier shared by many processes (pauses, the gap after each send, AutoThrottle's
 * delay) and what they take from it; and the production random source of the jitter.
 */
class SlotsSharingTest {
  static final long MS = 1_000_000L;

  /** A shared politeness that records what it is told and answers {@link #throttle} to every read. */
  static final class Recorded implements SharedPoliteness {
    final List<String> told = new ArrayList<>();
    final List<Long> pauses = new ArrayList<>();
    long throttle = -1;

    @Override
    public void pause(String slot, long nanos) {
      told.add("pause " + slot);
      pauses.add(nanos);
    }

    @Override
    public void sending(String slot, long delayNanos) {
      told.add("sending " + slot + " " + delayNanos / MS);
    }

    @Override
    public long throttleNanos(String slot) {
      return throttle;
    }

    @Override
    public void throttleNanos(String slot, long nanos) {
      told.add("throttle " + slot + " " + nanos / MS);
    }

    @Override
    public RobotsFile robots(String origin, RobotsFetch fetch) throws InterruptedException {
      return fetch.fetch();
    }
  }

  final Recorded shared = new Recorded();

  Slots slots(long delayMs, long throttleMs) {
    return new Slots(new SlotPolicy(4, delayMs * MS, 0), Map.of(), throttleMs * MS, false, shared);
  }

  @Test
  void aPauseIsSharedAsTheTimeLeftUntilItsEnd() {
    Slots s = slots(0, 0);
    long before = System.nanoTime();
    s.pauseUntil("a", before + 5000 * MS);
    long after = System.nanoTime();
    assertThat(shared.told).containsExactly("pause a");
    assertThat(shared.pauses.getFirst()).isBetween(before + 5000 * MS - after, 5000 * MS);
  }

  @Test
  void eachSendSharesItsGapAndASlotWithoutDelaySharesNothing() {
    Slots delayed = slots(100, 0);
    delayed.start("a", 0);
    delayed.sending("a", 0);
    Slots undelayed = slots(0, 0);
    undelayed.start("b", 0);
    undelayed.sending("b", 0);
    undelayed.sending("never-started", 0);
    undelayed.start("c", 0);
    undelayed.crawlDelay("c", 300 * MS); // robots.txt read between the start and the send
    undelayed.sending("c", 0);
    assertThat(shared.told).containsExactly("sending a 100", "sending c 300");
  }

  @Test
  void theThrottleDelayIsSharedAndAnotherProcesssDelayWins() {
    Slots s = slots(0, 1000);
    assertThat(s.throttleNanos("a")).as("nobody shared one: the slot's own").isEqualTo(1000 * MS);
    s.throttleNanos("a", 700 * MS);
    assertThat(shared.told).containsExactly("throttle a 700");
    shared.throttle = 0;
    assertThat(s.throttleNanos("a")).as("another process set 0").isZero();
    shared.throttle = -1;
    assertThat(s.throttleNanos("a")).as("the shared delay was kept").isZero();
  }

  @Test
  void theProductionJitterIsRandomAndWithinItsBounds() {
    Slots s = new Slots(new SlotPolicy(1, 100 * MS, 0.5), Map.of(), 0, false, SharedPoliteness.LOCAL);
    Set<Long> gaps = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      s.start("a", 0);
      s.finish("a");
      gaps.add(s.waitNanos("a", 0));
    }
    assertThat(gaps).allMatch(g -> g >= 50 * MS && g < 150 * MS);
    assertThat(gaps).as("200 draws of a random delay").hasSizeGreaterThan(150);
  }
}
