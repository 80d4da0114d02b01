/**
 * Seeing a running crawl: {@link dev.kumo.observe.CrawlMeters} (Micrometer meters fed from the crawl's stats,
 * served to Prometheus by {@link dev.kumo.observe.MetricsServer}), {@link dev.kumo.observe.DashboardServer} (a
 * live web page with pause, resume and stop), {@link dev.kumo.observe.StatsFile} and
 * {@link dev.kumo.observe.CrawlSummary} for the end of a crawl. Nothing here runs on the engine's threads except
 * the {@link dev.kumo.DownloadObserver}s, which only count.
 */
@NullMarked
package dev.kumo.observe;

import org.jspecify.annotations.NullMarked;
