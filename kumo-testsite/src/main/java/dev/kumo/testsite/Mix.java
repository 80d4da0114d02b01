package dev.kumo.testsite;

import java.util.SplittableRandom;

/** Deterministic hashing (SplitMix64) so that every page is a pure function of the seed and its number. */
final class Mix {
  private Mix() {}

  /** A well-mixed 64-bit hash of {@code seed}, {@code n} and a per-purpose {@code salt}. */
  static long hash(long seed, long n, long salt) {
    return splitMix(splitMix(seed ^ splitMix(salt)) + n);
  }

  /** A random stream for one purpose of one page. */
  static SplittableRandom random(long seed, long n, long salt) {
    return new SplittableRandom(hash(seed, n, salt));
  }

  private static long splitMix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
