package dev.kumo.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Scrapy settings Kumo has no key for, and what to use instead: a Scrapy user's {@code --set jobdir=...} gets
 * "use job_dir" rather than the nearest unrelated key.
 */
public final class ScrapyNames {
  private static final Map<String, String> INSTEAD = Map.ofEntries(
      Map.entry("jobdir", "use job_dir (or kumo crawl --job-dir DIR)"),
      Map.entry("feeds", "use -o FILE / -O FILE, or Crawler.builder(spider).feed(...) in Java"),
      Map.entry("feed_uri", "use -o FILE / -O FILE, or Crawler.builder(spider).feed(...) in Java"),
      Map.entry("feed_format", "the format comes from -o FILE's extension or a :jsonl, :json or :csv suffix"),
      Map.entry("log_file", "Kumo logs to stderr: redirect it (kumo crawl ... 2> crawl.log)"),
      Map.entry("log_level", "use --log-level LEVEL"),
      Map.entry("log_enabled", "use --quiet or --log-level ERROR"),
      Map.entry("bot_name", "use user_agent"),
      Map.entry("concurrent_items", "use queue_capacity"),
      Map.entry("scheduler_priority_queue", "use frontier_order"),
      Map.entry("scheduler_disk_queue", "use job_dir: the job directory keeps the frontier on disk"),
      Map.entry("scheduler_memory_queue", "use frontier_order"),
      Map.entry("dupefilter_class", "Kumo always deduplicates by fingerprint; set dontFilter on a request to skip it"),
      Map.entry("twisted_reactor", "Kumo has no reactor: use execution_model (async, threads, sequential)"),
      Map.entry("telnetconsole_enabled", "Kumo has no telnet console: the live status line shows progress"),
      Map.entry("memusage_limit_mb", "set the heap with KUMO_JAVA_OPTS=-Xmx...; Kumo bounds response bodies by "
          + "download_memory_budget and its queues by queue_capacity and job_dir_memory_requests"));

  private ScrapyNames() {}

  /** The Scrapy names this class answers for. */
  public static java.util.Set<String> names() {
    return INSTEAD.keySet();
  }

  /** What to use instead of the Scrapy setting {@code name} (lower case, '_'-separated), or null. */
  public static @Nullable String instead(String name) {
    return INSTEAD.get(name);
  }
}
