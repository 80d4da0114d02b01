package dev.kumo.observe;

import dev.kumo.CrawlResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The short table a person reads at the end of a crawl: pages, items, errors by reason, the status mix, the
 * slowest slots, the time. The full counter dump stays in the log and the stats file.
 */
public final class CrawlSummary {
  private CrawlSummary() {}

  /** The summary of {@code result}, with {@code slowest} slots (from {@link SlotLatencies#slowest}). */
  public static String format(CrawlResult result, List<SlotLatencies.SlotLatency> slowest) {
    StringBuilder sb = new StringBuilder();
    line(sb, "Crawl %s in %.1f s", result.finishReason(), result.elapsed().toNanos() / 1e9);
    line(sb, "  %-12s %10d  (%.1f/s)", "pages", result.pages(), result.pagesPerSecond());
    line(sb, "  %-12s %10d", "items", result.items());
    line(sb, "  %-12s %10d", "requests", result.stat("downloader/request_count"));
    line(sb, "  %-12s %10.1f MB", "received", result.stat("downloader/response_bytes") / 1e6);
    line(sb, "  %-12s %10d", "retries", result.stat("retry/count"));
    line(sb, "  %-12s %10d", "duplicates", result.stat("dupefilter/filtered"));
    Map<String, Long> statuses = under(result, "downloader/response_status_count/");
    line(sb, "  %-12s %10s  %s", "statuses", "", joined(statuses));
    Map<String, Long> errors = under(result, "downloader/exception_type_count/");
    under(result, "spider_exceptions/").forEach((k, v) -> errors.merge("spider " + k, v, Long::sum));
    line(sb, "  %-12s %10d  %s", "errors", errors.values().stream().mapToLong(Long::longValue).sum(),
        joined(errors));
    if (!slowest.isEmpty()) {
      line(sb, "  %-30s %10s %10s %10s", "slowest slots", "responses", "mean ms", "max ms");
      for (SlotLatencies.SlotLatency s : slowest) {
        line(sb, "  %-30s %10d %10.1f %10.1f", s.slot(), s.responses(), s.meanMillis(), s.maxMillis());
      }
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String format, Object... args) {
    sb.append(String.format(Locale.ROOT, format, args).stripTrailing()).append(System.lineSeparator());
  }

  private static Map<String, Long> under(CrawlResult result, String prefix) {
    Map<String, Long> m = new TreeMap<>();
    result.stats().forEach((k, v) -> {
      if (k.startsWith(prefix) && v != 0) {
        m.put(k.substring(prefix.length()), v);
      }
    });
    return m;
  }

  private static String joined(Map<String, Long> counts) {
    return counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
  }
}
