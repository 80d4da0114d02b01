package dev.kumo.internal;

import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * The known name nearest to a misspelt one by edit distance, for "did you mean" messages. A suggestion is made
 * only above a similarity threshold ({@link #isClose}): an unrelated name is worse than none.
 */
public final class Nearest {
  private Nearest() {}

  /**
   * The candidate nearest to {@code name} by edit distance; ties go to the longest common prefix (a typo
   * rarely hits the first letter: {@code fllow} is {@code follow}, not {@code allow}), then to the first.
   */
  public static String of(String name, Collection<String> candidates) {
    String best = "";
    int bestDistance = Integer.MAX_VALUE;
    int bestPrefix = -1;
    for (String candidate : candidates) {
      int d = distance(name, candidate);
      int prefix = commonPrefix(name, candidate);
      if (d < bestDistance || (d == bestDistance && prefix > bestPrefix)) {
        bestDistance = d;
        bestPrefix = prefix;
        best = candidate;
      }
    }
    return best;
  }

  private static int commonPrefix(String a, String b) {
    int n = 0;
    while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
  }

  /**
   * "did you mean 'x'?" when a candidate is close to {@code name} (a typo), else "expected one of a, b, c".
   */
  public static String hint(String name, Collection<String> candidates) {
    String nearest = closeTo(name, candidates);
    return nearest != null ? "did you mean '" + nearest + "'?" : "expected one of " + String.join(", ", candidates);
  }

  /** The nearest candidate when it is {@link #isClose close} to {@code name}, else null. */
  public static @Nullable String closeTo(String name, Collection<String> candidates) {
    String nearest = of(name, candidates);
    return !nearest.isEmpty() && isClose(name, nearest) ? nearest : null;
  }

  /**
   * Whether {@code candidate} looks like a typo of {@code name}: at most two edits, or at most one edit in
   * three letters of the shorter name ({@code concurent_requets} is {@code concurrent_requests};
   * {@code log_file} is not {@code dns_resolve}).
   */
  public static boolean isClose(String name, String candidate) {
    return distance(name, candidate) <= Math.max(2, Math.min(name.length(), candidate.length()) / 3);
  }

  /** The Levenshtein distance between {@code a} and {@code b}. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
