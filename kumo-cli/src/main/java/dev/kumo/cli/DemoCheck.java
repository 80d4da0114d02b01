package dev.kumo.cli;

import dev.kumo.testsite.SiteStats;
import java.util.Locale;

/**
 * The verdict of {@code kumo demo}, from the test site's own instrumentation: every page fetched, none twice.
 *
 * @param pages pages the site has
 * @param pagesFetched distinct pages the site served
 * @param items items the crawl exported
 * @param duplicateFetches pages the site served more than once
 * @param maxInFlight the most requests the site served at once
 */
public record DemoCheck(int pages, int pagesFetched, long items, long duplicateFetches, int maxInFlight) {

  /** The check of a crawl of a {@code pages}-page site that exported {@code items} items. */
  public static DemoCheck of(int pages, long items, SiteStats stats) {
    int fetched = 0;
    for (int n = 0; n < pages; n++) {
      if (stats.pageFetchCount(n) > 0) {
        fetched++;
      }
    }
    return new DemoCheck(pages, fetched, items, stats.duplicateFetches(), stats.maxInFlight());
  }

  /** Whether every page was fetched and none twice. */
  public boolean ok() {
    return pagesFetched == pages && duplicateFetches == 0;
  }

  /** One line, e.g. {@code OK: 1000/1000 pages, 0 duplicate fetches (1000 items, at most 16 requests in flight)}. */
  public String summary() {
    return String.format(Locale.ROOT, "%s: %d/%d pages, %d duplicate fetches (%d items, at most %d requests in flight)",
        ok() ? "OK" : "FAILED", pagesFetched, pages, duplicateFetches, items, maxInFlight);
  }
}
