package dev.kumo.cli;

import dev.kumo.testsite.SiteStats;
import java.util.List;

/**
 * One measured {@code kumo crawl} of {@code kumo bench --cold}, as the site saw it.
 *
 * @param pages {@code /page/N} requests the site served
 * @param duplicates page requests for a page already served
 * @param items items the crawl exported
 * @param spanSeconds from the start of the crawl's first request (any path, robots.txt included) to the start of
 *     its last, on the site's clock; 0 for a single request
 * @param wallSeconds from starting the command to its exit: launcher, JVM start, crawl and shutdown
 * @param cpuSeconds the child process's user + system CPU time; -1 if unknown
 * @param peakRssMb the child process's peak resident set size in MiB; -1 if unknown
 * @param exitCode the command's exit code
 */
public record ColdRun(long pages, long duplicates, long items, double spanSeconds, double wallSeconds,
    double cpuSeconds, double peakRssMb, int exitCode) {

  /** Page requests over the site-side span; 0 when the span is 0. */
  public double pagesPerSecond() {
    return spanSeconds <= 0 ? 0 : pages / spanSeconds;
  }

  /** Whether the crawl exited 0 and fetched each of {@code sitePages} pages once, one item each. */
  public boolean complete(int sitePages) {
    return exitCode == 0 && pages == sitePages && duplicates == 0 && items == sitePages;
  }

  /** The run the site's counters describe, with what the process side measured. */
  static ColdRun of(SiteStats served, long items, double wallSeconds, double cpuSeconds, double peakRssMb,
      int exitCode) {
    long pages = served.requestCountByPath().entrySet().stream()
        .filter(e -> e.getKey().startsWith("/page/")).mapToLong(e -> e.getValue()).sum();
    List<Long> starts = served.requestStartNanosByHost().values().stream().flatMap(List::stream).toList();
    long first = starts.stream().mapToLong(Long::longValue).min().orElse(0);
    long last = starts.stream().mapToLong(Long::longValue).max().orElse(0);
    return new ColdRun(pages, served.duplicateFetches(), items, (last - first) / 1e9, wallSeconds, cpuSeconds,
        peakRssMb, exitCode);
  }
}
