package dev.kumo.frontier;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Checks a URL host and writes its canonical form: an IPv6 literal in brackets (see {@link Ipv6}), or a
 * domain name (or IPv4 address) in lower case, percent-escapes decoded, internationalised labels as
 * punycode, the trailing root dot removed.
 */
final class Host {
  /** The longest DNS label. */
  static final int MAX_LABEL_LENGTH = 63;

  /** The longest DNS name, without the root dot. */
  static final int MAX_HOST_LENGTH = 253;

  private Host() {}

  /** Appends the canonical form of the host {@code s[from, to)}, its port split off, to {@code out}. */
  static void append(StringBuilder out, String s, int from, int to, String url) throws InvalidUrlException {
    if (from == to) {
      throw UrlCanonicalizer.malformed(url, "empty host");
    }
    if (s.charAt(from) == '[') {
      if (s.charAt(to - 1) != ']' || !Ipv6.appendNormalized(out, s, from + 1, to - 1)) {
        throw UrlCanonicalizer.malformed(url, "bad IPv6 address");
      }
      return;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '%' || c >= 0x80) {
        String ascii = toAscii(decode(s, from, to, url), url);
        appendAscii(out, ascii, 0, ascii.length(), url);
        return;
      }
    }
    appendAscii(out, s, from, to, url);
  }

  /** Checks an ASCII host name and appends it in lower case, without its trailing root dot. */
  private static void appendAscii(StringBuilder out, String s, int from, int to, String url)
      throws InvalidUrlException {
    int end = to > from && s.charAt(to - 1) == '.' ? to - 1 : to;
    if (end == from) {
      throw UrlCanonicalizer.malformed(url, "empty host");
    }
    if (end - from > MAX_HOST_LENGTH) {
      throw UrlCanonicalizer.malformed(url, "host too long");
    }
    int labelStart = from;
    for (int i = from; i <= end; i++) {
      char c = i == end ? '.' : s.charAt(i);
      if (c == '.') {
        if (i == labelStart || i - labelStart > MAX_LABEL_LENGTH) {
          throw UrlCanonicalizer.malformed(url, "empty or too long label in host");
        }
        labelStart = i + 1;
        if (i < end) {
          out.append('.');
        }
      } else if (c >= 'A' && c <= 'Z') {
        out.append((char) (c | 0x20));
      } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
        out.append(c);
      } else {
        throw UrlCanonicalizer.malformed(url, "illegal character in host");
      }
    }
  }

  /** Percent-decodes {@code s[from, to)} as UTF-8. */
  private static String decode(String s, int from, int to, String url) throws InvalidUrlException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
    int run = from;
    for (int i = from; i < to; ) {
      if (s.charAt(i) != '%') {
        i++;
        continue;
      }
      bytes.writeBytes(s.substring(run, i).getBytes(StandardCharsets.UTF_8));
      int b = PercentEncoding.escapedByte(s, i, to);
      if (b < 0) {
        throw UrlCanonicalizer.malformed(url, "bad percent-escape in host");
      }
      bytes.write(b);
      i += 3;
      run = i;
    }
    bytes.writeBytes(s.substring(run, to).getBytes(StandardCharsets.UTF_8));
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw UrlCanonicalizer.malformed(url, "percent-escapes in host are not UTF-8");
    }
  }

  /** The IDNA (punycode) form of a host name with non-ASCII labels. */
  private static String toAscii(String host, String url) throws InvalidUrlException {
    try {
      return IDN.toASCII(host);
    } catch (IllegalArgumentException e) {
      throw UrlCanonicalizer.malformed(url, "bad internationalised host name");
    }
  }
}
