package dev.kumo.frontier;

/**
 * Percent-escape normalisation of one URL component (userinfo, path, query or fragment), appended to a
 * builder in one pass: escapes of unreserved characters are decoded, other escapes get upper-case hex,
 * characters that must be escaped are encoded (non-ASCII as UTF-8), and a {@code %} that starts no valid
 * escape becomes {@code %25}. Everything else, reserved characters included, is copied as is.
 */
final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** ASCII characters that are copied as they are; the rest of ASCII is encoded (and {@code %} handled). */
  private static final boolean[] KEPT = new boolean[128];

  /** ALPHA / DIGIT / "-" / "." / "_" / "~" (RFC 3986 unreserved). */
  private static final boolean[] UNRESERVED = new boolean[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      UNRESERVED[c] = true;
      UNRESERVED[Character.toUpperCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      UNRESERVED[c] = true;
    }
    for (char c : "-._~".toCharArray()) {
      UNRESERVED[c] = true;
    }
    for (char c = '!'; c < 0x7f; c++) {
      KEPT[c] = "\"<>`{}|\\^%".indexOf(c) < 0;
    }
  }

  private PercentEncoding() {}

  /** Appends {@code s[from, to)} to {@code out}, normalised as the class describes. */
  static void appendNormalized(StringBuilder out, CharSequence s, int from, int to) {
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (c < 0x80 && KEPT[c]) {
        out.append(c);
        i++;
      } else if (c == '%') {
        i = appendEscape(out, s, i, to);
      } else if (c < 0x80) {
        appendByte(out, c);
        i++;
      } else {
        i = appendUtf8(out, s, i, to);
      }
    }
  }

  /** Whether {@code c} is an RFC 3986 unreserved character. */
  static boolean isUnreserved(int c) {
    return c < 0x80 && UNRESERVED[c];
  }

  /** The value of hex digit {@code c}, or -1. */
  static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }

  /** The byte escaped at {@code s[i]} ({@code %XX}, {@code i + 2 < to}), or -1 if it is no valid escape. */
  static int escapedByte(CharSequence s, int i, int to) {
    if (i + 2 >= to) {
      return -1;
    }
    int high = hexValue(s.charAt(i + 1));
    int low = hexValue(s.charAt(i + 2));
    return high < 0 || low < 0 ? -1 : high << 4 | low;
  }

  private static int appendEscape(StringBuilder out, CharSequence s, int i, int to) {
    int b = escapedByte(s, i, to);
    if (b < 0) {
      out.append("%25");
      return i + 1;
    }
    if (isUnreserved(b)) {
      out.append((char) b);
    } else {
      appendByte(out, b);
    }
    return i + 3;
  }

  private static int appendUtf8(StringBuilder out, CharSequence s, int i, int to) {
    int cp = Utf8.codePointAt(s, i, to);
    int length = Utf8.length(cp);
    for (int k = 0; k < length; k++) {
      appendByte(out, Utf8.byteAt(cp, length, k));
    }
    return i + Character.charCount(cp);
  }

  private static void appendByte(StringBuilder out, int b) {
    out.append('%').append(HEX[b >> 4 & 0xF]).append(HEX[b & 0xF]);
  }
}
