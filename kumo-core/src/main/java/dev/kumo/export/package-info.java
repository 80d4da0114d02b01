/**
 * Feed exports, like Scrapy's {@code FEEDS} setting and {@code -o}/{@code -O} options: scraped
 * {@link dev.kumo.Item}s written to a JSON Lines, JSON or CSV file.
 *
 * <pre>{@code
 * Feed feed = Feed.parse("out/books.jsonl", true);          // like: kumo crawl books -O out/books.jsonl
 * try (FeedExporter exporter = FeedExporters.open(feed, stats)) {
 *   exporter.export(Item.of("title", "Dune", "price", 9.99));
 * }
 * }</pre>
 *
 * <p>Differences from Scrapy: appending ({@code -o}) to a non-empty {@code .json} file is refused
 * instead of producing invalid JSON; a CSV field that is not a column is counted in the stats and
 * logged instead of being dropped silently; JSON Lines are flushed after every item.
 */
@NullMarked
package dev.kumo.export;

import org.jspecify.annotations.NullMarked;
