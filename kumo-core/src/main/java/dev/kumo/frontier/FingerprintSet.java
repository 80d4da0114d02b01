package dev.kumo.frontier;

/**
 * A set of 128-bit fingerprints in one flat {@code long[]}: open addressing with linear probing, 27 to 53 bytes
 * an entry as the table fills and doubles (34 at a million), against 75 for a {@code HashSet<Fingerprint>} (a
 * node and a record per entry), and no object for the collector to trace. Both halves are mixed to pick the slot, so
 * that even fingerprints that share their low bits (not the fingerprinter's, which are uniform) spread out.
 * Not thread-safe.
 */
public final class FingerprintSet {
  /** Slots filled at most, as a fraction; past it the table doubles. */
  private static final double MAX_LOAD = 0.6;
  /** The most slots: two longs each, in one array of at most 2^30 longs. */
  static final int MAX_SLOTS = 1 << 29;

  private long[] table; // high, low of slot i at 2i, 2i+1; (0, 0) is an empty slot
  private int mask;
  private int size;
  private boolean hasZero; // the fingerprint (0, 0) itself, which would read as an empty slot

  /** An empty set. */
  public FingerprintSet() {
    this(1 << 10);
  }

  /** An empty set with room for {@code slots} (a power of two) before its first growth. */
  FingerprintSet(int slots) {
    if (Integer.bitCount(slots) != 1 || slots > MAX_SLOTS) {
      throw new IllegalArgumentException("slots must be a power of two up to " + MAX_SLOTS + ": " + slots);
    }
    table = new long[2 * slots];
    mask = slots - 1;
  }

  /** Adds {@code (high, low)}; whether it was not in the set before. */
  public boolean add(long high, long low) {
    if (high == 0 && low == 0) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    for (int i = slot(high, low); ; i = (i + 1) & mask) {
      long h = table[2 * i];
      long l = table[2 * i + 1];
      if (h == 0 && l == 0) {
        table[2 * i] = high;
        table[2 * i + 1] = low;
        size++;
        if (size > (mask + 1) * MAX_LOAD) {
          grow();
        }
        return true;
      }
      if (h == high && l == low) {
        return false;
      }
    }
  }

  /** Whether {@code (high, low)} is in the set. */
  public boolean contains(long high, long low) {
    if (high == 0 && low == 0) {
      return hasZero;
    }
    for (int i = slot(high, low); ; i = (i + 1) & mask) {
      long h = table[2 * i];
      long l = table[2 * i + 1];
      if (h == 0 && l == 0) {
        return false;
      }
      if (h == high && l == low) {
        return true;
      }
    }
  }

  private int slot(long high, long low) {
    long x = (high ^ Long.rotateLeft(low, 32)) * 0x9E3779B97F4A7C15L;
    return (int) (x ^ (x >>> 29)) & mask;
  }

  /** Fingerprints in the set. */
  public long size() {
    return size + (hasZero ? 1 : 0);
  }

  private void grow() {
    int slots = mask + 1;
    if (slots >= MAX_SLOTS) {
      throw new IllegalStateException("the seen-set is full: " + size + " fingerprints in memory");
    }
    long[] old = table;
    table = new long[4 * slots];
    mask = 2 * slots - 1;
    for (int i = 0; i < old.length; i += 2) {
      long high = old[i];
      long low = old[i + 1];
      if (high != 0 || low != 0) {
        int j = slot(high, low);
        while (table[2 * j] != 0 || table[2 * j + 1] != 0) {
          j = (j + 1) & mask;
        }
        table[2 * j] = high;
        table[2 * j + 1] = low;
      }
    }
  }
}
