package dev.kumo.observe;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How stats counters become Micrometer counters: a stat key (or every key under a prefix, the rest of the key
 * becoming a tag) and the meter's name.
 *
 * @param stat the stat key, or a prefix ending in {@code /}
 * @param meter the meter's name (Micrometer's dotted form; Prometheus shows {@code kumo_pages_total})
 * @param tag the tag that takes the rest of a prefixed key, or null for an exact key
 * @param unit the base unit, or null
 * @param description what it counts
 */
record StatMeter(String stat, String meter, @Nullable String tag, @Nullable String unit, String description) {
  /** Every counter Kumo exports. */
  static final List<StatMeter> ALL = List.of(
      exact("downloader/request_count", "kumo.requests", null, "requests sent"),
      exact("downloader/response_count", "kumo.pages", null, "responses received"),
      exact("item_scraped_count", "kumo.items", null, "items exported"),
      exact("downloader/response_bytes", "kumo.response", "bytes", "response body bytes received"),
      exact("retry/count", "kumo.retries", null, "requests retried"),
      exact("dupefilter/filtered", "kumo.duplicates.filtered", null, "requests dropped as seen before"),
      exact("offsite/filtered", "kumo.offsite.filtered", null, "requests dropped as off the allowed domains"),
      exact("robotstxt/forbidden", "kumo.robots.forbidden", null, "requests dropped by robots.txt"),
      exact("scheduler/enqueued", "kumo.requests.enqueued", null, "requests queued in the frontier"),
      prefix("downloader/response_status_count/", "kumo.responses", "status", "responses by HTTP status"),
      prefix("downloader/exception_type_count/", "kumo.download.errors", "type", "failed downloads by kind"),
      prefix("spider_exceptions/", "kumo.spider.errors", "type", "callback exceptions by type"),
      prefix("retry/reason_count/", "kumo.retry.reasons", "reason", "retries by reason"),
      prefix("item_dropped_reasons_count/", "kumo.items.dropped", "reason", "items dropped by reason"));

  private static StatMeter exact(String stat, String meter, @Nullable String unit, String description) {
    return new StatMeter(stat, meter, null, unit, description);
  }

  private static StatMeter prefix(String stat, String meter, String tag, String description) {
    return new StatMeter(stat, meter, tag, null, description);
  }

  /** The tag value {@code key} gives this meter: "" for this exact key, null when it does not match. */
  @Nullable String tagValue(String key) {
    if (tag == null) {
      return key.equals(stat) ? "" : null;
    }
    return key.startsWith(stat) && key.length() > stat.length() ? key.substring(stat.length()) : null;
  }
}
