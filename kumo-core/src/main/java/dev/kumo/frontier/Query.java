package dev.kumo.frontier;

import java.util.Arrays;

/**
 * Writes the canonical form of a URL query: parameters split on {@code &}, each escape-normalised by
 * {@link PercentEncoding}, empty ones and stripped keys dropped, then (optionally) sorted by key, then
 * value, a key without {@code =} before the same key with an empty value. Nothing is written for a query
 * left empty.
 */
final class Query {
  /** Per parameter: its start, the end of its key and its end, as offsets in the output. */
  private static final int START = 0;

  private static final int KEY_END = 1;
  private static final int END = 2;
  private static final int SLOTS = 3;

  private Query() {}

  /**
   * Appends {@code ?} and the canonical query for {@code s[from, to)}, or nothing if no parameter is left.
   *
   * @param stripKeys escape-normalised keys of parameters to drop
   * @param sessionKeys lower-case keys of parameters to drop whatever their case
   */
  static void append(StringBuilder out, String s, int from, int to, boolean sort, String[] stripKeys,
      String[] sessionKeys) {
    int queryStart = out.length();
    out.append('?');
    int[] params = new int[SLOTS * 4];
    int count = 0;
    boolean sorted = true;
    for (int i = from; i <= to; ) {
      int amp = i;
      int eq = -1;
      for (char c; amp < to && (c = s.charAt(amp)) != '&'; amp++) {
        if (c == '=' && eq < 0) {
          eq = amp;
        }
      }
      if (amp > i) {
        int mark = out.length();
        if (count > 0) {
          out.append('&');
        }
        int start = out.length();
        PercentEncoding.appendNormalized(out, s, i, eq < 0 ? amp : eq);
        int keyEnd = out.length();
        if (isStripped(out, start, keyEnd, stripKeys)
            || SessionIds.matches(out, start, keyEnd, sessionKeys)) {
          out.setLength(mark);
        } else {
          if (eq >= 0) {
            out.append('=');
            PercentEncoding.appendNormalized(out, s, eq + 1, amp);
          }
          if (params.length == count * SLOTS) {
            params = Arrays.copyOf(params, params.length * 2);
          }
          params[count * SLOTS + START] = start;
          params[count * SLOTS + KEY_END] = keyEnd;
          params[count * SLOTS + END] = out.length();
          sorted &= count == 0 || compare(out, params, count - 1, count) <= 0;
          count++;
        }
      }
      i = amp + 1;
    }
    if (count == 0) {
      out.setLength(queryStart);
    } else if (sort && !sorted) {
      reorder(out, queryStart + 1, params, count);
    }
  }

  private static boolean isStripped(CharSequence out, int start, int end, String[] stripKeys) {
    for (String key : stripKeys) {
      if (compare(out, start, end, key, 0, key.length()) == 0) {
        return true;
      }
    }
    return false;
  }

  /** Rewrites the parameters from {@code from} on in sorted order. */
  private static void reorder(StringBuilder out, int from, int[] params, int count) {
    Integer[] order = new Integer[count];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> compare(out, params, a, b));
    String query = out.substring(from);
    out.setLength(from);
    for (int k = 0; k < count; k++) {
      int p = order[k] * SLOTS;
      if (k > 0) {
        out.append('&');
      }
      out.append(query, params[p + START] - from, params[p + END] - from);
    }
  }

  /** Orders parameters {@code a} and {@code b} by key, then by value (none before empty). */
  private static int compare(CharSequence out, int[] params, int a, int b) {
    int pa = a * SLOTS;
    int pb = b * SLOTS;
    int byKey =
        compare(out, params[pa + START], params[pa + KEY_END], out, params[pb + START], params[pb + KEY_END]);
    if (byKey != 0) {
      return byKey;
    }
    // the value follows the '=' after the key, if there is one
    return compare(
        out, params[pa + KEY_END], params[pa + END], out, params[pb + KEY_END], params[pb + END]);
  }

  /** Compares {@code x[xFrom, xTo)} with {@code y[yFrom, yTo)} char by char. */
  private static int compare(CharSequence x, int xFrom, int xTo, CharSequence y, int yFrom, int yTo) {
    int n = Math.min(xTo - xFrom, yTo - yFrom);
    for (int k = 0; k < n; k++) {
      int d = x.charAt(xFrom + k) - y.charAt(yFrom + k);
      if (d != 0) {
        return d;
      }
    }
    return (xTo - xFrom) - (yTo - yFrom);
  }
}
