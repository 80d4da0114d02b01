package dev.kumo.frontier;

/**
 * Writes the canonical form of a URL path in one pass: {@code /} for an empty path, escapes normalised by
 * {@link PercentEncoding}, and dot-segments removed as RFC 3986 (5.2.4) does. Escapes are normalised before
 * a segment is looked at, so {@code %2E%2E} is a {@code ..} segment too, and the result is stable.
 */
final class UrlPath {
  private UrlPath() {}

  /** Appends the canonical form of the path {@code s[from, to)}, empty or starting with {@code /}. */
  static void append(StringBuilder out, String s, int from, int to) {
    int root = out.length();
    out.append('/');
    int segmentStart = out.length();
    for (int i = from + 1; i <= to; ) {
      int slash = i;
      while (slash < to && s.charAt(slash) != '/') {
        slash++;
      }
      PercentEncoding.appendNormalized(out, s, i, slash);
      int length = out.length() - segmentStart;
      if (isDots(out, segmentStart, length)) {
        out.setLength(segmentStart);
        if (length == 2 && segmentStart - 1 > root) {
          out.setLength(lastSlash(out, segmentStart - 2) + 1);
        }
      } else if (slash < to) {
        out.append('/');
      }
      segmentStart = out.length();
      i = slash + 1;
    }
  }

  /** Whether the segment is {@code .} or {@code ..}. */
  private static boolean isDots(CharSequence out, int start, int length) {
    return (length == 1 || length == 2) && out.charAt(start) == '.' && out.charAt(start + length - 1) == '.';
  }

  private static int lastSlash(CharSequence out, int from) {
    int i = from;
    while (out.charAt(i) != '/') {
      i--;
    }
    return i;
  }
}
