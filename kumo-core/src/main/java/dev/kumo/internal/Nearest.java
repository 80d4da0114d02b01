package dev.kumo.internal;

import java.util.Collection;

/** The known name nearest to a misspelt one by edit distance, for "did you mean" messages. */
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
    String nearest = of(name, candidates);
    return distance(name, nearest) <= Math.max(2, name.length() / 2)
        ? "did you mean '" + nearest + "'?"
        : "expected one of " + String.join(", ", candidates);
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
