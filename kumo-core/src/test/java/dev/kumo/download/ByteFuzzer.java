package dev.kumo.download;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A small mutation fuzzer for tests: starts from valid seed inputs and feeds a target mutated copies of them
 * (bit flips, interesting bytes, insertions, deletions, duplicated ranges, splices of two seeds, truncation)
 * until a number of tries or a time budget runs out. Each input runs on a worker thread with its own time box,
 * so a hang is reported as a failure with the input, not a stuck build. The seed of the random generator is
 * printed with every failure; {@code -Dkumo.fuzz.seed=N} replays a run, {@code -Dkumo.fuzz.seconds=S} fuzzes
 * longer (or shorter) than the budget a test asks for.
 */
final class ByteFuzzer {
  /** A target: returns normally or throws one of the expected exceptions; anything else is a finding. */
  interface Target {
    void run(byte[] input) throws Exception;
  }

  /**
   * How long and how much to fuzz.
   *
   * @param time the whole run's budget
   * @param tries the most inputs to try
   * @param perInput the most one input may take before it counts as a hang
   */
  record Budget(Duration time, int tries, Duration perInput) {}

  private static final byte[] INTERESTING = {0, 1, '\r', '\n', ' ', '\t', ':', ';', '=', '0', '9', 'f', '-', '"',
      '<', '>', (byte) 0x7F, (byte) 0x80, (byte) 0xC3, (byte) 0xE3, (byte) 0xEF, (byte) 0xFE, (byte) 0xFF};

  private final long seed;
  private final SplittableRandom random;

  ByteFuzzer() {
    this(Long.getLong("kumo.fuzz.seed", System.nanoTime()));
  }

  ByteFuzzer(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  /**
   * Runs {@code target} on the seeds, then on mutations of them, within {@code budget}; fails on the first
   * input that makes the target throw something not in {@code expected}, or take longer than the per-input box.
   *
   * @return how many inputs were tried
   */
  @SafeVarargs
  final int run(List<byte[]> seeds, Budget budget, Target target, Class<? extends Exception>... expected)
      throws InterruptedException {
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-target");
      t.setDaemon(true);
      return t;
    });
    long seconds = Long.getLong("kumo.fuzz.seconds", -1);
    Duration time = seconds >= 0 ? Duration.ofSeconds(seconds) : budget.time();
    int maxTries = seconds >= 0 ? Integer.MAX_VALUE : budget.tries();
    long start = System.nanoTime();
    long deadline = start + time.toNanos();
    int tried = 0;
    try {
      while (tried < maxTries && (tried < seeds.size() || System.nanoTime() < deadline)) {
        byte[] input = tried < seeds.size() ? seeds.get(tried) : mutate(seeds);
        tried++;
        check(worker, target, input, budget.perInput(), List.of(expected));
      }
    } finally {
      worker.shutdownNow();
    }
    System.out.printf("fuzzed %d inputs in %d ms (seed %d)%n", tried, (System.nanoTime() - start) / 1_000_000, seed);
    return tried;
  }

  private void check(ExecutorService worker, Target target, byte[] input, Duration perInput,
      List<Class<? extends Exception>> expected) throws InterruptedException {
    Future<?> future = worker.submit(() -> {
      target.run(input);
      return null;
    });
    try {
      future.get(perInput.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      fail("hung for more than " + perInput + " on " + describe(input));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      for (Class<? extends Exception> type : expected) {
        if (type.isInstance(cause)) {
          return;
        }
      }
      throw new AssertionError("unexpected " + cause + " on " + describe(input), cause);
    }
  }

  private String describe(byte[] input) {
    String hex = HexFormat.of().formatHex(input, 0, Math.min(input.length, 512));
    return input.length + " bytes (seed " + seed + "): " + hex + (input.length > 512 ? "..." : "");
  }

  /** A mutated copy of a random seed: one to four mutations. */
  byte[] mutate(List<byte[]> seeds) {
    byte[] data = seeds.get(random.nextInt(seeds.size())).clone();
    int rounds = 1 + random.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      data = mutateOnce(data, seeds);
    }
    return data;
  }

  private byte[] mutateOnce(byte[] data, List<byte[]> seeds) {
    int n = data.length;
    switch (random.nextInt(7)) {
      case 0 -> {
        if (n > 0) {
          data[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> {
        if (n > 0) {
          data[random.nextInt(n)] = INTERESTING[random.nextInt(INTERESTING.length)];
        }
      }
      case 2 -> {
        byte[] insert = new byte[1 + random.nextInt(16)];
        random.nextBytes(insert);
        return splice(data, random.nextInt(n + 1), 0, insert);
      }
      case 3 -> {
        if (n > 0) {
          int at = random.nextInt(n);
          return splice(data, at, 1 + random.nextInt(Math.min(32, n - at)), new byte[0]);
        }
      }
      case 4 -> {
        if (n > 0) {
          int at = random.nextInt(n);
          int len = 1 + random.nextInt(Math.min(64, n - at));
          byte[] copy = Arrays.copyOfRange(data, at, at + len);
          return splice(data, random.nextInt(n + 1), 0, copy);
        }
      }
      case 5 -> {
        byte[] other = seeds.get(random.nextInt(seeds.size()));
        int cut = random.nextInt(n + 1);
        int from = random.nextInt(other.length + 1);
        return splice(Arrays.copyOf(data, cut), cut, 0,
            Arrays.copyOfRange(other, from, other.length));
      }
      default -> {
        return Arrays.copyOf(data, random.nextInt(n + 1));
      }
    }
    return data;
  }

  private static byte[] splice(byte[] data, int at, int remove, byte[] insert) {
    byte[] out = new byte[data.length - remove + insert.length];
    System.arraycopy(data, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(data, at + remove, out, at + insert.length, data.length - at - remove);
    return out;
  }
}
