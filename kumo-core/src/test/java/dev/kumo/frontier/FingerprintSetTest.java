package dev.kumo.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The flat seen-set agrees with a {@code HashSet} through many growths, collisions and the zero fingerprint. */
class FingerprintSetTest {

  @Test
  void agreesWithAHashSetThroughGrowth() {
    FingerprintSet set = new FingerprintSet(2);
    Set<Fingerprint> reference = new HashSet<>();
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 300_000; i++) {
      // a small range of values so that duplicates are common; low bits shared so that probes collide
      long high = random.nextLong(50_000);
      long low = (random.nextLong(4) << 40) | 5;
      assertThat(set.add(high, low)).isEqualTo(reference.add(new Fingerprint(high, low)));
    }
    assertThat(set.size()).isEqualTo(reference.size());
    for (Fingerprint f : reference) {
      assertThat(set.contains(f.high(), f.low())).isTrue();
    }
    assertThat(set.contains(50_001, 5)).isFalse();
  }

  @Test
  void keepsTheZeroFingerprintApartFromEmptySlots() {
    FingerprintSet set = new FingerprintSet();
    assertThat(set.contains(0, 0)).isFalse();
    assertThat(set.add(0, 0)).isTrue();
    assertThat(set.add(0, 0)).isFalse();
    assertThat(set.add(0, 1)).isTrue();
    assertThat(set.contains(0, 0)).isTrue();
    assertThat(set.size()).isEqualTo(2);
  }

  @Test
  void fingerprintsWithOneZeroHalfSurviveGrowth() {
    FingerprintSet set = new FingerprintSet(2);
    for (long i = 1; i <= 100; i++) {
      assertThat(set.add(i, 0)).isTrue();
      assertThat(set.add(0, i)).isTrue();
    }
    for (long i = 1; i <= 100; i++) {
      assertThat(set.contains(i, 0)).as("(%d, 0)", i).isTrue();
      assertThat(set.contains(0, i)).as("(0, %d)", i).isTrue();
    }
    assertThat(set.size()).isEqualTo(200);
  }

  @Test
  void refusesSizesThatAreNotPowersOfTwo() {
    assertThatThrownBy(() -> new FingerprintSet(1000)).isInstanceOf(IllegalArgumentException.class);
  }
}
