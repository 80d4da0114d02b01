package dev.kumo.frontier;

/**
 * Finds session-id parameters in a canonical URL being written: query keys and {@code ;name=value} path
 * parameters whose name is one of the configured session-id names, in any case.
 */
final class SessionIds {
  private SessionIds() {}

  /** Whether {@code out[from, to)} equals one of the lower-case {@code keys}, ignoring case. */
  static boolean matches(CharSequence out, int from, int to, String[] keys) {
    for (String key : keys) {
      if (key.length() == to - from && regionEqualsIgnoreCase(out, from, key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Removes from the path written at {@code out[pathStart, end)} every {@code ;name[=value]} path parameter
   * whose name is one of {@code keys}; other path parameters are kept.
   */
  static void stripPathParams(StringBuilder out, int pathStart, String[] keys) {
    int i = out.indexOf(";", pathStart);
    while (i >= 0) {
      int end = i + 1;
      int eq = -1;
      for (char c; end < out.length() && (c = out.charAt(end)) != '/' && c != ';'; end++) {
        if (c == '=' && eq < 0) {
          eq = end;
        }
      }
      if (matches(out, i + 1, eq < 0 ? end : eq, keys)) {
        out.delete(i, end);
        i = out.indexOf(";", i);
      } else {
        i = out.indexOf(";", end);
      }
    }
  }

  private static boolean regionEqualsIgnoreCase(CharSequence out, int from, String lowerKey) {
    for (int k = 0; k < lowerKey.length(); k++) {
      char c = out.charAt(from + k);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c | 0x20);
      }
      if (c != lowerKey.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
