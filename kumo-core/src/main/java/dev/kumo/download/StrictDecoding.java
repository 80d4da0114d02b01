package dev.kumo.download;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Whether bytes decode without a malformed or unmappable sequence in a multi-byte charset (GBK, Big5,
 * Shift_JIS, EUC-KR...). Single-byte charsets always pass: nearly any bytes decode in them, so a failure would
 * say nothing about the label.
 */
final class StrictDecoding {
  private static final int CHUNK = 8192;

  private StrictDecoding() {}

  /**
   * Whether the first {@code limit} bytes of {@code body} decode cleanly in {@code cs}; a sequence cut short by
   * the limit or the end of the body is not an error.
   */
  static boolean decodes(byte[] body, int limit, Charset cs) {
    CharsetDecoder decoder;
    try {
      decoder = cs.newDecoder();
    } catch (UnsupportedOperationException e) {
      return true; // a charset that cannot decode: nothing to check against
    }
    if (cs.canEncode() && cs.newEncoder().maxBytesPerChar() <= 1) {
      return true;
    }
    decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body, 0, Math.min(body.length, limit));
    CharBuffer out = CharBuffer.allocate(CHUNK);
    while (true) {
      CoderResult result = decoder.decode(in, out, false);
      if (result.isError()) {
        return false;
      }
      if (result.isUnderflow()) {
        return true; // what is left is an incomplete sequence at the end
      }
      out.clear();
    }
  }
}
