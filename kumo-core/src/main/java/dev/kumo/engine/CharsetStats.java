package dev.kumo.engine;

import dev.kumo.Response;
import dev.kumo.stats.Stats;

/**
 * Counts the charset of each text response handed to a callback, and where it was found:
 * {@code charset/detected/<charset>} (Java's name, e.g. {@code GB18030}, {@code Shift_JIS}) and
 * {@code charset/source/<header|bom|meta|detector|fallback>}. Deciding the charset here costs nothing extra:
 * the response keeps the decision for the callback's selectors.
 */
final class CharsetStats {
  private CharsetStats() {}

  /** Counts {@code response}'s charset when it is HTML, XML or {@code text/*}; other bodies are not text. */
  static void record(Response response, Stats stats) {
    if (!response.isMarkup() && !response.mediaType().startsWith("text/")) {
      return;
    }
    stats.increment("charset/detected/" + response.charset().name());
    stats.increment("charset/source/" + response.charsetSource().statName());
  }
}
