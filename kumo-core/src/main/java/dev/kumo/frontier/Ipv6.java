package dev.kumo.frontier;

import org.jspecify.annotations.Nullable;

/**
 * Parses an IPv6 address (the text between the brackets of a URL host) and writes it in its one canonical
 * form: lower-case hex without leading zeros, the first longest run of two or more zero pieces shortened to
 * {@code ::}, an embedded IPv4 tail written as hex (the WHATWG URL serialisation, which follows RFC 5952).
 */
final class Ipv6 {
  private static final int PIECES = 8;

  private Ipv6() {}

  /**
   * Appends {@code [address]} for {@code s[from, to)} to {@code out}.
   *
   * @return false, appending nothing, if the text is no IPv6 address (zone ids are not accepted)
   */
  static boolean appendNormalized(StringBuilder out, CharSequence s, int from, int to) {
    int[] address = parse(s, from, to);
    if (address == null) {
      return false;
    }
    serialize(out, address);
    return true;
  }

  /** The eight 16-bit pieces, or null; the WHATWG IPv6 parser. */
  private static int @Nullable [] parse(CharSequence s, int from, int to) {
    int[] address = new int[PIECES];
    int piece = 0;
    int compress = -1;
    int p = from;
    if (p < to && s.charAt(p) == ':') {
      if (p + 1 >= to || s.charAt(p + 1) != ':') {
        return null;
      }
      p += 2;
      compress = ++piece;
    }
    while (p < to) {
      if (piece == PIECES) {
        return null;
      }
      if (s.charAt(p) == ':') {
        if (compress >= 0) {
          return null;
        }
        p++;
        compress = ++piece;
        continue;
      }
      int value = 0;
      int length = 0;
      while (length < 4 && p < to && PercentEncoding.hexValue(s.charAt(p)) >= 0) {
        value = value << 4 | PercentEncoding.hexValue(s.charAt(p));
        p++;
        length++;
      }
      if (p < to && s.charAt(p) == '.') {
        if (length == 0 || piece > PIECES - 2 || !parseIpv4Tail(s, p - length, to, address, piece)) {
          return null;
        }
        piece += 2;
        break;
      }
      if (p < to) {
        if (s.charAt(p) != ':' || ++p == to) {
          return null;
        }
      }
      address[piece++] = value;
    }
    if (compress >= 0) {
      int swaps = piece - compress;
      for (int i = PIECES - 1; i != 0 && swaps > 0; i--, swaps--) {
        int j = compress + swaps - 1;
        int t = address[i];
        address[i] = address[j];
        address[j] = t;
      }
    } else if (piece != PIECES) {
      return null;
    }
    return address;
  }

  /** Parses a dotted IPv4 address filling {@code address[piece]} and {@code address[piece + 1]}. */
  private static boolean parseIpv4Tail(CharSequence s, int from, int to, int[] address, int piece) {
    int numbers = 0;
    int p = from;
    while (p < to) {
      if (numbers > 0) {
        if (s.charAt(p) != '.' || numbers == 4) {
          return false;
        }
        p++;
      }
      if (p == to || !isDigit(s.charAt(p))) {
        return false;
      }
      int number = -1;
      while (p < to && isDigit(s.charAt(p))) {
        if (number == 0) {
          return false; // a leading zero
        }
        number = (number < 0 ? 0 : number * 10) + (s.charAt(p) - '0');
        if (number > 255) {
          return false;
        }
        p++;
      }
      int i = piece + numbers / 2;
      address[i] = address[i] << 8 | number;
      numbers++;
    }
    return numbers == 4;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static void serialize(StringBuilder out, int[] address) {
    int compress = longestZeroRun(address);
    out.append('[');
    for (int i = 0; i < PIECES; i++) {
      if (i == compress) {
        out.append(i == 0 ? "::" : ":");
        while (i + 1 < PIECES && address[i + 1] == 0) {
          i++;
        }
        continue;
      }
      out.append(Integer.toHexString(address[i]));
      if (i != PIECES - 1) {
        out.append(':');
      }
    }
    out.append(']');
  }

  /** The start of the first longest run of at least two zero pieces, or -1. */
  private static int longestZeroRun(int[] address) {
    int best = -1;
    int bestLength = 1;
    for (int i = 0; i < PIECES; ) {
      if (address[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < PIECES && address[i] == 0) {
        i++;
      }
      if (i - start > bestLength) {
        best = start;
        bestLength = i - start;
      }
    }
    return best;
  }
}
