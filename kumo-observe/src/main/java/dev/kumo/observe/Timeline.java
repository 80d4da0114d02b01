package dev.kumo.observe;

/**
 * Pages and items over time, sampled at a steady rate, for a dashboard's plots: the last {@code capacity}
 * samples in a ring. Thread-safe.
 */
final class Timeline {
  private final long[] millis;
  private final long[] pages;
  private final long[] items;
  private int next;
  private int size;

  /**
   * The samples, oldest first.
   *
   * @param millis the crawl's elapsed milliseconds at each sample
   * @param pages responses so far at each
   * @param items items so far at each
   */
  record Series(long[] millis, long[] pages, long[] items) {}

  Timeline(int capacity) {
    millis = new long[capacity];
    pages = new long[capacity];
    items = new long[capacity];
  }

  synchronized void record(long elapsedMillis, long pageCount, long itemCount) {
    millis[next] = elapsedMillis;
    pages[next] = pageCount;
    items[next] = itemCount;
    next = (next + 1) % millis.length;
    size = Math.min(size + 1, millis.length);
  }

  synchronized Series series() {
    long[] s = new long[size];
    long[] p = new long[size];
    long[] i = new long[size];
    int first = (next - size + millis.length) % millis.length;
    for (int k = 0; k < size; k++) {
      int at = (first + k) % millis.length;
      s[k] = millis[at];
      p[k] = pages[at];
      i[k] = items[at];
    }
    return new Series(s, p, i);
  }
}
