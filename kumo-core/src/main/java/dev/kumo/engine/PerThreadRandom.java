package dev.kumo.engine;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The calling thread's {@link ThreadLocalRandom}, as a {@link RandomGenerator} that may be shared between threads:
 * the default source of jitter, where tests pass a seeded generator instead.
 */
final class PerThreadRandom implements RandomGenerator {
  static final RandomGenerator INSTANCE = new PerThreadRandom();

  private PerThreadRandom() {}

  @Override
  public long nextLong() {
    return ThreadLocalRandom.current().nextLong();
  }

  @Override
  public double nextDouble(double origin, double bound) {
    return ThreadLocalRandom.current().nextDouble(origin, bound);
  }
}
