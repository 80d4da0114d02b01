/**
 * Sitemaps, read with crawler-commons' {@code SiteMapParser}: {@link dev.kumo.sitemap.SitemapSpider} (Scrapy's
 * {@code SitemapSpider}) and {@link dev.kumo.sitemap.Sitemaps}, the same logic for any spider (spider files use
 * it through their {@code sitemap_*} keys). robots.txt {@code Sitemap:} lines, sitemap indexes, gzip sitemaps,
 * URL rules to callbacks, which index entries to follow, and alternate-language links.
 */
@NullMarked
package dev.kumo.sitemap;

import org.jspecify.annotations.NullMarked;
