package dev.kumo.cache;

import dev.kumo.Headers;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The directives of the {@code Cache-Control} headers of a message (RFC 9111 section 5.2), names lower-cased;
 * {@code Pragma: no-cache} counts as {@code no-cache}. Malformed directives are ignored. Immutable.
 */
final class CacheControl {
  private final Map<String, @Nullable String> directives;

  private CacheControl(Map<String, @Nullable String> directives) {
    this.directives = directives;
  }

  static CacheControl of(Headers headers) {
    Map<String, @Nullable String> d = new HashMap<>();
    for (String value : headers.all("Cache-Control")) {
      for (String part : value.split(",")) {
        String p = part.strip();
        if (p.isEmpty()) {
          continue;
        }
        int eq = p.indexOf('=');
        String name = (eq < 0 ? p : p.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
        String arg = eq < 0 ? null : p.substring(eq + 1).strip().replace("\"", "");
        d.putIfAbsent(name, arg);
      }
    }
    for (String pragma : headers.all("Pragma")) {
      if (pragma.toLowerCase(Locale.ROOT).contains("no-cache")) {
        d.putIfAbsent("no-cache", null);
      }
    }
    return new CacheControl(d);
  }

  boolean has(String directive) {
    return directives.containsKey(directive);
  }

  /** The directive's value in seconds; empty when absent or not a number. */
  OptionalLong seconds(String directive) {
    String v = directives.get(directive);
    if (v == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
