package dev.kumo.bench.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The seen-set at scale: inserts {@code count} random 128-bit fingerprints in transactions of {@code batch}
 * (commits not fsynced, one durable close at the end), then looks up {@code lookups} fingerprints of which half
 * were inserted, and prints the times, the store's size on disk and the process's peak RSS. Run with a bounded
 * heap, one store per JVM:
 *
 * <pre>
 * java -Xmx512m --enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
 *   -cp kumo-bench/target/kumo-bench.jar dev.kumo.bench.store.SeenSetScale STORE DIR [COUNT [LOOKUPS [LIMIT_S]]]
 * </pre>
 *
 * <p>The insert phase stops early after {@code LIMIT_S} seconds (default: none); the line then says how many
 * fingerprints went in, and lookups use that count.
 */
public final class SeenSetScale {
  private static final int BATCH = 10_000;

  private SeenSetScale() {}

  /** Runs one store; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    StoreKind kind = StoreKind.of(args[0]);
    Path dir = Path.of(args[1]);
    long count = args.length > 2 ? Long.parseLong(args[2]) : 10_000_000L;
    int lookups = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
    long limitNanos = args.length > 4 ? Long.parseLong(args[4]) * 1_000_000_000L : Long.MAX_VALUE;
    Directories.delete(dir);

    long inserted = 0;
    long start = System.nanoTime();
    long insertNanos;
    long hits = 0;
    long lookupNanos;
    try (JobStore store = kind.open(dir, StoreOptions.of(false))) {
      while (inserted < count && System.nanoTime() - start < limitNanos) {
        store.begin();
        for (long end = Math.min(count, inserted + BATCH); inserted < end; inserted++) {
          store.addSeen(fingerprint(inserted));
        }
        store.commit();
        if (inserted % 1_000_000 == 0) {
          System.err.printf(Locale.ROOT, "%s %,d inserted, %.0f s, %s%n", kind, inserted,
              (System.nanoTime() - start) / 1e9, ProcessMemory.now());
        }
      }
      insertNanos = System.nanoTime() - start;
      SplittableRandom random = new SplittableRandom(7);
      long lookupStart = System.nanoTime();
      for (int i = 0; i < lookups; i++) {
        long index = i % 2 == 0 ? random.nextLong(inserted) : inserted + 1 + random.nextLong(1L << 40);
        if (store.isSeen(fingerprint(index))) {
          hits++;
        }
      }
      lookupNanos = System.nanoTime() - lookupStart;
    }
    System.out.printf(Locale.ROOT,
        "%s inserted=%d insert=%.1fs (%.0f/s) lookups=%d hits=%d lookup=%.1fs (%.0f/s) disk=%dMiB %s%n",
        kind, inserted, insertNanos / 1e9, inserted / (insertNanos / 1e9), lookups, hits, lookupNanos / 1e9,
        lookups / (lookupNanos / 1e9), Directories.bytes(dir) >> 20, ProcessMemory.now());
  }

  /** The {@code index}-th fingerprint: two mixed 64-bit halves, as random as a hash and reproducible. */
  static byte[] fingerprint(long index) {
    return ByteBuffer.allocate(16).putLong(mix(index)).putLong(mix(~index)).array();
  }

  private static long mix(long z) {
    z = (z + 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
