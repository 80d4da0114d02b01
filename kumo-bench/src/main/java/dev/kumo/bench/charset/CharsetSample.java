package dev.kumo.bench.charset;

import java.nio.charset.Charset;

/**
 * One page of the corpus: its bytes, the charset they were written in, and the text they hold.
 *
 * @param language the language's name
 * @param charset the charset the page was encoded in
 * @param chars how many characters of the language's text the page holds
 * @param bytes the encoded page
 * @param html the page as text
 */
record CharsetSample(String language, Charset charset, int chars, byte[] bytes, String html) {
  /** Whether {@code detected} turns the bytes back into the page's text (GBK read as GB18030 counts). */
  boolean decodesWith(Charset detected) {
    return detected != null && new String(bytes, detected).equals(html);
  }

  @Override
  public String toString() {
    return language + "/" + charset.name() + "/" + chars;
  }
}
