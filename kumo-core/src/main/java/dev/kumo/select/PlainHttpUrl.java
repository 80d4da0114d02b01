package dev.kumo.select;

import dev.kumo.internal.Hrefs;
import org.jspecify.annotations.Nullable;

/**
 * An absolute http(s) URL split by hand, for the common case where {@link java.net.URI} would accept it and give
 * the same parts: a lower-case {@code http://} or {@code https://}, a host of ASCII letters, digits, dots and
 * hyphens, an optional port, then only characters a URI allows where they are (no {@code [ ]}, every {@code %}
 * followed by two hex digits, one {@code #} at most). Anything else is left to {@code URI}.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host as written (not yet normalised)
 * @param path the raw path, "" for none
 */
record PlainHttpUrl(String scheme, String host, String path) {
  private static final String URI_PUNCTUATION = "-_.!~*'();/:@&=+$,?";

  /** The parts of {@code url}, or null when it is not a plain http(s) URL. */
  static @Nullable PlainHttpUrl split(String url) {
    String scheme = url.startsWith("http://") ? "http" : url.startsWith("https://") ? "https" : null;
    if (scheme == null) {
      return null;
    }
    int n = url.length();
    int hostStart = scheme.length() + 3;
    int i = hostStart;
    while (i < n && isHostChar(url.charAt(i))) {
      i++;
    }
    int hostEnd = i;
    if (hostEnd == hostStart) {
      return null;
    }
    if (i < n && url.charAt(i) == ':') {
      int portStart = ++i;
      while (i < n && isDigit(url.charAt(i))) {
        i++;
      }
      if (i == portStart || i - portStart > 5) {
        return null;
      }
    }
    int pathStart = i;
    if (i < n && url.charAt(i) != '/' && url.charAt(i) != '?' && url.charAt(i) != '#') {
      return null;
    }
    int pathEnd = n;
    boolean fragment = false;
    for (; i < n; i++) {
      char c = url.charAt(i);
      if (c == '?' || c == '#') {
        pathEnd = Math.min(pathEnd, i);
        if (c == '#') {
          if (fragment) {
            return null;
          }
          fragment = true;
        }
      } else if (c == '%') {
        if (!Hrefs.isEscape(url, i)) {
          return null;
        }
      } else if (!(isAsciiAlphanumeric(c) || URI_PUNCTUATION.indexOf(c) >= 0)) {
        return null;
      }
    }
    return new PlainHttpUrl(scheme, url.substring(hostStart, hostEnd), url.substring(pathStart, pathEnd));
  }

  private static boolean isHostChar(char c) {
    return isAsciiAlphanumeric(c) || c == '.' || c == '-';
  }

  private static boolean isAsciiAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
