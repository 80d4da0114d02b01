/**
 * Crawl statistics: live counters every stage updates, and their final snapshot. Key names follow Scrapy's
 * ({@code downloader/response_count}, {@code item_scraped_count}, {@code dupefilter/filtered}, ...).
 */
@NullMarked
package dev.kumo.stats;

import org.jspecify.annotations.NullMarked;
