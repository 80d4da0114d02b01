package dev.kumo.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The shape of a canonical URL, for bounding endless URL spaces: its host, its first path segment and the set of
 * its other path segments, each with runs of digits written as {@code 0}, and the set of its query keys. So
 * {@code /calendar/2026/11?view=month} and {@code /calendar/1999/2?view=week} share a pattern, and so do
 * {@code /grow/more/}, {@code /grow/more/more/} and {@code /grow/more/more/more/}.
 */
final class UrlPattern {
  private UrlPattern() {}

  /** The pattern of {@code canonicalUrl}, whose host is {@code host}. */
  static String of(String canonicalUrl, String host) {
    int pathStart = canonicalUrl.indexOf('/', canonicalUrl.indexOf("://") + 3);
    if (pathStart < 0) {
      return host;
    }
    int queryStart = canonicalUrl.indexOf('?', pathStart);
    int pathEnd = queryStart < 0 ? canonicalUrl.length() : queryStart;
    int firstEnd = segmentEnd(canonicalUrl, pathStart + 1, pathEnd);
    StringBuilder b = new StringBuilder(host.length() + pathEnd - pathStart + 8).append(host).append('/');
    appendShape(b, canonicalUrl, pathStart + 1, firstEnd);
    if (firstEnd < pathEnd) { // the other segments, as a sorted set written "[a, b]"
      int secondEnd = segmentEnd(canonicalUrl, firstEnd + 1, pathEnd);
      if (secondEnd == pathEnd) { // one: no set to build (most links)
        appendShape(b.append("/["), canonicalUrl, firstEnd + 1, pathEnd).append(']');
      } else {
        TreeSet<String> others = new TreeSet<>();
        for (int i = firstEnd + 1; i <= pathEnd; ) {
          int end = segmentEnd(canonicalUrl, i, pathEnd);
          others.add(appendShape(new StringBuilder(end - i), canonicalUrl, i, end).toString());
          i = end + 1;
        }
        b.append('/').append(others);
      }
    }
    if (queryStart >= 0) {
      TreeSet<String> keys = new TreeSet<>();
      for (String param : canonicalUrl.substring(queryStart + 1).split("&")) {
        int eq = param.indexOf('=');
        keys.add(eq < 0 ? param : param.substring(0, eq));
      }
      b.append('?').append(keys);
    }
    return b.toString();
  }

  /** Whether a non-empty path segment of {@code canonicalUrl} occurs more than {@code max} times. */
  static boolean repeatsASegment(String canonicalUrl, int max) {
    int pathStart = canonicalUrl.indexOf('/', canonicalUrl.indexOf("://") + 3);
    if (pathStart < 0) {
      return false;
    }
    int queryStart = canonicalUrl.indexOf('?', pathStart);
    int pathEnd = queryStart < 0 ? canonicalUrl.length() : queryStart;
    int slashes = 0;
    for (int i = pathStart + 1; i < pathEnd; i++) {
      slashes += canonicalUrl.charAt(i) == '/' ? 1 : 0;
    }
    if (slashes < max) { // at most max segments: none can occur more often (no split, no map, on every link)
      return false;
    }
    String[] segments = canonicalUrl.substring(pathStart + 1, pathEnd).split("/");
    if (segments.length <= max) {
      return false;
    }
    Map<String, Integer> counts = new HashMap<>();
    for (String segment : segments) {
      if (!segment.isEmpty() && counts.merge(segment, 1, Integer::sum) > max) {
        return true;
      }
    }
    return false;
  }

  /** The end of the path segment that starts at {@code from}: the next {@code /}, or {@code pathEnd}. */
  private static int segmentEnd(String s, int from, int pathEnd) {
    int slash = s.indexOf('/', from);
    return slash < 0 || slash > pathEnd ? pathEnd : slash;
  }

  /** Appends {@code s[from, to)} with each run of digits as one {@code 0}. */
  private static StringBuilder appendShape(StringBuilder b, String s, int from, int to) {
    boolean inDigits = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      if (!digit) {
        b.append(c);
      } else if (!inDigits) {
        b.append('0');
      }
      inDigits = digit;
    }
    return b;
  }
}
