/**
 * Middlewares: small steps around the downloader ({@link dev.kumo.middleware.DownloaderMiddleware}) and around
 * the spider's callbacks ({@link dev.kumo.middleware.SpiderMiddleware}), listed by class name and order in the
 * settings {@code downloader_middlewares} and {@code spider_middlewares} (Scrapy's settings of the same names),
 * or given as instances to {@link dev.kumo.Crawler.Builder}.
 *
 * <p>A middleware is created once per crawl and called from many threads at once: keep its state thread-safe.
 */
@NullMarked
package dev.kumo.middleware;

import org.jspecify.annotations.NullMarked;
