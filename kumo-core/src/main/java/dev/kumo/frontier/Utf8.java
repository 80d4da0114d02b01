package dev.kumo.frontier;

/**
 * UTF-8 encoding one code point at a time, without allocating: {@link #codePointAt} reads a code point
 * (a lone surrogate reads as U+FFFD, as {@code String.getBytes(UTF_8)} has it), {@link #length(int)} and
 * {@link #byteAt} give its bytes.
 */
final class Utf8 {
  private static final int REPLACEMENT = 0xFFFD;

  private Utf8() {}

  /** The code point at {@code s[i]}, {@code i < to}; it spans {@link Character#charCount} chars. */
  static int codePointAt(CharSequence s, int i, int to) {
    char c = s.charAt(i);
    if (!Character.isSurrogate(c)) {
      return c;
    }
    if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
      return Character.toCodePoint(c, s.charAt(i + 1));
    }
    return REPLACEMENT;
  }

  /** The number of bytes that encode {@code codePoint}. */
  static int length(int codePoint) {
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }

  /** The number of bytes that encode {@code s}. */
  static int length(CharSequence s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = codePointAt(s, i, s.length());
      bytes += length(cp);
      i += Character.charCount(cp);
    }
    return bytes;
  }

  /** Byte {@code k} (0-based, unsigned) of the {@code length}-byte encoding of {@code codePoint}. */
  static int byteAt(int codePoint, int length, int k) {
    if (length == 1) {
      return codePoint;
    }
    int shift = 6 * (length - 1 - k);
    return k == 0 ? (0xFF00 >> length & 0xFF) | codePoint >> shift : 0x80 | codePoint >> shift & 0x3F;
  }
}
