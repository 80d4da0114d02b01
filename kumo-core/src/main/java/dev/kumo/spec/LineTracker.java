package dev.kumo.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * The line of each key path of a parsed spider file ({@code rules[1].allow[0]}, {@code items.book.fields}),
 * so that errors found after parsing can name it. Paths are built with {@link #child} and {@link #index}.
 */
final class LineTracker {
  private final Map<String, Integer> lines = new HashMap<>();

  /** The path of {@code key} in the map at {@code path}. */
  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The path of element {@code index} of the list at {@code path}. */
  static String index(String path, int index) {
    return path + "[" + index + "]";
  }

  /** Records that {@code path} starts on {@code line} (1-based). */
  void record(String path, int line) {
    lines.putIfAbsent(path, line);
  }

  /** The line of {@code path}, else of its nearest recorded ancestor (a missing key's map), else -1. */
  int line(String path) {
    for (String p = path; ; p = parent(p)) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      if (p.isEmpty()) {
        return -1;
      }
    }
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
