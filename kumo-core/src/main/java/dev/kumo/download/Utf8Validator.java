package dev.kumo.download;

/**
 * Checks whether bytes are well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates, nothing above
 * U+10FFFF), without decoding or copying them.
 */
final class Utf8Validator {
  private Utf8Validator() {}

  /**
   * Whether {@code bytes} is well-formed UTF-8. A sequence cut short by the end of the array counts as
   * well-formed, since bodies are often truncated at a size limit.
   */
  static boolean isValid(byte[] bytes) {
    int i = 0;
    int n = bytes.length;
    while (i < n) {
      int b = bytes[i];
      if (b >= 0) { // ASCII: the common case, keep the loop tight
        i++;
        continue;
      }
      int lead = b & 0xFF;
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
        return false; // continuation byte without a lead, C0, C1, F5..FF
      }
      for (int k = 1; k < length; k++) {
        if (i + k >= n) {
          return true; // truncated at the end of the body
        }
        int c = bytes[i + k] & 0xFF;
        int lo = k == 1 ? min : 0x80;
        int hi = k == 1 ? max : 0xBF;
        if (c < lo || c > hi) {
          return false;
        }
      }
      i += length;
    }
    return true;
  }
}
