package dev.kumo.frontier;

/**
 * Recognises, in one pass that allocates nothing, a URL that {@link UrlCanonicalizer} would return unchanged
 * whatever its options: the common link of a crawl ({@code http://example.com/a/b.html}), which is then not
 * rewritten. Conservative: a URL it does not recognise may be canonical all the same, and is rewritten.
 *
 * <p>Recognised: {@code http://} or {@code https://} in lower case; a host of lower-case letters, digits,
 * {@code -} and {@code _} in labels of 1 to {@value Host#MAX_LABEL_LENGTH} characters, at most {@value
 * Host#MAX_HOST_LENGTH} in all, without a trailing dot; an optional port other than the scheme's default,
 * written without leading zeros; then a non-empty path of characters that are copied as they are (no escape,
 * no {@code ;} path parameter), with no {@code .} or {@code ..} segment; no query, no fragment, no user info.
 */
final class CanonicalForm {
  /** Printable ASCII copied as is in a path; not {@code % ; ? #} nor what is percent-encoded. */
  private static final boolean[] PATH = new boolean[128];

  static {
    for (char c = '!'; c < 0x7f; c++) {
      PATH[c] = "\"<>`{}|\\^%;?#".indexOf(c) < 0;
    }
  }

  private CanonicalForm() {}

  /** Whether {@code url} is recognised as canonical (see the class description). */
  static boolean holds(String url) {
    int hostStart;
    int defaultPort;
    if (url.startsWith("http://")) {
      hostStart = 7;
      defaultPort = 80;
    } else if (url.startsWith("https://")) {
      hostStart = 8;
      defaultPort = 443;
    } else {
      return false;
    }
    int hostEnd = hostEnd(url, hostStart);
    if (hostEnd < 0) {
      return false;
    }
    int pathStart = hostEnd;
    if (hostEnd < url.length() && url.charAt(hostEnd) == ':') {
      pathStart = portEnd(url, hostEnd + 1, defaultPort);
      if (pathStart < 0) {
        return false;
      }
    }
    return pathStart < url.length() && url.charAt(pathStart) == '/' && isPlainPath(url, pathStart);
  }

  /** The end of a recognised host starting at {@code from}, or -1. */
  private static int hostEnd(String url, int from) {
    int labelStart = from;
    int i = from;
    for (; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '.') {
        if (i == labelStart || i - labelStart > Host.MAX_LABEL_LENGTH) {
          return -1;
        }
        labelStart = i + 1;
      } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        break;
      }
    }
    boolean lastLabelOk = i > labelStart && i - labelStart <= Host.MAX_LABEL_LENGTH; // also: no trailing dot
    return lastLabelOk && i - from <= Host.MAX_HOST_LENGTH ? i : -1;
  }

  /** The end of a recognised port starting at {@code from} (after the colon), or -1. */
  private static int portEnd(String url, int from, int defaultPort) {
    int port = 0;
    int i = from;
    for (; i < url.length() && i - from <= 5; i++) {
      char c = url.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      port = port * 10 + (c - '0');
    }
    boolean written = i > from && i - from <= 5 && (url.charAt(from) != '0' || i - from == 1);
    return written && port <= 65535 && port != defaultPort ? i : -1;
  }

  /** Whether the path from {@code from} (a {@code /}) to the end is copied as is and has no dot segment. */
  private static boolean isPlainPath(String url, int from) {
    int segmentStart = from + 1;
    for (int i = segmentStart; i <= url.length(); i++) {
      char c = i == url.length() ? '/' : url.charAt(i);
      if (c == '/') {
        int length = i - segmentStart;
        if ((length == 1 || length == 2) && url.charAt(segmentStart) == '.' && url.charAt(i - 1) == '.') {
          return false;
        }
        segmentStart = i + 1;
      } else if (c >= 0x80 || !PATH[c]) {
        return false;
      }
    }
    return true;
  }
}
