package dev.kumo.download;

/**
 * Checks whether bytes are UTF-8 (Unicode table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF),
 * without decoding or copying them.
 */
final class Utf8Validator {
  /**
   * A body with malformed sequences still counts as UTF-8 when it has at least this many well-formed multi-byte
   * sequences per malformed one: a UTF-8 page with a stray byte stays UTF-8, while a legacy CJK or Cyrillic page
   * read as UTF-8 has several malformed sequences per well-formed one (measured in docs/BENCHMARKS.md).
   */
  static final int WELL_FORMED_PER_MALFORMED = 2;

  private Utf8Validator() {}

  /**
   * Whether {@code bytes} is well-formed UTF-8. A sequence cut short by the end of the array counts as
   * well-formed, since bodies are often truncated at a size limit.
   */
  static boolean isValid(byte[] bytes) {
    return scan(bytes, true) >>> 32 == 0;
  }

  /**
   * Whether {@code bytes} is UTF-8 with at most a few flaws: well-formed, or with at least
   * {@value #WELL_FORMED_PER_MALFORMED} well-formed multi-byte sequences per malformed one.
   */
  static boolean isMostlyUtf8(byte[] bytes) {
    long counts = scan(bytes, false);
    long malformed = counts >>> 32;
    long wellFormed = counts & 0xFFFFFFFFL;
    return malformed == 0 || wellFormed >= malformed * WELL_FORMED_PER_MALFORMED;
  }

  /**
   * Counts malformed sequences (high 32 bits) and well-formed multi-byte sequences (low 32 bits); with
   * {@code stopAtFirstError}, returns a non-zero high half at the first malformed sequence.
   */
  private static long scan(byte[] bytes, boolean stopAtFirstError) {
    long malformed = 0;
    long wellFormed = 0;
    int i = 0;
    int n = bytes.length;
    while (i < n) {
      if (bytes[i] >= 0) { // ASCII: the common case, keep the loop tight
        i++;
        continue;
      }
      int length = sequenceLength(bytes, i);
      if (length > 0) {
        wellFormed++;
        i += length;
      } else {
        if (stopAtFirstError) {
          return 1L << 32;
        }
        malformed++;
        i++;
      }
    }
    return Math.min(malformed, 0xFFFFFFFFL) << 32 | Math.min(wellFormed, 0xFFFFFFFFL);
  }

  /**
   * The length of the well-formed multi-byte sequence at {@code i} (or of what is left of it when the array
   * ends first), or 0 when it is malformed.
   */
  private static int sequenceLength(byte[] bytes, int i) {
    int lead = bytes[i] & 0xFF;
    int length;
    int min = 0x80; // bounds of the second byte, narrower after some leads
    int max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) {
        min = 0xA0; // overlong
      } else if (lead == 0xED) {
        max = 0x9F; // surrogates
      }
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) {
        min = 0x90; // overlong
      } else if (lead == 0xF4) {
        max = 0x8F; // above U+10FFFF
      }
    } else {
      return 0; // continuation byte without a lead, C0, C1, F5..FF
    }
    for (int k = 1; k < length; k++) {
      if (i + k >= bytes.length) {
        return k; // truncated at the end of the body
      }
      int c = bytes[i + k] & 0xFF;
      int lo = k == 1 ? min : 0x80;
      int hi = k == 1 ? max : 0xBF;
      if (c < lo || c > hi) {
        return 0;
      }
    }
    return length;
  }
}
