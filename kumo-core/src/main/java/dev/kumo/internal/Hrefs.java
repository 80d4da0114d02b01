package dev.kumo.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns raw {@code href} values into URI references Java can resolve, the way browsers read them: surrounding
 * white space and control characters dropped, tabs and newlines removed, characters that are not allowed in a
 * URI ({@code space " < > ^ ` { | } \}, a stray {@code %}, non-ASCII and {@code [ ]} outside the host, a second
 * {@code #}) percent-encoded as UTF-8.
 */
public final class Hrefs {
  private static final String ALWAYS_ENCODED = "\"<>\\^`{|}";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Hrefs() {}

  /** {@code raw} cleaned up and percent-encoded where needed; "" when it is blank. */
  public static String clean(String raw) {
    int start = 0;
    int end = raw.length();
    while (start < end && raw.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && raw.charAt(end - 1) <= ' ') {
      end--;
    }
    String s = raw.substring(start, end);
    if (isClean(s)) {
      return s;
    }
    int hostEnd = authorityEnd(s);
    boolean inFragment = false;
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int width = Character.charCount(c);
      boolean afterHost = i >= hostEnd;
      if (c == '\t' || c == '\n' || c == '\r') {
        // browsers drop them anywhere in a URL
      } else if (c == '%' && !isEscape(s, i)) {
        out.append("%25");
      } else if (c <= ' ' || c == 0x7F || ALWAYS_ENCODED.indexOf(c) >= 0
          || (afterHost && (c >= 0x80 || c == '[' || c == ']'))
          || (c == '#' && inFragment)) {
        encode(c, out);
      } else {
        inFragment |= c == '#';
        out.appendCodePoint(c);
      }
      i += width;
    }
    return out.toString();
  }

  /**
   * Whether {@link #clean} would copy {@code s} unchanged: printable ASCII only, none of the characters it encodes
   * anywhere or after the host ({@code [ ]}), every {@code %} followed by two hex digits, at most one {@code #}.
   * Most hrefs are like that, and the check is a single pass that copies nothing.
   */
  private static boolean isClean(String s) {
    boolean fragment = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c >= 0x7F || c == '[' || c == ']' || ALWAYS_ENCODED.indexOf(c) >= 0
          || (c == '%' && !isEscape(s, i))) {
        return false;
      }
      if (c == '#') {
        if (fragment) {
          return false;
        }
        fragment = true;
      }
    }
    return true;
  }

  /** The scheme of {@code href} in lower case, or null when it has none (a relative reference). */
  public static @Nullable String scheme(String href) {
    int colon = href.indexOf(':');
    if (colon < 1 || !isAsciiLetter(href.charAt(0))) {
      return null;
    }
    for (int i = 1; i < colon; i++) {
      char c = href.charAt(i);
      if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
        return null;
      }
    }
    return href.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  /** The index just after the authority of {@code s} ({@code //host:port}), or 0 when it has none. */
  private static int authorityEnd(String s) {
    String scheme = scheme(s);
    int from = scheme == null ? 0 : scheme.length() + 1;
    if (!s.startsWith("//", from)) {
      return 0;
    }
    int i = from + 2;
    while (i < s.length() && "/?#\\".indexOf(s.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  private static void encode(int codePoint, StringBuilder out) {
    for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
      out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
  }

  /** Whether the {@code %} at {@code i} of {@code s} starts a percent-escape: two hex digits follow it. */
  public static boolean isEscape(String s, int i) {
    return isHex(s, i + 1) && isHex(s, i + 2);
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
