package dev.kumo.download;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns the charset labels found in headers and meta tags into Java charsets, the way browsers read them (the
 * WHATWG Encoding standard): {@code iso-8859-1} and {@code us-ascii} mean windows-1252, {@code gb2312} means
 * GB18030, and so on. Labels browsers do not remap are looked up in Java's own alias table.
 */
final class CharsetLabels {
  /** Label (lower case) to charset, for the labels whose browser meaning differs from Java's or is missing. */
  private static final Map<String, Charset> BROWSER_LABELS = new HashMap<>();

  static {
    alias("UTF-8", "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8");
    alias("windows-1252", "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso88591",
        "iso_8859-1", "iso_8859-1:1987", "latin1", "l1", "cp819", "ibm819", "csisolatin1", "iso-ir-100",
        "us-ascii", "ascii", "ansi_x3.4-1968", "x-user-defined");
    alias("GB18030", "gb18030", "gbk", "x-gbk", "gb2312", "gb_2312", "gb_2312-80", "csgb2312", "chinese",
        "csiso58gb231280", "iso-ir-58", "cp936", "ms936", "windows-936");
    alias("Shift_JIS", "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis");
    alias("x-windows-949", "euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "korean",
        "csksc56011987", "iso-ir-149", "windows-949", "cp949");
    alias("Big5-HKSCS", "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5");
    alias("windows-1254", "iso-8859-9", "iso8859-9", "iso88599", "iso_8859-9", "latin5", "l5", "csisolatin5",
        "iso-ir-148");
    alias("x-windows-874", "windows-874", "dos-874", "tis-620", "iso-8859-11", "iso8859-11", "iso885911");
    alias("UTF-16LE", "utf-16", "utf-16le", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff");
    alias("UTF-16BE", "utf-16be", "unicodefffe");
  }

  private CharsetLabels() {}

  private static void alias(String javaName, String... labels) {
    Charset cs = lookup(javaName);
    if (cs == null) {
      return; // a JDK without jdk.charsets: those labels fall back to Java's table
    }
    for (String label : labels) {
      BROWSER_LABELS.put(label, cs);
    }
  }

  /** The charset a label names, or null when it names none this JVM supports. Never throws. */
  static @Nullable Charset forLabel(String label) {
    String key = trimLabel(label).toLowerCase(Locale.ROOT);
    if (key.isEmpty()) {
      return null;
    }
    Charset cs = BROWSER_LABELS.get(key);
    return cs != null ? cs : lookup(key);
  }

  private static @Nullable Charset lookup(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  /** The label without surrounding whitespace and quotes. */
  private static String trimLabel(String label) {
    int start = 0;
    int end = label.length();
    while (start < end && isSpaceOrQuote(label.charAt(start))) {
      start++;
    }
    while (end > start && isSpaceOrQuote(label.charAt(end - 1))) {
      end--;
    }
    return label.substring(start, end);
  }

  private static boolean isSpaceOrQuote(char c) {
    return c == '"' || c == '\'' || isSpace(c);
  }

  /** ASCII whitespace as HTML defines it. */
  static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  /**
   * The value of the {@code charset} parameter in a {@code Content-Type} value (header, or a meta tag's
   * {@code content}), unquoted; null when there is none. Follows the lenient HTML rule: the first
   * {@code charset} followed by {@code =}, in any case, anywhere in the value.
   */
  static @Nullable String charsetParam(String contentType) {
    int from = 0;
    int n = contentType.length();
    while (true) {
      int at = indexOfCharset(contentType, from);
      if (at < 0) {
        return null;
      }
      int i = skipSpaces(contentType, at + "charset".length());
      if (i >= n || contentType.charAt(i) != '=') {
        from = at + 1;
        continue;
      }
      i = skipSpaces(contentType, i + 1);
      if (i >= n) {
        return null;
      }
      char quote = contentType.charAt(i);
      if (quote == '"' || quote == '\'') {
        int close = contentType.indexOf(quote, i + 1);
        return close < 0 ? null : contentType.substring(i + 1, close);
      }
      int end = i;
      while (end < n && !isSpace(contentType.charAt(end)) && contentType.charAt(end) != ';') {
        end++;
      }
      return end == i ? null : contentType.substring(i, end);
    }
  }

  private static int indexOfCharset(String s, int from) {
    for (int i = from; i + 7 <= s.length(); i++) {
      if (s.regionMatches(true, i, "charset", 0, 7)) {
        return i;
      }
    }
    return -1;
  }

  private static int skipSpaces(String s, int from) {
    int i = from;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
